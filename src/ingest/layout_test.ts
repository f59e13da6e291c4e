import assert from "node:assert/strict";
import { join } from "node:path";
import { LOADERS } from "../../loaders/mod.ts";
import { PROJECT_ROOT } from "../paths.ts";
import { canonicalHeader, parseLayout, STRUCTURE_COLUMN, valueKey } from "./layout.ts";

const FILE = "data/correspondances/test.csv";
const HEAD = "type;colonne du fichier;champ;valeur du fichier;devient\n";
const parse = (body: string, head = HEAD) => parseLayout(FILE, head + body, LOADERS, "0".repeat(64));

Deno.test("the example mapping shipped in data/correspondances is valid and maps every column", async () => {
  const text = await Deno.readTextFile(
    join(PROJECT_ROOT, "data", "correspondances", "exemple_benevolat.csv"),
  );
  const layout = parseLayout("exemple_benevolat.csv", text, LOADERS, "x");
  assert.deepEqual(layout.errors, []);
  assert.equal(layout.kind, "volunteering");
  assert.equal(layout.specs[0]?.format, "suivi-benevolat");
  const byHeader = Object.fromEntries(layout.columns.map((c) => [c.header, c]));
  assert.deepEqual(
    layout.columns.map((c) => [c.header, c.field, c.target]),
    [
      ["Bénévole ID", "volunteer", "Bénévole"],
      ["Jour", "date", "Date"],
      ["Nb heures", "hours", "Heures"],
      ["Pôle", "mission", "Mission"],
      ["STRUCT", STRUCTURE_COLUMN, null],
    ],
  );
  assert.equal(byHeader["STRUCT"].recode.get(valueKey("a3"))?.to, "saint-nicolas");
  assert.equal(byHeader["STRUCT"].recode.get(valueKey("A3"))?.line, 12);
  assert.equal(byHeader["Pôle"].recode.size, 3);
});

Deno.test("a field is named by a French header the loaders accept or by its internal name", () => {
  const layout = parse("volunteering;Nb heures;hours;;\n;Qui;nom du bénévole;;\n;Quand;Mois;;\n");
  assert.deepEqual(layout.errors, []);
  assert.deepEqual(layout.columns.map((c) => c.field), ["hours", "volunteer", "month"]);
  // The type may be written once; the format name is accepted too.
  assert.equal(parse("suivi-benevolat;Nb heures;Heures;;\n").kind, "volunteering");
});

Deno.test("on a kind with its own structure column, « Structure » is that column (recoded values checked later)", () => {
  const layout = parse("questionnaire SENACS;STRUCT;Structure;;\n;STRUCT;;A3;saint-nicolas\n;An;Année;;\n");
  assert.deepEqual(layout.errors, []);
  assert.equal(layout.kind, "senacs");
  assert.equal(layout.columns[0].field, "structure_id");
  assert.equal(canonicalHeader(layout.specs[0], "structure_id"), layout.columns[0].target);
});

Deno.test("a mapping that only recodes values of a column the loader knows is valid", () => {
  const layout = parse("bénévolat;Mission;;ENF;Accompagnement scolaire\n");
  assert.deepEqual(layout.errors, []);
  assert.equal(layout.columns[0].field, null);
  assert.equal(layout.columns[0].recode.get("enf")?.to, "Accompagnement scolaire");
});

Deno.test("values compare without case, accents or punctuation; punctuation alone as typed", () => {
  assert.equal(valueKey("Saint-Nicolas"), valueKey(" SAINT nicolas "));
  assert.equal(valueKey("-"), "-");
  assert.notEqual(valueKey("-"), valueKey("?"));
});

// Bad mappings: each message names the mapping file, the line and the column.
Deno.test("bad mapping: unknown kind names the line, the column « type » and the accepted types", () => {
  const layout = parse("benevolats;Nb heures;Heures;;\n");
  assert.deepEqual(layout.specs, []);
  assert.equal(layout.errors.length, 1);
  assert.match(
    layout.errors[0],
    /^correspondance data\/correspondances\/test\.csv, ligne 2, colonne « type » : type d'export « benevolats » inconnu/,
  );
  assert.match(layout.errors[0], /volunteering \(« bénévolat »\)/);
});

