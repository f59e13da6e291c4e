import assert from "node:assert/strict";
import { formatValue, textTable } from "./format_values.ts";
import { canonical, DIMENSIONS, STAGES } from "./vocabulary.ts";

Deno.test("indicator values in French", () => {
  assert.equal(formatValue(0.4567, "part (0-1)", false), "45,7\u202f%");
  assert.equal(formatValue(25, "partenaires", false), "25\u202fpartenaires");
  assert.equal(formatValue(508803.77, "€", false), "508\u202f804\u202f€");
  assert.equal(formatValue(1.5, "€ par € CAF", false), "1,5\u202f€ par € CAF");
  assert.equal(formatValue(3, "personnes", true), "< 5");
  assert.equal(formatValue(null, "personnes", false), "—");
  assert.equal(textTable(["A", "B"], [["1", "22"]]), "A  B\n-  --\n1  22");
});

Deno.test("vocabulary lookup ignores case, accents and underscores", () => {
  assert.equal(canonical(STAGES, "Réalisations"), "réalisations");
  assert.equal(canonical(DIMENSIONS, "cohesion_sociale"), "cohésion sociale");
  assert.equal(canonical(STAGES, "ressource"), null);
});
