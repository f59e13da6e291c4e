/**
 * The generated sample, ingested end to end into an in-memory warehouse, checked against the
 * generator's own ground truth (expected.json): attendance per structure and year, nothing lost
 * silently, the deliberate defects reported where they are, tracing, idempotence, people
 * shared between the Noethys centres.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { Buffer } from "node:buffer";
import readExcelFile from "read-excel-file/node";
import { generateSample } from "../../src/sample/generate.ts";
import type { Expected } from "../../src/sample/truth.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import type { LoadReport } from "../../src/ingest/load_file.ts";

const SEED = 2017;
const SCALE = 0.05;
const KEY = new Uint8Array(32).fill(1);
const NOETHYS = ["ors", "saint-nicolas", "noel-guichard"];
/** Two of the 35 other structures (a centre social and an EVS), plus the three Noethys centres. */
const CHECKED = [...NOETHYS, "cs-valence", "evs-die"];
const DUPLICATE_MESSAGE =
  /^ligne en double dans le fichier \(même contenu que la ligne \d+\) : comptée une seule fois$/;
const STG_TABLES = [
  "stg_structures",
  "stg_people",
  "stg_registrations",
  "stg_attendance",
  "stg_volunteering",
];

/** Lines of a sample CSV, decoded independently of the ingest (index 0 is line 1). */
async function csvLines(inbox: string, expected: Expected, path: string): Promise<string[]> {
  const entry = expected.files.find((f) => f.path === path)!;
  const bytes = await Deno.readFile(join(inbox, path));
  const text = new TextDecoder(entry.encoding === "windows-1252" ? "windows-1252" : "utf-8").decode(bytes);
  return text.split(/\r?\n/);
}

