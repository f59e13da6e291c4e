/**
 * The SENACS questionnaire: the federation's Windows-1252 extract (several structures, bad
 * answers), a workbook with long labels, a question code, a renamed label, an unmapped column and
 * « NSP », and a copy of the mapping that maps that column with no code change.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { buildWorkbook } from "../src/sample/xlsx.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ensureSchema } from "../src/warehouse/schema.ts";
import { loadFile } from "../src/ingest/load_file.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { LOADERS } from "./mod.ts";
import {
  buildSenacsLoader,
  parseSenacsFields,
  readSenacsFields,
  SENACS_FIELDS_PATH,
  senacsFieldOfHeader,
  senacsLoader,
} from "./senacs.ts";

const FIXTURE = new URL("../tests/fixtures/senacs/senacs_federation_2024.csv", import.meta.url);
const ANSWERS = `SELECT structure_id, survey_year, field, value_number, value_text, column_label, source_line
  FROM stg_senacs_answers ORDER BY structure_id, field`;

/** The registry the fixtures name (structure ids are checked against it). */
async function registerStructures(conn: DuckDBConnection) {
  for (const [i, id] of ["demo", "autre", "demo-deux", "demo-trois", "demo-quatre"].entries()) {
    await conn.run(
      "INSERT INTO stg_structures (structure_id, name, structure_type, load_id, source_line) VALUES ($1, $2, 'Centre social', 0, $3)",
      [id, `Centre ${id}`, i + 2],
    );
  }
}

/** Loads `bytes` with `loaders` into a fresh in-memory warehouse, then runs `check`. */
async function withLoad(
  fileName: string,
  bytes: Uint8Array,
  // deno-lint-ignore no-explicit-any
  loaders: readonly LoaderSpec<any>[],
  check: (
    reports: Awaited<ReturnType<typeof loadFile>>,
    query: (sql: string) => Promise<Record<string, unknown>[]>,
    conn: DuckDBConnection,
  ) => Promise<void>,
) {
  const wh = await openWarehouse(":memory:");
  try {
    await ensureSchema(wh.conn);
    await registerStructures(wh.conn);
    const reports = await loadFile(wh.conn, bytes, {
      fileName,
      structureId: null,
      loaders,
      context: { pseudonym: (p) => p.join("|"), qpvOf: () => null },
      now: new Date("2025-05-01T00:00:00Z"),
    });
    await check(reports, (sql) => queryRows(wh.conn, sql), wh.conn);
  } finally {
    wh.close();
  }
}

/** The questionnaire of one structure as a workbook, sheet « 2024 », a title above the header. */
function workbook(): Promise<Uint8Array> {
  return buildWorkbook([{
    name: "2024",
    rows: [
      ["Questionnaire SENACS 2025 – données de l'année 2024", null, null, null, null, null, null, null],
      [
        "Code structure",
        "Année",
        // A long label listed in the mapping.
        "Nombre total d'équivalents temps plein (ETP) salariés",
        // A question code before a known label.
        "Q12 - Nombre de bénévoles d'activité",
        // Renamed since last year (was « Nombre de bénévoles de gouvernance »), other case.
        "BÉNÉVOLES ADMINISTRATEURS",
        "Montant total des produits de l'exercice",
        "Intervention en quartier prioritaire (QPV)",
        // Not in the mapping.
        "Q99 - Nombre de jardins partagés",
      ],
      ["demo", 2024, 6.75, 38, 11, "NSP", "Oui", 2],
    ],
  }]);
}

