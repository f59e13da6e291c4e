import assert from "node:assert/strict";
import { z } from "zod";
import type { LoaderSpec } from "./loader_spec.ts";
import { matchHeader, validateTable } from "./validate_table.ts";
import type { RawTable } from "./read_tables.ts";

/** A questionnaire-like loader: one id, one optional free-text field, unknown columns kept. */
function demoSpec(noteRequired = false): LoaderSpec {
  return {
    kind: "demo",
    format: "demo",
    label: "démonstration",
    tables: { stg_demo: ["id"] },
    needsStructure: false,
    fields: {
      id: { type: "text", aliases: ["N°"], required: true },
      note: { type: "text", aliases: ["Remarque"], optional: !noteRequired, required: noteRequired },
    },
    schema: z.object({ id: z.string(), note: z.string().nullable() }).passthrough() as never,
    keepUnknownColumns: true,
    toRows: () => [],
  };
}

const table: RawTable = {
  sheet: "participants",
  encoding: "xlsx",
  rows: [
    { line: 1, cells: ["N°", "Remarque", "participants/Participant_name", "Avis", "Quand ?"] },
    { line: 2, cells: ["1", "awa.diallo@exemple.fr", "Awa Diallo", "Merci Awa, super atelier", "Oui"] },
    { line: 3, cells: ["2", "lucas.petit@exemple.fr", "Lucas Petit", "Très bien", "Non"] },
    { line: 4, cells: ["3", null, "Fatou Ndiaye", "Trop court", "Oui"] },
  ],
};

Deno.test("a personal unmapped column never reaches unknownCells; its names are redacted elsewhere", () => {
  const spec = demoSpec();
  const result = validateTable(spec, table, matchHeader(spec, table)!);
  assert.deepEqual(result.records.map((r) => r.unknownCells), [
    [{ header: "Avis", value: "Merci [prénom], super atelier" }, { header: "Quand ?", value: "Oui" }],
    [{ header: "Avis", value: "Très bien" }, { header: "Quand ?", value: "Non" }],
    [{ header: "Avis", value: "Trop court" }, { header: "Quand ?", value: "Oui" }],
  ]);
  // The declared optional free-text field holding e-mails is null on every record.
  assert.deepEqual(result.records.map((r) => r.record.note), [null, null, null]);
  assert.deepEqual(result.issues.map((i) => [i.line, i.column, i.value, i.severity, i.message]), [
    [
      1,
      "Remarque",
      null,
      "avertissement",
      "colonne « Remarque » écartée : elle contient des adresses e-mail (données personnelles, jamais chargées)",
    ],
    [
      1,
      "participants/Participant_name",
      null,
      "avertissement",
      "colonne « participants/Participant_name » écartée : elle contient des noms de personnes (données personnelles, jamais chargées)",
    ],
    [
      1,
      "Avis",
      null,
      "avertissement",
      "colonne inconnue « Avis » : valeurs conservées à part (démonstration)",
    ],
    [
      1,
      "Quand ?",
      null,
      "avertissement",
      "colonne inconnue « Quand ? » : valeurs conservées à part (démonstration)",
    ],
  ]);
});

Deno.test("a required field holding personal data refuses the table without quoting a value", () => {
  const spec = demoSpec(true);
  const result = validateTable(spec, table, matchHeader(spec, table)!);
  assert.deepEqual([result.records.length, result.rowsRead, result.rowsRejected], [0, 3, 3]);
  assert.equal(result.issues[0].severity, "erreur");
  assert.equal(result.issues[0].value, null);
  assert.match(
    result.issues[0].message,
    /^colonne obligatoire « Remarque » : elle contient des adresses e-mail/,
  );
  assert.ok(!JSON.stringify(result).includes("exemple.fr"));
});
