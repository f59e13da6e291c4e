import assert from "node:assert/strict";
import { LOADERS } from "../../loaders/mod.ts";
import { detectLoader } from "./detect_loader.ts";
import { applyLayout, findLayout, type LayoutMatch } from "./apply_layout.ts";
import { type Layout, parseLayout } from "./layout.ts";
import type { RawTable } from "./read_tables.ts";

const MAPPING = `type;colonne du fichier;champ;valeur du fichier;devient
bénévolat;Bénévole ID;Bénévole;;
bénévolat;Jour;Date;;
bénévolat;Nb heures;Heures;;
bénévolat;Pôle;Mission;;
bénévolat;Pôle;;ENF;Accompagnement scolaire
bénévolat;STRUCT;Structure;;
bénévolat;STRUCT;;A1;ors
bénévolat;STRUCT;;A3;saint-nicolas
`;
const layout = (text = MAPPING, file = "correspondances/autre_logiciel.csv"): Layout =>
  parseLayout(file, text, LOADERS, "f".repeat(64));
const KNOWN = new Set(["ors", "saint-nicolas"]);

/** A volunteering sheet of another software: a title, a blank line, the header on line 3. */
function sheet(struct = ["A3", "A3", "a3"]): RawTable {
  return {
    sheet: null,
    encoding: "utf-8",
    rows: [
      { line: 1, cells: ["Extraction heures bénévoles — 2025"] },
      { line: 2, cells: [""] },
      { line: 3, cells: ["Bénévole ID", "Jour", "Nb heures", "Pôle", "STRUCT"] },
      { line: 4, cells: ["B-0412", "14/03/2025", "2,5", "ENF", struct[0]] },
      { line: 5, cells: ["B-0413", "15/03/2025", "3", "Accueil", struct[1]] },
      { line: 6, cells: ["B-0412", "21/03/2025", "1,5", "enf", struct[2]] },
    ],
  };
}

function applied(table = sheet(), folder: string | null = "saint-nicolas", l = layout()) {
  const match = findLayout([l], table) as LayoutMatch;
  assert.ok(match, "the layout fits the sheet");
  return applyLayout(match, table, KNOWN, folder);
}

Deno.test("without its mapping, the other software's volunteering sheet matches no loader", () => {
  assert.equal(detectLoader(LOADERS, sheet()), null);
});

Deno.test("a layout fits the table whose header row (below a title) holds all its columns", () => {
  const match = findLayout([layout()], sheet());
  assert.equal(match?.headerIndex, 2);
  assert.deepEqual([...match!.columns].map(([column, rule]) => [column, rule.header]), [
    [0, "Bénévole ID"],
    [1, "Jour"],
    [2, "Nb heures"],
    [3, "Pôle"],
    [4, "STRUCT"],
  ]);
  // One column missing: the layout does not fit.
  const partial = sheet();
  partial.rows[2] = { line: 3, cells: ["Bénévole ID", "Jour", "Nb heures", "Pôle"] };
  assert.equal(findLayout([layout()], partial), null);
  // With --kind, a layout of another kind does not apply.
  assert.equal(findLayout([layout()], sheet(), "staff"), null);
});

Deno.test("of two layouts that fit, the one naming more columns wins", () => {
  const small = layout(
    "type;colonne du fichier;champ\nbénévolat;Nb heures;Heures\n",
    "correspondances/a.csv",
  );
  assert.equal(findLayout([small, layout()], sheet())?.layout.file, "correspondances/autre_logiciel.csv");
});

Deno.test("applying: detection sees the loader's headers, validation the user's; values recoded; lines kept", () => {
  const result = applied();
  assert.ok(result.ok);
  assert.deepEqual(result.detection.rows[2].cells, ["Bénévole", "Date", "Heures", "Mission", null]);
  assert.deepEqual(result.table.rows[2].cells, ["Bénévole ID", "Jour", "Nb heures", "Pôle", "STRUCT"]);
  assert.deepEqual(result.table.rows.map((r) => r.line), [1, 2, 3, 4, 5, 6]);
  // « ENF » and « enf » are recoded; « Accueil » (no rule) is kept as is; the STRUCT column set aside.
  assert.deepEqual(result.table.rows.slice(3).map((r) => [r.cells[3], r.cells[4]]), [
    ["Accompagnement scolaire", null],
    ["Accueil", null],
    ["Accompagnement scolaire", null],
  ]);
  assert.equal(result.structureId, "saint-nicolas");
  assert.equal(result.specs[0].format, "suivi-benevolat");
  // The input table is not modified.
  assert.equal(sheet().rows[3].cells[3], "ENF");
  const found = detectLoader(result.specs, result.detection);
  assert.deepEqual(found?.header.columns, { volunteer: 0, date: 1, hours: 2, mission: 3 });
});

