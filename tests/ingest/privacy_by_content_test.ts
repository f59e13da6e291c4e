/**
 * Personal data by content (issue 13): survey exports of Google Forms, KoboToolbox (CSV, and a
 * workbook with a repeat-group sheet) and LimeSurvey, whose innocent-looking questions
 * (« Quand est votre anniversaire ? », « Votre contact », « Où habitez-vous ? », a Kobo geopoint)
 * hold a name, an e-mail, a phone, a birth date, an address and a GPS point. Each is loaded into
 * a warehouse FILE; after CHECKPOINT every column of every table and the raw bytes of the
 * .duckdb file (and its .wal) are searched for each personal value. Fixtures:
 * tests/fixtures/privacy/ (hand-written from the layouts of /work/shared/real-formats.md).
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import type { LoadReport } from "../../src/ingest/load_report.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { type SetAsideColumn, setAsideColumns } from "../../src/site/set_aside_columns.ts";
import { publishQuality } from "../../src/site/publish_quality.ts";
import { MAIN_VALUES } from "../fixtures/privacy/personal_values.ts";
import { koboWorkbook, REPEAT_VALUES } from "../fixtures/privacy/kobo_workbook.ts";

const KEY = new Uint8Array(32).fill(13);
const FIXTURES = new URL("../fixtures/privacy/", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\nors;Maison de quartier des Ors;Centre social\n";

/** What a search found: the values met in the tables and in the raw file bytes. */
interface Found {
  reports: LoadReport[];
  /** What « Qualité des données » lists. */
  setAside: SetAsideColumn[];
  /** The page data of « Qualité des données » (qualite.json), as published. */
  qualityJson: string;
  inTables: (values: readonly string[]) => string[];
  inBytes: (values: readonly string[]) => string[];
}

/**
 * Loads `files` (inbox path → bytes) into a warehouse file, checkpoints and closes it, then reads
 * back every column of every table as text, and the raw bytes of the file and its WAL.
 */
