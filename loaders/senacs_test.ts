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
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { LOADERS } from "./mod.ts";
import {
  buildSenacsLoader,
  parseSenacsFields,
  readSenacsFields,
  SENACS_FIELDS_PATH,
  senacsLoader,
} from "./senacs.ts";

const FIXTURE = new URL("../tests/fixtures/senacs/senacs_federation_2024.csv", import.meta.url);
const ANSWERS = `SELECT structure_id, survey_year, field, value_number, value_text, column_label, source_line
  FROM stg_senacs_answers ORDER BY structure_id, field`;

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
      assert.match(warnings[0].message, /ajoutez-la à data\/reference\/senacs_fields\.csv/);
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