Deno.test("the mapping file parses, codes give « code label » aliases, conflicts are refused", () => {
  const fields = readSenacsFields(SENACS_FIELDS_PATH);
  assert.ok(fields.length >= 20 && fields.length <= 40);
  assert.deepEqual(
    fields.find((f) => f.field === "volunteers_activity"),
    {
      field: "volunteers_activity",
      unit: "personnes",
      aliases: ["Nombre de bénévoles d'activité", "Bénévoles d'activité", "Q12"],
    },
  );
  assert.ok(senacsLoader.fields.volunteers_activity.aliases.includes("Q12 Nombre de bénévoles d'activité"));
  assert.throws(
    () => parseSenacsFields("field;unit;aliases\na;ETP;ETP total\nb;ETP;etp TOTAL\n"),
    /ligne 3 : le libellé « etp TOTAL » est déjà celui de « a »/,
  );
  assert.throws(
    () => parseSenacsFields("field;unit;aliases\nsurvey_year;nombre;X\n"),
    /ligne 2 : nom de champ/,
  );
});

Deno.test("the federation's extract: one row per structure, NSP and / unknown, bad answers located", async () => {
  await withLoad(
    "senacs_federation_2024.csv",
    await Deno.readFile(FIXTURE),
    LOADERS,
    async (reports, query) => {
      const [r] = reports;
      assert.equal(r.kind, "senacs");
      assert.equal(r.format, "senacs-questionnaire");
      assert.equal(r.status, "partial");
      assert.equal(r.structureId, null);
      assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [5, 14, 3]);
      const errors = r.issues.filter((i) => i.severity === "erreur");
      assert.deepEqual(errors.map((e) => [e.line, e.column, e.value, e.message]), [
        [5, "Nombre de bénévoles d'activité", "-3", "-3 : un nombre positif ou nul est attendu"],
        [6, "Q3 - Intervention en QPV", "peut-être", "« peut-être » : « oui » ou « non » attendu"],
        [7, "Nombre de bénévoles d'activité", "12,5", "12,5 : nombre entier attendu (personnes)"],
      ]);
      const warnings = r.issues.filter((i) => i.severity === "avertissement");
      assert.deepEqual(warnings.map((w) => [w.line, w.column]), [[2, "Commentaire libre"]]);
      assert.match(warnings[0].message, /ajoutez-la à la table des questions SENACS du référentiel/);
      const rows = await query(ANSWERS);
      const pick = (id: string, field: string) =>
        rows.find((x) => x.structure_id === id && x.field === field) as Record<string, unknown>;
      assert.equal(rows.length, 14);
      assert.deepEqual(pick("demo", "budget_total"), {
        structure_id: "demo",
        survey_year: 2024,
        field: "budget_total",
        value_number: 412350,
        value_text: null,
        column_label: "Budget total", // the header as typed in this export
        source_line: 3,
      });
      // The unmapped question is kept as typed, line by line, for a mapping added later.
      const unmapped = await query(
        "SELECT DISTINCT column_label FROM stg_senacs_unmapped ORDER BY column_label",
      );
      assert.deepEqual(unmapped, [{ column_label: "Commentaire libre" }]);
      assert.deepEqual(
        [
          pick("demo", "fte_total").value_number,
          pick("demo", "qpv").value_number,
          pick("demo", "qpv").value_text,
        ],
        [8.5, 1, "oui"],
      );
      assert.equal(pick("demo", "territory_type").value_text, "Urbain");
      // Unknown, not zero: the answer is kept as typed, the number is NULL.
      assert.deepEqual(
        [pick("autre", "volunteers_activity").value_number, pick("autre", "volunteers_activity").value_text],
        [null, "NSP"],
      );
      assert.deepEqual([pick("autre", "caf_funding").value_number, pick("autre", "caf_funding").value_text], [
        null,
        "/",
      ]);
      assert.equal(pick("autre", "volunteers_board").value_number, 9);
      const [{ total }] = await query(
        "SELECT sum(value_number) AS total FROM stg_senacs_answers WHERE field = 'volunteers_activity'",
      );
      assert.equal(total, 45);
      const [{ encoding }] = await query("SELECT encoding FROM loads");
      assert.equal(encoding, "windows-1252");
    },
  );
});