Deno.test("the STRUCT column gives the structure of a file at the root of the inbox", () => {
  const result = applied(sheet(["A1", "", "A1"]), null);
  assert.ok(result.ok);
  assert.equal(result.structureId, "ors");
});

Deno.test("STRUCT: an uncoded value, two structures, or a structure other than the folder's refuse the table", () => {
  const unknown = applied(sheet(["A3", "B7", "A3"]));
  assert.ok(!unknown.ok);
  assert.deepEqual(unknown.issues.map((i) => [i.line, i.column, i.value]), [[5, "STRUCT", "B7"]]);
  assert.match(unknown.issues[0].message, /« B7 » n'est ni une structure du registre ni une valeur recodée/);
  const mixed = applied(sheet(["A3", "A1", "A3"]));
  assert.ok(!mixed.ok);
  assert.match(mixed.issues[0].message, /structure « ors », alors que la ligne 4 est de « saint-nicolas »/);
  const folder = applied(sheet(), "ors");
  assert.ok(!folder.ok);
  assert.match(
    folder.issues[0].message,
    /mais le fichier est dans le dossier de « ors » ; déplacez-le dans data\/inbox\/saint-nicolas\//,
  );
});

Deno.test("a recoded structure absent from the registry refuses the table, naming the mapping's line", () => {
  const result = applied(
    sheet(),
    "saint-nicolas",
    layout(MAPPING + "bénévolat;STRUCT;;A9;maison-inconnue\n"),
  );
  assert.ok(!result.ok);
  assert.deepEqual(result.issues, [{
    line: null,
    column: null,
    value: null,
    message:
      "correspondance correspondances/autre_logiciel.csv, ligne 10, colonne « devient » : structure « maison-inconnue » absente du registre des structures ; écrivez l'identifiant d'une structure du registre (structures.csv)",
  }]);
});

Deno.test("an invalid layout fits its tables but refuses them with its errors", () => {
  const bad = layout(MAPPING.replace("Nb heures;Heures", "Nb heures;Heurs"));
  const result = applied(sheet(), "saint-nicolas", bad);
  assert.ok(!result.ok);
  assert.equal(result.issues.length, 1);
  assert.match(result.issues[0].message, /ligne 4, colonne « champ » : champ « Heurs » inconnu/);
});

Deno.test("an unmapped column the loader would read as a mapped field is moved out of the way", () => {
  const table = sheet();
  table.rows[2] = { line: 3, cells: ["Durée", "Bénévole ID", "Jour", "Nb heures", "Pôle", "STRUCT"] };
  for (const row of table.rows.slice(3)) row.cells.unshift("9");
  const result = applied(table);
  assert.ok(result.ok);
  assert.equal(
    result.detection.rows[2].cells[0],
    "Durée (remplacée par « Nb heures » selon la correspondance)",
  );
  assert.equal(detectLoader(result.specs, result.detection)?.header.columns.hours, 3);
});

Deno.test("a survey's free « Centre fréquenté » answers become structure ids; the detection picks the format", () => {
  const mapping = layout(
    "type;colonne du fichier;champ;valeur du fichier;devient\nquestionnaires;Centre fréquenté;Structure;;\n;Centre fréquenté;;St Nicolas;saint-nicolas\n",
  );
  assert.deepEqual(mapping.errors, []);
  assert.ok(mapping.specs.length > 1, "every survey format with a structure column is a candidate");
  const table: RawTable = {
    sheet: null,
    encoding: "utf-8",
    rows: [
      { line: 1, cells: ["Horodateur", "Centre fréquenté", "Je me sens écouté(e)"] },
      { line: 2, cells: ["17/01/2025 18:07:45", "St Nicolas", "4"] },
      { line: 3, cells: ["18/01/2025 10:12:03", "Saint-Nicolas", "5"] },
    ],
  };
  const result = applyLayout(findLayout([mapping], table)!, table, KNOWN, null);
  assert.ok(result.ok);
  assert.deepEqual(result.table.rows.slice(1).map((r) => r.cells[1]), ["saint-nicolas", "Saint-Nicolas"]);
  const found = detectLoader(result.specs, result.detection);
  assert.equal(found?.spec.format, "google-forms");
  assert.equal(found?.spec.structureField, "structure");
});