Deno.test("bad mapping: unknown field for the kind names its line and the accepted fields", () => {
  const layout = parse("bénévolat;Jour;Date;;\nbénévolat;Nb heures;Heurs;;\n");
  assert.deepEqual(layout.specs, []);
  assert.deepEqual(layout.errors.length, 1);
  assert.match(
    layout.errors[0],
    /ligne 3, colonne « champ » : champ « Heurs » inconnu pour le type « volunteering »/,
  );
  assert.match(layout.errors[0], /« Heures »/);
  // The columns are kept: the tables this mapping was written for are refused, not loaded without it.
  assert.deepEqual(layout.columns.map((c) => c.header), ["Jour", "Nb heures"]);
});

Deno.test("bad mapping: a column mapped twice, or a field given by two columns", () => {
  const twice = parse("bénévolat;Nb heures;Heures;;\nbénévolat;Nb heures;Mission;;\n");
  assert.match(
    twice.errors[0],
    /ligne 3, colonne « champ » : la colonne « Nb heures » est déjà le champ « Heures » \(ligne 2\)/,
  );
  const shared = parse("bénévolat;Nb heures;Heures;;\nbénévolat;Temps passé;hours;;\n");
  assert.match(
    shared.errors[0],
    /ligne 3, colonne « champ » : le champ « hours » est déjà donné par la colonne « Nb heures » \(ligne 2\)/,
  );
  assert.deepEqual(shared.specs, []);
});

Deno.test("bad mapping: a value recoded two ways, a value without « devient », an incomplete line", () => {
  const layout = parse(
    "bénévolat;STRUCT;Structure;;\n;STRUCT;;A3;saint-nicolas\n;STRUCT;;a3;ors\n;STRUCT;;A4;\n;Pôle;;;\n",
  );
  assert.deepEqual(layout.errors, [
    `correspondance ${FILE}, ligne 4, colonne « valeur du fichier » : la valeur « a3 » de la colonne « STRUCT » devient déjà « saint-nicolas » (ligne 3)`,
    `correspondance ${FILE}, ligne 5, colonne « devient » : que devient « A4 » ? écrivez la valeur dans « devient »`,
    `correspondance ${FILE}, ligne 6 : ligne incomplète ; indiquez le champ de la colonne « Pôle » ou une valeur et ce qu'elle devient`,
  ]);
});

Deno.test("bad mapping: a personal field's values are never recoded (no names in a mapping)", () => {
  const layout = parse("bénévolat;Nom;Bénévole;;\n;Nom;;DUPONT Marie;Marie Dupont\n;Nb heures;Heures;;\n");
  assert.equal(layout.errors.length, 1);
  assert.match(
    layout.errors[0],
    /ligne 3, colonne « valeur du fichier » : la colonne « Nom » est une donnée personnelle/,
  );
});

Deno.test("bad mapping: two types in one file", () => {
  const layout = parse("bénévolat;Nb heures;Heures;;\npersonnel;Poste;Fonction;;\n");
  assert.match(
    layout.errors[0],
    /ligne 3, colonne « type » : type « personnel » différent de « bénévolat » \(ligne 2\)/,
  );
});

Deno.test("malformed mapping: missing or misspelt header columns, an unclosed quote, an empty file", () => {
  const misspelt = parse("bénévolat;Nb heures;Heures\n", "type;colone du fichier;champ\n");
  assert.match(misspelt.errors[0], /ligne 1 : colonne « colone du fichier » inconnue/);
  assert.match(
    misspelt.errors[1],
    /ligne 1 : colonne « colonne du fichier » manquante dans la ligne d'en-tête/,
  );
  assert.deepEqual(misspelt.columns, []);
  const quote = parse('bénévolat;"Nb heures;Heures;;\nbénévolat;Jour;Date;;\n');
  assert.match(quote.errors[0], /ligne 2, colonne « colonne du fichier » : guillemet non fermé/);
  assert.match(parse("", "").errors[0], /correspondance data\/correspondances\/test\.csv : fichier vide/);
  const extra = parse("bénévolat;Nb heures;Heures;;;en trop\n");
  assert.match(extra.errors[0], /ligne 2 : plus de cellules que de colonnes dans l'en-tête \(« en trop »\)/);
});

Deno.test("a mapping saved by a spreadsheet with commas and an optional comment column is read", () => {
  const layout = parseLayout(
    FILE,
    "Type,Colonne du fichier,Champ,Valeur du fichier,Devient,Commentaire\nbénévolat,Nb heures,Heures,,,durée\n",
    LOADERS,
    "",
  );
  assert.deepEqual(layout.errors, []);
  assert.equal(layout.columns[0].field, "hours");
});
