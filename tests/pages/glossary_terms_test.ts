import assert from "node:assert/strict";
// @ts-types="./glossary_terms.d.ts"
import { findTerm, glossaryHref, isAbbreviation, termTitle } from "../../pages/components/glossary_terms.js";

const TERMS = [
  { id: "van", term: "VAN", definition: "Valeur actuelle nette.", scale: "euros", indicator: null },
  {
    id: "diversite-ages",
    term: "Diversité des âges",
    definition: "Indice de Shannon.",
    scale: "indice sans unité, de 0 à 1,79",
    indicator: "diversite_ages",
  },
];

Deno.test("a term links to its anchor on the Méthodologie page", () => {
  assert.equal(glossaryHref("van"), "/methodologie#glossaire-van");
});

Deno.test("a term's title gives its definition and its scale (regression: « Diversité des âges 1,63 » had none)", () => {
  assert.equal(
    termTitle(TERMS[1]),
    "Indice de Shannon. Échelle : indice sans unité, de 0 à 1,79.",
  );
  assert.equal(termTitle({ definition: "Sans échelle. " }), "Sans échelle.");
});

Deno.test("terms are found by id or by the indicator they describe", () => {
  assert.equal(findTerm(TERMS, "van")?.term, "VAN");
  assert.equal(findTerm(TERMS, { indicator: "diversite_ages" })?.id, "diversite-ages");
  assert.equal(findTerm(TERMS, "inconnu"), null);
  assert.equal(findTerm(TERMS, { indicator: "seances" }), null);
});

Deno.test("abbreviations get an <abbr>, words do not", () => {
  assert.ok(isAbbreviation("VAN"));
  assert.ok(isAbbreviation("p95"));
  assert.ok(!isAbbreviation("intermédiarité"));
  assert.ok(!isAbbreviation("Cible FONDA"));
});
