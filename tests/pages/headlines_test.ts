/**
 * The sentence builders of pages/components/headlines.js (issue 15, items 1, 7 and 9): titles
 * that follow the scope, ties said as ties, the weakest completeness named, what was produced
 * first, the basis of a figure said up front, no tautology on a structure page.
 */
import assert from "node:assert/strict";
// @ts-types="./headlines.d.ts"
import {
  basisSentence,
  cooperationTitle,
  frenchList,
  identitySentence,
  leaders,
  producedLede,
  qualityHeadline,
  rankingHeadline,
  weakestCompleteness,
} from "../../pages/components/headlines.js";

/** Narrow and ordinary no-break spaces (French number formatting) read as spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

Deno.test("the /cooperation title follows the Structure filter", () => {
  assert.equal(
    cooperationTitle({ id: "cooperation", name: "La Coopération (4 structures)" }),
    "Combien d'habitants les quatre structures de La Coopération accueillent-elles ?",
  );
  assert.equal(
    cooperationTitle({ id: "ors", name: "Maison de quartier des Ors" }),
    "Combien d'habitants la Maison de quartier des Ors accueille-t-elle ?",
  );
  assert.equal(
    cooperationTitle({ id: "accorderie", name: "L'Accorderie" }),
    "Combien d'habitants L'Accorderie accueille-t-elle ?",
  );
});

Deno.test("frenchList joins with commas and « et »", () => {
  assert.equal(frenchList([]), "");
  assert.equal(frenchList(["A"]), "A");
  assert.equal(frenchList(["A", "B"]), "A et B");
  assert.equal(frenchList(["A", null, "B", "C"]), "A, B et C");
});

Deno.test("Département ranking: tied structures are said to be tied, not one « en tête »", () => {
  const sorted = [
    { name: "Centre social d'Anneyron", value: 4 },
    { name: "Maison de quartier des Ors", value: 4 },
    { name: "L'Accorderie", value: 4 },
    { name: "Centre social de Crest", value: 2 },
    { name: "Espace de vie sociale L'Escale", value: null },
  ];
  assert.equal(leaders(sorted).length, 3);
  assert.equal(
    rankingHeadline(sorted, "pour « partenaires actifs » en 2025"),
    "3 structures à égalité en tête pour « partenaires actifs » en 2025 : Centre social d'Anneyron, Maison de quartier des Ors et L'Accorderie",
  );
  assert.equal(
    rankingHeadline(sorted.slice(1).map((d, i) => ({ ...d, value: i === 0 ? 9 : d.value })), "en 2025"),
    "Maison de quartier des Ors en tête en 2025",
  );
  const five = ["A", "B", "C", "D", "E"].map((name) => ({ name, value: 1 }));
  assert.equal(
    rankingHeadline([...five, { name: "F", value: 0 }], "en 2025"),
    "5 structures à égalité en tête en 2025 : A, B et 3 autres",
  );
  assert.equal(
    rankingHeadline(five, "en 2025"),
    "Toutes les structures à égalité en tête en 2025 : A, B et 3 autres",
  );
  assert.equal(rankingHeadline([{ name: "A", value: null }], "en 2025"), "Aucune valeur en 2025");
});

Deno.test("a structure page's identity line never repeats the name (« Centre social de Crest »)", () => {
  assert.equal(
    identitySentence({ name: "Centre social de Crest", type: "Centre social", commune: "Crest" }),
    "Le Centre social de Crest fait partie des structures agréées de la Drôme.",
  );
  assert.equal(
    identitySentence({
      name: "Centre social Le Polygone",
      type: "Centre social",
      commune: "Valence",
      qpv: "Polygone",
    }),
    "Le Centre social Le Polygone se trouve à Valence, au service du quartier prioritaire Polygone.",
  );
  assert.equal(
    identitySentence({ name: "L'Accorderie", type: "EVS", commune: "Romans-sur-Isère" }),
    "L'Accorderie est un espace de vie sociale de Romans-sur-Isère.",
  );
  assert.equal(
    identitySentence({
      name: "Maison de quartier des Ors",
      type: "Centre social",
      commune: "Romans-sur-Isère",
    }),
    "La Maison de quartier des Ors est un centre social de Romans-sur-Isère.",
  );
  assert.equal(
    identitySentence({
      name: "Centre social d'Étoile-sur-Rhône",
      type: "Centre social",
      commune: "Etoile-sur-Rhône",
    }),
    "Le Centre social d'Étoile-sur-Rhône fait partie des structures agréées de la Drôme.",
  );
});

Deno.test("Qualité headline names the weakest completeness, not only the refused lines", () => {
  const rows = [
    { structure: "ors", kind: "people", rows: 600, fields: { birth: 0.9, residence: 0 } },
    { structure: "saint-nicolas", kind: "people", rows: 300, fields: { birth: 1, residence: 0 } },
    { structure: "noel-guichard", kind: "people", rows: 100, fields: { birth: 1, residence: 0.8 } },
    { structure: "ors", kind: "volunteering", rows: 50, fields: { birth: null, residence: null } },
  ];
  const weakest = weakestCompleteness(rows, { birth: "l'année de naissance", residence: "le quartier" });
  assert.deepEqual(weakest, {
    field: "residence",
    label: "le quartier",
    share: 0.08,
    none: 2,
    structures: 3,
  });
  assert.equal(
    plain(qualityHeadline({ rejected: 0, weakest })),
    "Aucune ligne refusée, mais le quartier n'est connu que pour 8 % des lignes : il manque partout chez 2 des 3 structures.",
  );
  assert.equal(qualityHeadline({ rejected: 1, weakest: null }), "1 ligne refusée.");
});

Deno.test("Chaîne de valeur leads with what was produced", () => {
  assert.equal(
    producedLede({
      who: "La Coopération",
      year: 2025,
      produced: ["1 852 habitants accueillis", "24 310 passages", "1 204 séances"],
      withValue: 46,
      catalogue: 64,
    }),
    "En 2025, La Coopération : 1 852 habitants accueillis, 24 310 passages et 1 204 séances. Ces chiffres reposent sur 46 des 64 indicateurs du catalogue qui ont une valeur cette année-là.",
  );
});

Deno.test("Cluster: the basis of the figures is said up front", () => {
  assert.equal(
    basisSentence({ withData: 9, inScope: 17, group: "du cluster", what: "leur liste de partenaires" }),
    "Ces chiffres ne reposent que sur 9 des 17 structures du cluster : celles qui ont envoyé leur liste de partenaires.",
  );
  assert.equal(
    basisSentence({ withData: 17, inScope: 17, group: "du cluster", what: "x" }),
    "Ces chiffres reposent sur les 17 structures du cluster.",
  );
});
