/**
 * The SQL path for big delimited files must not change anything but the speed: the same files
 * loaded with it and with the TypeScript reader alone give the same reports (counts, lines,
 * columns, messages) and the same warehouse rows. Files: a messy consommations export (title,
 * blank lines, quotes, padded cells, every bad value, duplicates, totals), its UTF-8 twin, a
 * quoted line break, old Mac line ends, and the generated sample's Noethys exports.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ensureSchema } from "../../src/warehouse/schema.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { decodeDelimited } from "../../src/ingest/read_tables.ts";
import { sqlPathApplies, stageDelimited } from "../../src/ingest/stage_delimited_sql.ts";
import { attendanceNoethysLoader } from "../../loaders/attendance_noethys.ts";
import type { LoadReport } from "../../src/ingest/load_report.ts";
import { childPeakRss } from "../../src/ingest/stage_in_child.ts";

const KEY = new Uint8Array(32).fill(7);
const FIXTURES = new URL("../fixtures/attendance/", import.meta.url).pathname;
const MESSY = join(FIXTURES, "consommations_desordre.csv");

async function ingestBothWays(dir: string, registry: string, files: string[]) {
  const results = [];
  for (const sqlPath of [true, false]) {
    const wh = await openWarehouse(":memory:");
    try {
      await ingestPaths(wh.conn, { paths: [registry], key: KEY });
      const reports: LoadReport[] = [];
      for (const file of files) {
        reports.push(...await ingestPaths(wh.conn, { paths: [file], key: KEY, structureId: "ors", sqlPath }));
      }
      const rows = await queryRows(
        wh.conn,
        `SELECT structure_id, record_ref, person_ref, activity_label, CAST(visit_date AS VARCHAR) AS day,
           hours, state, is_presence, load_id, source_line FROM stg_attendance ORDER BY load_id, record_ref`,
      );
      const loads = await queryRows(
        wh.conn,
        `SELECT load_id, format, rows_read, rows_loaded, rows_rejected, rows_duplicate, rows_replaced, status,
           CAST(period_start AS VARCHAR) AS ps, CAST(period_end AS VARCHAR) AS pe, superseded_by
         FROM loads ORDER BY load_id`,
      );
      results.push({ reports, rows, loads });
    } finally {
      wh.close();
    }
  }
  void dir;
  // The SQL path really ran, in its own process.
  assert.ok(childPeakRss > 0, "no staging process ran");
  return results;
}

async function registryIn(dir: string) {
  const registry = join(dir, "structures.csv");
  await Deno.writeTextFile(registry, "Identifiant;Nom;Type\nors;Maison de quartier des Ors;Centre social\n");
  return registry;
}

Deno.test("SQL path and TypeScript reader agree on messy consommations exports", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "sql_path_" });
  try {
    const registry = await registryIn(dir);
    const files = [
      "consommations_desordre.csv",
      "consommations_utf8_bom.csv",
      "consommations_mac.csv",
      "consommations_retour_ligne.csv",
    ].map((f) => join(FIXTURES, f));
    const [sql, reference] = await ingestBothWays(dir, registry, files);

    await t.step("same reports, same rows, same loads", () => {
      assert.deepEqual(sql.reports, reference.reports);
      assert.deepEqual(sql.rows, reference.rows);
      assert.deepEqual(sql.loads, reference.loads);
    });

    await t.step("the messy export: counts and messages by line, computed by hand", () => {
      const report = sql.reports[0];
      // Lines 4 to 26 follow the header (line 3): 23, minus 2 blank (11, 12) and 2 totals = 19.
      assert.equal(report.rowsRead, 19);
      // Rejected: 31/02 (l. 8), no person (l. 10), end before start (l. 13), « en retard »
      // (l. 14), a short line without its state (l. 19). « 1.234 » is a thousands number.
      const errors = report.issues.filter((i) => i.severity === "erreur");
      assert.deepEqual([...new Set(errors.map((e) => e.line))], [8, 10, 13, 14, 19]);
      assert.equal(report.rowsRejected, 5);
      assert.equal(report.rowsDuplicate, 1);
      assert.equal(report.rowsLoaded, 19 - 5 - 1);
      const duplicate = report.issues.find((i) => i.line === 17)!;
      assert.match(duplicate.message, /même contenu que la ligne 4/);
      const totals = report.issues.filter((i) => /ligne de total/.test(i.message)).map((i) => i.line);
      assert.deepEqual(totals, [25, 26]);
      const date = errors.find((e) => e.line === 8)!;
      assert.deepEqual([date.column, date.value], ["date", "31/02/2024"]);
      assert.match(date.message, /le 31 février 2024 n'existe pas/);
      assert.ok(
        report.issues.some((i) => i.line === 3 && i.column === "Remarque"),
        "unknown column reported",
      );
    });

    await t.step("values written by SQL equal the ones TypeScript computes", () => {
      // Each later file re-sends some ids: the rows hold the values of the last file sending them.
      const byRef = new Map(sql.rows.map((r) => [r.record_ref, r]));
      const first = byRef.get("noethys:1")!;
      assert.deepEqual([first.day, first.hours, first.state, first.is_presence], [
        "2024-03-12",
        1.5,
        "present",
        true,
      ]);
      // (3 and 4 are gone: the last file's period covers the Mac file's, which it replaces.)
      assert.equal(byRef.get("noethys:3"), undefined);
      assert.equal(byRef.get("noethys:14")!.activity_label, 'Atelier "cuisine"');
      assert.equal(byRef.get("noethys:15")!.activity_label, "Ensemble vocal");
      assert.equal(byRef.get("noethys:6")!.state, "present"); // « Présent », Windows-1252
      assert.equal(byRef.get("noethys:6")!.day, "2024-03-01"); // « 1er mars 2024 »
      assert.equal(byRef.get("noethys:16")!.day, "2024-03-19"); // Excel serial 45370
      assert.equal(byRef.get("noethys:10")!.hours, null); // a reservation without times
      assert.equal(byRef.get("noethys:11")!.is_presence, false);
      // The same person id gives the same pseudonym whichever path read the line.
      assert.equal(byRef.get("noethys:18")!.person_ref, first.person_ref);
      assert.equal(byRef.get("noethys:18")!.activity_label, "Chorale");
    });

    await t.step("a quoted line break and old Mac line ends are read whole by TypeScript", () => {
      assert.equal(sql.reports[2].rowsLoaded, 4); // Mac: 31/02 rejected, the quoted and padded lines kept
      const multi = sql.reports[3];
      assert.deepEqual([multi.rowsRead, multi.rowsLoaded, multi.superseded.length], [3, 3, 1]);
      assert.deepEqual(multi.issues.map((i) => i.column), ["Remarque"]);
      const owned = (ref: string) =>
        sql.rows.find((r) => r.load_id === multi.loadId && r.record_ref === ref)!;
      assert.deepEqual([owned("noethys:19").source_line, owned("noethys:19").activity_label], [
        3,
        "Atelier\ncuisine",
      ]);
      assert.equal(owned("noethys:2").source_line, 5);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("stageDelimited takes the plain lines and hands back the others with their line", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    await ensureSchema(wh.conn);
    const { text, delimiter } = decodeDelimited(await Deno.readFile(MESSY));
    assert.ok(sqlPathApplies(attendanceNoethysLoader, text));
    const staged = await stageDelimited(
      wh.conn,
      attendanceNoethysLoader as never,
      text,
      delimiter,
      3,
      {
        conso_id: 0,
        person_id: 1,
        registration_id: 2,
        activity_id: 3,
        date: 4,
        start: 5,
        end: 6,
        state: 7,
        quantity: 8,
      },
      "ors",
      (parts) => parts.join("|"),
    );
    assert.ok(staged);
    // Plain lines: ids, dd/mm/yyyy or ISO dates, HH:MM, Noethys' lowercase states, no quote, no
    // padding, no possible totals label (see the fixture). 27 is the empty end after the last CRLF.
    assert.deepEqual(staged.others.map((o) => o.line), [
      6,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
      16,
      19,
      20,
      22,
      23,
      24,
      25,
      26,
      27,
    ]);
    assert.equal(staged.rows, 6);
    const rows = await queryRows(
      wh.conn,
      "SELECT person_ref, source_line FROM sqlpath_rows ORDER BY source_line",
    );
    assert.deepEqual(rows.map((r) => r.source_line), [4, 5, 15, 17, 18, 21]);
    assert.equal(rows[0].person_ref, "noethys|ors|101");
  } finally {
    wh.close();
  }
});

Deno.test("SQL path and TypeScript reader agree on the sample's Noethys exports", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sql_path_sample_" });
  try {
    await generateSample({ out: dir, scale: 0.05, seed: 2017 });
    const registry = await registryIn(dir);
    const inbox = join(dir, "inbox");
    const files: string[] = [];
    for (const structure of ["ors", "noel-guichard", "saint-nicolas"]) {
      for await (const entry of Deno.readDir(join(inbox, structure))) {
        if (entry.name.startsWith("consommations")) files.push(join(inbox, structure, entry.name));
      }
    }
    files.sort();
    const [sql, reference] = await ingestBothWays(dir, registry, files);
    assert.ok(sql.rows.length > 1000, `${sql.rows.length} lignes`);
    assert.deepEqual(sql.reports, reference.reports);
    assert.deepEqual(sql.rows, reference.rows);
    assert.deepEqual(sql.loads, reference.loads);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
