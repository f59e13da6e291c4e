import assert from "node:assert/strict";
import { formatValue, textTable } from "./format_values.ts";
import { canonical, DIMENSIONS, STAGES } from "./vocabulary.ts";

/** Narrow and ordinary no-break spaces compare as one. */
const nbsp = (text: string) => text.replace(/[\u202f\u00a0]/g, "\u00a0");

Deno.test("indicator values in French", () => {
  // The command writes values as the site does (pages/components/value_format.js).
  assert.equal(nbsp(formatValue(0.4567, "part (0-1)", false)), nbsp("45,7\u202f%"));
  assert.equal(nbsp(formatValue(25, "partenaires", false)), nbsp("25\u00a0partenaires"));
  assert.equal(nbsp(formatValue(508803.77, "€", false)), nbsp("508\u202f804\u00a0€"));
  assert.equal(nbsp(formatValue(1.5, "€ par € CAF", false)), nbsp("1,5\u00a0€ par € CAF"));
  assert.equal(nbsp(formatValue(2784.5, "heures", false)), nbsp("2\u202f785\u00a0heures"));
  assert.equal(nbsp(formatValue(3, "personnes", true)), nbsp("< 5"));
  assert.equal(nbsp(formatValue(null, "part (0-1)", true)), nbsp("masqué"));
  assert.equal(formatValue(null, "personnes", false), "—");
  assert.equal(textTable(["A", "B"], [["1", "22"]]), "A  B\n-  --\n1  22");
});

Deno.test("vocabulary lookup ignores case, accents and underscores", () => {
  assert.equal(canonical(STAGES, "Réalisations"), "réalisations");
  assert.equal(canonical(DIMENSIONS, "cohesion_sociale"), "cohésion sociale");
  assert.equal(canonical(STAGES, "ressource"), null);
});