async function loadAndSearch(files: [string, Uint8Array][]): Promise<Found> {
  const dir = await Deno.makeTempDir({ prefix: "privacy_by_content_" });
  try {
    const inbox = join(dir, "inbox");
    await Deno.mkdir(join(inbox, "ors"), { recursive: true });
    await Deno.writeTextFile(join(inbox, "structures.csv"), REGISTRY);
    for (const [path, bytes] of files) await Deno.writeFile(join(inbox, path), bytes);
    const path = join(dir, "entrepot.duckdb");
    let wh = await openWarehouse(path);
    let reports: LoadReport[];
    let setAside: SetAsideColumn[];
    let qualityJson: string;
    try {
      reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
      setAside = await setAsideColumns(wh.conn);
      qualityJson = JSON.stringify(await publishQuality(wh.conn));
      await wh.conn.run("CHECKPOINT");
    } finally {
      wh.close();
    }
    // Every column of every table, cast to text: VARCHAR columns, but also dates and numbers.
    wh = await openWarehouse(path);
    let text = "";
    try {
      const columns = await queryRows(
        wh.conn,
        `SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
         JOIN information_schema.tables USING (table_catalog, table_schema, table_name)
         WHERE table_type = 'BASE TABLE' ORDER BY ALL`,
      );
      const tables = Map.groupBy(columns, (r) => String(r.t));
      assert.ok(tables.size > 20, `only ${tables.size} tables`);
      for (const [table, cols] of tables) {
        const cells = cols.map((r) => `coalesce(CAST("${String(r.c)}" AS VARCHAR), '')`).join(", ");
        const rows = await queryRows(
          wh.conn,
          `SELECT coalesce(string_agg(concat_ws(chr(1), ${cells}), chr(10)), '') AS v FROM "${table}"`,
        );
        text += `${String(rows[0].v)}\n`;
      }
    } finally {
      wh.close();
    }
    const bytes = [await Deno.readFile(path)];
    try {
      bytes.push(await Deno.readFile(`${path}.wal`));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    const buffers = bytes.map((b) => Buffer.from(b));
    return {
      reports,
      setAside,
      qualityJson,
      inTables: (values) => values.filter((v) => text.includes(v)),
      inBytes: (values) =>
        values.filter((v) => buffers.some((b) => b.indexOf(Buffer.from(v, "utf-8")) !== -1)),
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Columns reported as set aside by content, with the French category, in header order. */
function setAside(report: LoadReport): [string | null, string][] {
  return report.issues.filter((i) => /écartée : elle contient/.test(i.message)).map((i) => {
    assert.equal(i.value, null);
    return [i.column, /elle contient (.+) \(données personnelles/.exec(i.message)![1]];
  });
}

const fixture = async (name: string) => await Deno.readFile(new URL(name, FIXTURES));

/** The checks every tool shares: rows loaded, no personal value anywhere, answers kept. */
function assertNothingPersonal(found: Found, values: readonly string[], kept: readonly string[]) {
  assert.deepEqual(found.inTables(values), [], "personal values found in the tables");
  assert.deepEqual(found.inBytes(values), [], "personal values found in the warehouse file");
  const json = JSON.stringify(found.reports);
  assert.deepEqual(values.filter((v) => json.includes(v)), [], "personal values found in the load report");
  assert.deepEqual(
    values.filter((v) => found.qualityJson.includes(v)),
    [],
    "personal values found in qualite.json",
  );
  // The search works: ordinary answers of the same rows are in the tables.
  assert.deepEqual(found.inTables(kept), kept);
  assert.deepEqual(found.inBytes(kept), kept);
}

Deno.test("Google Forms: birthday, name, contact, address and place questions are never stored", async () => {
  const found = await loadAndSearch([[
    "ors/reponses_formulaire.csv",
    await fixture("google_forms_privacy.csv"),
  ]]);
  const [report] = found.reports.filter((r) => r.file === "ors/reponses_formulaire.csv");
  assert.deepEqual([report.format, report.status, report.rowsLoaded], ["google-forms", "loaded", 3]);
  assert.deepEqual(setAside(report), [
    ["Quand est votre anniversaire ?", "des dates de naissance"],
    ["Qui remplit ce questionnaire ?", "des noms de personnes"],
    ["Votre contact", "des adresses e-mail"],
    ["Un autre moyen de vous recontacter ?", "des numéros de téléphone"],
    ["Où habitez-vous ?", "des adresses postales"],
    ["Lieu de la rencontre", "des coordonnées GPS"],
  ]);
  assert.equal(
    report.issues.find((i) => i.column === "Votre contact")!.message,
    "colonne « Votre contact » écartée : elle contient des adresses e-mail (données personnelles, jamais chargées)",
  );
  assertNothingPersonal(found, MAIN_VALUES, [
    "Plutôt d'accord",
    "Continuez comme ça",
    "Merci [prénom] pour tout",
  ]);
  // « Qualité des données » lists the columns by header and category.
  assert.match(
    found.qualityJson,
    /"column":"Quand est votre anniversaire \?","category":"dates de naissance"/,
  );
  assert.deepEqual(
    found.setAside.map((c) => [c.file, c.column, c.category]),
    [
      ["ors/reponses_formulaire.csv", "Lieu de la rencontre", "coordonnées GPS"],
      ["ors/reponses_formulaire.csv", "Où habitez-vous ?", "adresses postales"],
      ["ors/reponses_formulaire.csv", "Quand est votre anniversaire ?", "dates de naissance"],
      ["ors/reponses_formulaire.csv", "Qui remplit ce questionnaire ?", "noms de personnes"],
      ["ors/reponses_formulaire.csv", "Un autre moyen de vous recontacter ?", "numéros de téléphone"],
      ["ors/reponses_formulaire.csv", "Votre contact", "adresses e-mail"],
    ],
  );
});

Deno.test("KoboToolbox CSV: a geopoint and innocent questions holding identities are never stored", async () => {
  const found = await loadAndSearch([["ors/kobo_export.csv", await fixture("kobo_privacy.csv")]]);
  const [report] = found.reports.filter((r) => r.file === "ors/kobo_export.csv");
  assert.deepEqual([report.format, report.status, report.rowsLoaded], ["kobotoolbox", "loaded", 3]);
  assert.deepEqual(setAside(report), [
    ["groupe_profil/q2_date", "des dates de naissance"],
    ["groupe_profil/q3_qui", "des noms de personnes"],
    ["q4_contact", "des adresses e-mail"],
    ["q5_numero", "des numéros de téléphone"],
    ["q6_ou", "des adresses postales"],
    ["q7_lieu", "des coordonnées GPS"],
  ]);
  assertNothingPersonal(found, MAIN_VALUES, ["Continuez comme ça", "Merci [prénom] pour tout"]);
});

Deno.test("KoboToolbox XLSX: nothing personal from the main sheet nor from the repeat group", async () => {
  const found = await loadAndSearch([["ors/kobo_export.xlsx", await koboWorkbook()]]);
  const reports = found.reports.filter((r) => r.file === "ors/kobo_export.xlsx");
  const main = reports.find((r) => r.sheet === "Lien social 2024")!;
  assert.deepEqual([main.format, main.status, main.rowsLoaded], ["kobotoolbox", "loaded", 2]);
  assert.deepEqual(setAside(main).map(([column]) => column), [
    "groupe_profil/q2_date",
    "groupe_profil/q3_qui",
    "q4_contact",
    "q5_numero",
    "q6_ou",
    "q7_lieu",
  ]);
  // The repeat sheet: whether or not this branch loads repeat groups, none of its personal
  // values reaches the warehouse, and its other answers do when it is loaded.
  const participants = reports.find((r) => r.sheet === "participants")!;
  assert.ok(participants, "the repeat sheet is reported");
  if (participants.status !== "rejected") {
    assert.deepEqual(setAside(participants).map(([column]) => column).filter((c) => !/name/i.test(c!)), [
      "participants/p_quand",
      "participants/p_contact",
      "participants/p_numero",
      "participants/p_ou",
      "participants/p_point",
    ]);
    assert.deepEqual(found.inTables(["Atelier cuisine"]), ["Atelier cuisine"]);
  }
  assertNothingPersonal(
    found,
    [
      ...MAIN_VALUES.filter((v) => !/Ndiaye|30\/07|1978|Acacias|44\.9472|4\.8915|fatou/.test(v)),
      ...REPEAT_VALUES,
    ],
    ["Continuez comme ça"],
  );
});

Deno.test("LimeSurvey (French full-text headers): personal answers are never stored", async () => {
  const found = await loadAndSearch([[
    "ors/results-survey123456.csv",
    await fixture("limesurvey_privacy.csv"),
  ]]);
  const [report] = found.reports.filter((r) => r.file === "ors/results-survey123456.csv");
  assert.deepEqual([report.format, report.status, report.rowsLoaded], ["limesurvey", "loaded", 3]);
  assert.deepEqual(setAside(report), [
    ["Quand est votre anniversaire ?", "des dates de naissance"],
    ["Qui êtes-vous ?", "des noms de personnes"],
    ["Votre contact", "des adresses e-mail"],
    ["Un numéro pour la suite ?", "des numéros de téléphone"],
    ["Où habitez-vous ?", "des adresses postales"],
    ["Coordonnées de la rencontre", "des coordonnées GPS"],
  ]);
  assertNothingPersonal(found, MAIN_VALUES, ["Continuez comme ça", "Merci [prénom] pour tout"]);
});
