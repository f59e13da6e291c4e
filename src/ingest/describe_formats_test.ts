import assert from "node:assert/strict";
import { LOADERS } from "../../loaders/mod.ts";
import { describeFormats, exampleValue, formatsText } from "./describe_formats.ts";

Deno.test("every kind and every format of LOADERS is described, in the loaders' order", () => {
  const kinds = describeFormats(LOADERS);
  assert.deepEqual(kinds.map((k) => k.kind), [...new Set(LOADERS.map((l) => l.kind))]);
  assert.deepEqual(
    kinds.flatMap((k) => k.formats.map((f) => f.format)),
    [...new Set(LOADERS.map((l) => l.format))],
  );
  const text = formatsText(kinds);
  for (const spec of LOADERS) {
    assert.ok(text.includes(`(--kind ${spec.kind})`), spec.kind);
    assert.ok(text.includes(`-- ${spec.label} (format ${spec.format})`), spec.format);
  }
});

Deno.test("the sign-in sheet lists « Date » as required with its aliases, and an example line from the types", () => {
  const attendance = describeFormats(LOADERS).find((k) => k.kind === "attendance")!;
  assert.equal(attendance.label, "présences");
  const sheet = attendance.formats.find((f) => f.format === "feuille-emargement")!;
  const date = sheet.columns.find((c) => c.name === "Date")!;
  assert.equal(date.required, true);
  assert.deepEqual(date.aliases, ["Date de la séance", "Jour"]);
  assert.equal(date.typeText, "date (jj/mm/aaaa, 3 mars 2024 ou date Excel) — à remplir sur chaque ligne");
  // Required columns first, then the optional ones up to six columns, in the loader's order.
  assert.deepEqual(sheet.example.header, [
    "Date",
    "N° adhérent",
    "Nom",
    "Prénom",
    "Année de naissance",
    "Durée",
  ]);
  assert.deepEqual(sheet.example.values, [
    "15/03/2024",
    "1042",
    "Exemple",
    "Camille",
    "2024",
    "1,5",
  ]);
  const text = formatsText([attendance]);
  assert.ok(
    text.includes(
      "    « Date » (aussi : « Date de la séance », « Jour ») — date (jj/mm/aaaa, 3 mars 2024 ou date Excel) — à remplir sur chaque ligne\n",
    ),
  );
  assert.ok(
    text.includes(
      "    Date;N° adhérent;Nom;Prénom;Année de naissance;Durée\n    15/03/2024;1042;Exemple;Camille;2024;1,5\n",
    ),
  );
});

Deno.test("example values come from a field's values and type; a published date is « jj/mm/aaaa »", () => {
  assert.equal(
    exampleValue("Pertinence", { type: "text", aliases: [], values: ["0 - non pertinent", "1"] }),
    "0 - non pertinent",
  );
  assert.equal(exampleValue("Date", { type: "date", aliases: [] }), "15/03/2024");
  assert.equal(exampleValue("Date", { type: "date", aliases: [] }, true), "jj/mm/aaaa");
  assert.equal(exampleValue("Montant", { type: "number", aliases: [] }), "12");
  assert.equal(exampleValue("Convention", { type: "flag", aliases: [] }), "oui");
});

Deno.test("survey answers' two variants (structure by folder or by column) are one format whose structure column is optional", () => {
  const surveys = describeFormats(LOADERS).find((k) => k.kind === "surveys")!;
  const kobo = surveys.formats.find((f) => f.format === "kobotoolbox")!;
  assert.equal(kobo.columns.find((c) => c.field === "structure")?.required, false);
  assert.match(kobo.structureText, /le dossier data\/inbox\/<structure>\/ ou une colonne/);
});