Deno.test("a workbook with long labels, a question code, a renamed label and NSP", async () => {
  await withLoad("demo/senacs_2024.xlsx", await workbook(), LOADERS, async (reports, query) => {
    const [r] = reports;
    assert.equal(r.kind, "senacs");
    assert.equal(r.sheet, "2024");
    assert.equal(r.status, "loaded");
    assert.deepEqual(r.issues.map((i) => [i.severity, i.line, i.column]), [
      ["avertissement", 2, "Q99 - Nombre de jardins partagés"],
    ]);
    const rows = await query(ANSWERS);
    assert.deepEqual(rows.map((x) => [x.field, x.value_number, x.value_text, x.source_line]), [
      ["budget_total", null, "NSP", 3],
      ["fte_total", 6.75, null, 3],
      ["qpv", 1, "oui", 3],
      ["volunteers_activity", 38, null, 3],
      ["volunteers_board", 11, null, 3],
    ]);
  });
});

Deno.test("an alias added to a copy of the mapping maps the unmapped column, no code change", async () => {
  const dir = await Deno.makeTempDir({ prefix: "senacs_mapping_" });
  try {
    const copy = join(dir, "senacs_fields.csv");
    const text = await Deno.readTextFile(SENACS_FIELDS_PATH);
    await Deno.writeTextFile(
      copy,
      `${text.trimEnd()}\nshared_gardens;nombre;Nombre de jardins partagés|Q99\n`,
    );
    const spec = buildSenacsLoader(readSenacsFields(copy));
    await withLoad("demo/senacs_2024.xlsx", await workbook(), [spec], async ([r], query) => {
      assert.equal(r.status, "loaded");
      assert.deepEqual(r.issues, []);
      const rows = await query(
        "SELECT value_number, column_label FROM stg_senacs_answers WHERE field = 'shared_gardens'",
      );
      assert.deepEqual(rows, [{ value_number: 2, column_label: "Q99 - Nombre de jardins partagés" }]);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a header holding a question code or a known label in a longer text maps, without false matches", () => {
  const mapping = readSenacsFields();
  const cases: [string, string | null][] = [
    ["Q12 - Nombre de bénévoles d'activité (hors administrateurs)", "volunteers_activity"],
    ["Q12. Bénévoles actifs dans l'année", "volunteers_activity"],
    ["Nombre de bénévoles d'activité (hors administrateurs)", "volunteers_activity"],
    ["Budget total (en euros)", "budget_total"],
    ["Finances : Dont CAF", "caf_funding"],
    // The code and the label disagree: no guess.
    ["Q13 - Nombre de bénévoles d'activité", null],
    // Q120 is not Q12; an unknown code with an unknown label stays unmapped.
    ["Q120 - Nombre de jardins", null],
    ["Q99 - Nombre de jardins partagés", null],
    // A label inside a longer phrase is not that question (« Nombre d'ETP » ≠ ETP d'animation).
    ["Nombre d'ETP d'animation", null],
    ["Budget total prévisionnel 2026", null],
    // Two questions in one header: no guess.
    ["Total ETP / ETP animation", null],
    ["Commentaire libre", null],
  ];
  for (const [header, field] of cases) assert.equal(senacsFieldOfHeader(header, mapping), field, header);
});

Deno.test("a workbook whose headers only contain the labels: answers stored under the typed header", async () => {
  const bytes = await buildWorkbook([{
    name: "Feuil1",
    rows: [
      [
        "Code structure",
        "Année",
        "Q12 - Nombre de bénévoles d'activité (hors administrateurs)",
        "Budget total (en euros)",
        "Nombre d'ETP d'animation",
        "Q51 - ETP salariés au 31/12",
      ],
      ["demo", 2024, 40, "250 000", 3, "huit"],
    ],
  }]);
  await withLoad("demo/senacs.xlsx", bytes, LOADERS, async ([r], query) => {
    assert.equal(r.kind, "senacs");
    assert.equal(r.status, "loaded");
    const rows = await query(ANSWERS);
    assert.deepEqual(rows.map((x) => [x.field, x.value_number, x.column_label]), [
      ["budget_total", 250000, "Budget total (en euros)"],
      ["volunteers_activity", 40, "Q12 - Nombre de bénévoles d'activité (hors administrateurs)"],
    ]);
    // No false match, and an invalid answer is not lost: both kept as typed.
    const unmapped = await query("SELECT column_label, value_text FROM stg_senacs_unmapped ORDER BY ALL");
    assert.deepEqual(unmapped, [
      { column_label: "Nombre d'ETP d'animation", value_text: "3" },
      { column_label: "Q51 - ETP salariés au 31/12", value_text: "huit" },
    ]);
  });
});

/** The questionnaire of « demo » for 2024 as CSV, with the given columns and answers. */
const questionnaire = (headers: string[], answers: string[]) =>
  new TextEncoder().encode(
    `Code structure;Année;${headers.join(";")}\r\ndemo;2024;${answers.join(";")}\r\n`,
  );
const FIRST = questionnaire(["Nombre de bénévoles d'activité", "Budget total", "Commentaire libre"], [
  "45",
  "400 000",
  "RAS",
]);
const RESENT = questionnaire(["Nombre de bénévoles d'activité"], ["50"]);

/** Loads each file in turn into one in-memory warehouse, then runs `check`. */
async function withLoads(
  files: Uint8Array[],
  check: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<void>,
) {
  const wh = await openWarehouse(":memory:");
  try {
    await ensureSchema(wh.conn);
    await registerStructures(wh.conn);
    for (const [i, bytes] of files.entries()) {
      await loadFile(wh.conn, bytes, {
        fileName: `senacs_${i}.csv`,
        structureId: null,
        loaders: LOADERS,
        context: { pseudonym: (p) => p.join("|"), qpvOf: () => null },
        now: new Date(`2025-05-0${i + 1}T00:00:00Z`),
      });
    }
    await check((sql) => queryRows(wh.conn, sql));
  } finally {
    wh.close();
  }
}

// A re-sent questionnaire replaces the whole earlier one of that structure and year (the snapshot
// rule, `replaceScope`): « Budget total », no longer answered, disappears.
Deno.test({
  name: "a re-sent questionnaire replaces all earlier answers of that structure and year",
  fn: async () => {
    await withLoads([FIRST, RESENT], async (query) => {
      assert.deepEqual(await query("SELECT field, value_number FROM stg_senacs_answers"), [
        { field: "volunteers_activity", value_number: 50 },
      ]);
      assert.deepEqual(await query("SELECT count(*) AS n FROM stg_senacs_unmapped"), [{ n: 0 }]);
    });
  },
});

// An id absent from the registry is refused on its line and column (`structureField`).
Deno.test({
  name: "a structure id absent from the registry is refused with its line and column",
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "senacs_registry_" });
    const wh = await openWarehouse(":memory:");
    try {
      await Deno.writeTextFile(
        join(dir, "structures.csv"),
        "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n",
      );
      await Deno.writeTextFile(
        join(dir, "senacs_2024.csv"),
        "Code structure;Année;Budget total\r\ndemo;2024;1000\r\ninconnue;2024;2000\r\n",
      );
      const reports = await ingestPaths(wh.conn, { paths: [dir], key: new Uint8Array(32).fill(3) });
      const [r] = reports.filter((x) => x.kind === "senacs");
      assert.equal(r.status, "partial");
      assert.deepEqual(
        r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.value]),
        [
          [3, "Code structure", "inconnue"],
        ],
      );
      assert.match(
        r.issues.find((i) => i.severity === "erreur")!.message,
        /absente du registre des structures/,
      );
      const rows = await queryRows(wh.conn, "SELECT DISTINCT structure_id FROM stg_senacs_answers");
      assert.deepEqual(rows, [{ structure_id: "demo" }]);
    } finally {
      wh.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