/** Hours as the generator writes them: 1.5, "1,5", "1h30", "2h", "01:30". */
function hoursOf(cell: unknown): number {
  if (typeof cell === "number") return cell;
  const s = String(cell).trim();
  let m = /^(\d+)h(\d\d)?$/.exec(s);
  if (m) return Number(m[1]) + Number(m[2] ?? 0) / 60;
  m = /^(\d\d):(\d\d)$/.exec(s);
  if (m) return Number(m[1]) + Number(m[2]) / 60;
  assert.match(s, /^\d+(,\d+)?$/, `durée inattendue ${s}`);
  return Number(s.replace(",", "."));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const duplicateLines = (r: LoadReport) =>
  r.issues.filter((i) => DUPLICATE_MESSAGE.test(i.message)).map((i) => i.line!);

Deno.test("the generated sample ingests as its ground truth says", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "sample_ingest_" });
  const wh = await openWarehouse(":memory:");
  const { conn } = wh;
  try {
    const { expected } = await generateSample({ out: dir, scale: SCALE, seed: SEED });
    const inbox = join(dir, "inbox");
    const reports = await ingestPaths(conn, { paths: [inbox], key: KEY });
    const reportsOf = (path: string) => reports.filter((r) => r.file === path);
    const one = (path: string) => {
      const found = reportsOf(path);
      assert.equal(found.length, 1, path);
      return found[0];
    };
    const query = (sql: string, params: unknown[] = []) => queryRows(conn, sql, params);

    await t.step("every file of the inbox gets a report, none is refused", () => {
      for (const f of expected.files) {
        const rs = reportsOf(f.path);
        assert.equal(rs.length, f.sheets ? Object.keys(f.sheets).length : 1, f.path);
        for (const r of rs) assert.ok(r.status === "loaded" || r.status === "unchanged", f.path);
        for (const r of rs) assert.equal(r.rowsRejected, 0, f.path);
      }
    });

    await t.step("attendance per Noethys structure and year equals the ground truth", async () => {
      for (const id of CHECKED) {
        const rows = await query(
          `SELECT year(visit_date) AS y, count(*) AS n, count(*) FILTER (WHERE is_presence) AS present,
             round(coalesce(sum(hours) FILTER (WHERE is_presence), 0), 2) AS hours,
             count(DISTINCT person_ref) FILTER (WHERE is_presence) AS participants
           FROM stg_attendance WHERE structure_id = $1 GROUP BY y ORDER BY y`,
          [id],
        );
        const years = Object.keys(expected.attendance[id]).filter((y) => expected.attendance[id][y].rows > 0);
        assert.deepEqual(rows.map((r) => String(r.y)), years, id);
        for (const r of rows) {
          const want = expected.attendance[id][String(r.y)];
          assert.deepEqual(
            { rows: r.n, present: r.present, hours: Number(r.hours), participants: r.participants },
            want,
            `${id} ${r.y}`,
          );
        }
      }
    });

    await t.step("sheets: loaded + duplicates = rows written, per file and per sheet", () => {
      for (const f of expected.files) {
        const isSheet = /\/(emargement|benevolat)[^/]*$/.test(f.path);
        if (!isSheet) continue;
        if (f.sheets) {
          for (const [sheet, rows] of Object.entries(f.sheets)) {
            const r = reportsOf(f.path).find((x) => x.sheet === sheet)!;
            assert.equal(r.rowsRead, rows, `${f.path} ${sheet}`);
            assert.equal(r.rowsLoaded + r.rowsDuplicate, rows, `${f.path} ${sheet}`);
            assert.equal(duplicateLines(r).length, r.rowsDuplicate);
          }
        } else {
          const r = one(f.path);
          assert.equal(r.rowsLoaded + r.rowsDuplicate, f.rows, f.path);
          assert.equal(duplicateLines(r).length, r.rowsDuplicate);
        }
      }
      // The sample does hold such identical lines (so the identity above is not trivially 0 + n).
      const dups = reports.filter((r) => r.kind === "volunteering").reduce((s, r) => s + r.rowsDuplicate, 0);
      assert.ok(dups > 0);
    });

    // Hours of every reported duplicate line, read from the files without the ingest's readers.
    const dupHours = new Map<string, number>(); // "<structure>|<year>|<kind>" → hours
    const addDup = (id: string, year: string, kind: string, hours: number) => {
      const k = `${id}|${year}|${kind}`;
      dupHours.set(k, (dupHours.get(k) ?? 0) + hours);
    };
    await t.step("duplicate lines repeat an earlier line of the same file", async () => {
      for (const r of reports) {
        const lines = duplicateLines(r);
        if (lines.length === 0 || r.format === "noethys-consommations") continue;
        const id = r.file.split("/")[0];
        if (r.sheet === null) {
          const text = await csvLines(inbox, expected, r.file);
          for (const line of lines) {
            assert.ok(text.slice(0, line - 1).includes(text[line - 1]), `${r.file}:${line}`);
            const cells = text[line - 1].split(";");
            const year = /_(\d{4})\.csv$/.exec(r.file)?.[1] ?? cells[1].slice(-4);
            addDup(id, year, r.kind!, hoursOf(cells[3]));
          }
        } else {
          const sheets = await readExcelFile(Buffer.from(await Deno.readFile(join(inbox, r.file))));
          const data = sheets.find((s) => s.sheet === r.sheet)!.data;
          const header = data[2].map(String);
          const col = (name: string) => header.indexOf(name);
          const sameDay = (a: unknown, b: unknown) => {
            const iso = (v: unknown) =>
              v instanceof Date ? v.toISOString().slice(0, 10) : String(v).split("/").reverse().join("-");
            return iso(a) === iso(b);
          };
          for (const line of lines) {
            const row = data[line - 1];
            const twin = data.slice(3, line - 1).some((earlier) =>
              earlier.every((cell, i) =>
                i === col("Date")
                  ? sameDay(cell, row[i])
                  : i === col("Durée")
                  ? hoursOf(cell) === hoursOf(row[i])
                  : cell === row[i]
              )
            );
            assert.ok(twin, `${r.file} ${r.sheet}:${line}`);
            addDup(id, r.sheet, r.kind!, hoursOf(row[col("Durée")]));
          }
        }
      }
    });

    await t.step("volunteering hours = truth minus the reported duplicate lines", async () => {
      const rows = await query(
        `SELECT structure_id AS id, year(month) AS y, round(sum(hours), 2) AS hours,
           count(DISTINCT volunteer_ref) AS volunteers
         FROM stg_volunteering GROUP BY ALL ORDER BY ALL`,
      );
      const expectedCount = Object.values(expected.volunteering)
        .reduce((s, years) => s + Object.values(years).filter((v) => v.volunteers > 0).length, 0);
      assert.equal(rows.length, expectedCount);
      for (const r of rows) {
        const want = expected.volunteering[String(r.id)][String(r.y)];
        const dup = dupHours.get(`${r.id}|${r.y}|volunteering`) ?? 0;
        assert.equal(Number(r.hours), round2(want.hours - dup), `${r.id} ${r.y}`);
        assert.equal(r.volunteers, want.volunteers, `${r.id} ${r.y}`);
      }
    });

    await t.step("accorderie sign-in sheets: truth minus the reported duplicate lines", async () => {
      const rows = await query(
        `SELECT year(visit_date) AS y, count(*) AS n, round(sum(hours), 2) AS hours,
           count(DISTINCT person_ref) AS participants, count(*) FILTER (WHERE NOT is_presence) AS absent
         FROM stg_attendance WHERE structure_id = 'accorderie' GROUP BY y ORDER BY y`,
      );
      const file = expected.files.find((f) => f.path === "accorderie/emargement_ateliers.xlsx")!;
      assert.deepEqual(rows.map((r) => String(r.y)), Object.keys(file.sheets!));
      for (const r of rows) {
        const y = String(r.y);
        const want = expected.attendance.accorderie[y];
        const report = reportsOf(file.path).find((x) => x.sheet === y)!;
        assert.equal(r.n, want.rows - report.rowsDuplicate, y);
        assert.equal(r.absent, 0);
        assert.equal(
          Number(r.hours),
          round2(want.hours - (dupHours.get(`accorderie|${y}|attendance`) ?? 0)),
          y,
        );
        assert.equal(r.participants, want.participants, y);
      }
    });

    await t.step("a byte-identical copy is « déjà chargé » and adds no row", async () => {
      const copy = one("noel-guichard/consommations_2021 (copie).csv");
      assert.equal(copy.status, "unchanged");
      assert.equal(copy.loadId, null);
      assert.equal(copy.rowsLoaded, 0);
      assert.match(copy.issues[0].message, /contenu identique à « noel-guichard\/consommations_2021\.csv »/);
      const original = one("noel-guichard/consommations_2021.csv");
      assert.equal(original.status, "loaded");
      const [{ n }] = await query(
        "SELECT count(*) AS n FROM stg_attendance WHERE structure_id = 'noel-guichard' AND year(visit_date) = 2021",
      );
      assert.equal(n, expected.attendance["noel-guichard"]["2021"].rows);
      const loads = await query("SELECT file_name FROM loads WHERE file_name LIKE '%(copie)%'");
      assert.equal(loads.length, 0);
    });

    await t.step("saint-nicolas 2022: the 25 pasted lines are reported with their line numbers", async () => {
      const path = "saint-nicolas/consommations_2022.csv";
      const r = one(path);
      const written = expected.files.find((f) => f.path === path)!.rows;
      assert.equal(r.rowsDuplicate, 25);
      assert.equal(r.rowsRead, written);
      assert.equal(r.rowsLoaded, written - 25);
      assert.equal(r.rowsLoaded, expected.attendance["saint-nicolas"]["2022"].rows);
      const lines = duplicateLines(r);
      assert.equal(new Set(lines).size, 25);
      const text = await csvLines(inbox, expected, path);
      // Each copy sits right after its original.
      for (const line of lines) assert.equal(text[line - 1], text[line - 2], `line ${line}`);
      const [{ n }] = await query(
        "SELECT count(*) AS n FROM load_issues WHERE load_id = $1 AND regexp_matches(message, $2)",
        [r.loadId, DUPLICATE_MESSAGE.source],
      );
      assert.equal(n, 25);
    });

    await t.step("the totals line of noel-guichard 2024 is a warning, not a row", async () => {
      const path = "noel-guichard/consommations_2024.csv";
      const r = one(path);
      const written = expected.files.find((f) => f.path === path)!.rows;
      const totals = r.issues.filter((i) => i.message.startsWith("ligne de total"));
      assert.equal(totals.length, 1);
      assert.equal(totals[0].severity, "avertissement");
      assert.equal(totals[0].line, written + 2); // header on line 1, data on 2..written+1
      assert.match((await csvLines(inbox, expected, path))[written + 1], /^Total;/);
      assert.equal(r.rowsLoaded, written);
      const [{ max }] = await query("SELECT max(source_line) AS max FROM stg_attendance WHERE load_id = $1", [
        r.loadId,
      ]);
      assert.equal(max, written + 1);
    });

    await t.step("the title line of ors 2019 does not prevent loading", async () => {
      const path = "ors/consommations_2019.csv";
      const r = one(path);
      const written = expected.files.find((f) => f.path === path)!.rows;
      assert.equal(r.status, "loaded");
      assert.equal(r.rowsLoaded, written);
      assert.equal(r.rowsRejected, 0);
      const [range] = await query(
        "SELECT min(source_line) AS lo, max(source_line) AS hi, count(*) AS n FROM stg_attendance WHERE load_id = $1",
        [r.loadId],
      );
      // Title on line 1, blank line 2, header on line 3.
      assert.deepEqual(range, { lo: 4, hi: written + 3, n: written });
    });

    await t.step("saint-nicolas invalid birth dates warn on their line and column date_naiss", async () => {
      const path = "saint-nicolas/individus.csv";
      const r = one(path);
      assert.equal(r.rowsLoaded, expected.people["saint-nicolas"]);
      const text = await csvLines(inbox, expected, path);
      const header = text[0].replace(/^\uFEFF/, "").split(";");
      const col = header.indexOf("date_naiss");
      const bad = text.map((l, i) => ({ line: i + 1, cells: l.split(";") }))
        .filter(({ line, cells }) => line > 1 && cells.length === header.length)
        .filter(({ cells }) => !/^\d\d\/\d\d\/\d{4}$/.test(cells[col]) || cells[col] === "31/02/1987");
      assert.deepEqual(bad.map((b) => b.cells[col]).sort(), ["", "31/02/1987", "inconnue"]);
      // The two unreadable values warn; an empty birth date is a missing value, not an error.
      const warned = r.issues.filter((i) => i.column === "date_naiss");
      assert.deepEqual(
        warned.map((i) => [i.line, i.severity]),
        bad.filter((b) => b.cells[col] !== "").map((b) => [b.line, "avertissement"]),
      );
      for (const w of warned) assert.match(w.message, /valeur laissée vide$/);
      // All three rows are kept, with no birth year.
      const kept = await query(
        `SELECT source_line, birth_year, person_key = person_ref AS unlinked FROM stg_people
         WHERE load_id = $1 AND source_line IN (${bad.map((b) => b.line).join(", ")}) ORDER BY source_line`,
        [r.loadId],
      );
      assert.deepEqual(
        kept,
        bad.map((b) => ({ source_line: b.line, birth_year: null, unlinked: true })).sort((a, b) =>
          a.source_line - b.source_line
        ),
      );
    });

    await t.step("every staging row points to a recorded load and a real line", async () => {
      for (const table of STG_TABLES) {
        const [c] = await query(
          `SELECT count(*) AS n, count(*) FILTER (WHERE l.load_id IS NULL) AS orphans,
             count(*) FILTER (WHERE s.source_line IS NULL OR s.source_line <= 0) AS no_line,
             count(*) FILTER (WHERE l.structure_id IS DISTINCT FROM s.structure_id) AS other_structure
           FROM ${table} s LEFT JOIN loads l USING (load_id)`,
        );
        assert.ok(Number(c.n) > 0, table);
        assert.deepEqual(
          { orphans: c.orphans, no_line: c.no_line },
          { orphans: 0, no_line: 0 },
          table,
        );
        if (table !== "stg_structures") assert.equal(c.other_structure, 0, table);
      }
      const [{ n }] = await query("SELECT count(*) AS n FROM stg_structures");
      assert.equal(n, expected.files.find((f) => f.path === "structures.csv")!.rows);
    });

    await t.step("people shared between the three Noethys centres", async () => {
      const [{ n }] = await query(
        `SELECT count(*) AS n FROM (
           SELECT person_key FROM stg_people WHERE structure_id IN ('ors', 'saint-nicolas', 'noel-guichard')
           GROUP BY person_key HAVING count(DISTINCT structure_id) >= 2)`,
      );
      assert.equal(n, expected.shared_people);
      for (const id of CHECKED) {
        const [{ people }] = await query(
          "SELECT count(*) AS people FROM stg_people WHERE structure_id = $1",
          [id],
        );
        assert.equal(people, expected.people[id], id);
      }
    });

    await t.step("Noethys people of Romans-sur-Isère get commune 26281", async () => {
      const [c] = await query(
        `SELECT count(*) AS n, count(*) FILTER (WHERE commune_insee = '26281') AS romans
         FROM stg_people WHERE structure_id IN ('ors', 'saint-nicolas', 'noel-guichard') AND postcode = '26100'`,
      );
      assert.ok(Number(c.n) > 0);
      assert.equal(c.romans, c.n);
    });

    await t.step(
      "membership lists: members, types and fees; members link to the Noethys individus",
      async () => {
        assert.ok(Object.keys(expected.memberships).length >= 1);
        for (const [id, truth] of Object.entries(expected.memberships)) {
          const r = one(`${id}/adhesions_2024-2025.csv`);
          assert.deepEqual([r.kind, r.format, r.status], ["registrations", "liste-adhesions", "loaded"]);
          assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsDuplicate], [truth.members, truth.members, 0]);
          const rows = await query(
            `SELECT membership_type AS t, count(*) AS n, sum(amount) AS amount,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM stg_people p
               WHERE p.structure_id = m.structure_id AND p.person_key = m.person_key)) AS linked
           FROM stg_memberships m WHERE structure_id = $1 GROUP BY ALL ORDER BY ALL`,
            [id],
          );
          assert.deepEqual(
            Object.fromEntries(rows.map((x) => [x.t, Number(x.n)])),
            Object.fromEntries(Object.entries(truth.types).sort()),
            id,
          );
          assert.equal(rows.reduce((s, x) => s + Number(x.amount), 0), truth.amount, id);
          assert.equal(rows.reduce((s, x) => s + Number(x.linked), 0), truth.linked, id);
        }
      },
    );

    await t.step("survey answers resolve against the XLSForm as the ground truth says", async () => {
      const items = await query("SELECT form_id, count(*) AS n FROM survey_items GROUP BY ALL");
      assert.deepEqual(items, [{ form_id: expected.surveys.form_id, n: expected.surveys.items }]);
      const rows = await query(
        "SELECT structure_id, wave, count(*) AS n FROM stg_survey_responses GROUP BY ALL ORDER BY ALL",
      );
      const want = Object.entries(expected.surveys.responses).flatMap(([id, waves]) =>
        Object.entries(waves).map(([wave, n]) => ({ structure_id: id, wave, n }))
      ).sort((a, b) => `${a.structure_id}|${a.wave}`.localeCompare(`${b.structure_id}|${b.wave}`));
      assert.deepEqual(rows, want);
      // Both shapes of the Ors' select_multiple count each ticked choice once; every answer resolves.
      const [c] = await query(
        `SELECT count(*) FILTER (WHERE item_type = 'select_multiple') AS ticked,
           count(*) FILTER (WHERE item_name IS NULL) AS unresolved,
           count(*) FILTER (WHERE choice_known = false) AS outside
         FROM survey_answers_resolved`,
      );
      assert.deepEqual(c, { ticked: expected.surveys.activities_ticked, unresolved: 0, outside: 0 });
    });

    await t.step("a second ingest of the same inbox adds nothing", async () => {
      const count = async () => {
        const out: Record<string, unknown> = {};
        for (const table of [...STG_TABLES, "loads", "load_issues"]) {
          out[table] = (await query(`SELECT count(*) AS n FROM ${table}`))[0].n;
        }
        return out;
      };
      const before = await count();
      const again = await ingestPaths(conn, { paths: [inbox], key: KEY });
      assert.equal(again.length, expected.files.length);
      for (const r of again) {
        assert.equal(r.status, "unchanged", r.file);
        assert.equal(r.rowsLoaded, 0);
      }
      assert.deepEqual(await count(), before);
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
