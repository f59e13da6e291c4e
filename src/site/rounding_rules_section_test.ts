import assert from "node:assert/strict";
import { roundingRulesSection } from "./rounding_rules_section.ts";

Deno.test("the Méthodologie page states the rounding rule of each unit and the masked labels", () => {
  const html = roundingRulesSection(5);
  assert.match(html, /id="arrondis"/);
  assert.match(
    html,
    /<td>heures, heures par ETP, jours<\/td><td>nombre entier<\/td><td>2 785 heures<\/td><td>masqué<\/td>/,
  );
  assert.match(html, /<td>part \(0-1\)<\/td><td>en pourcentage, une décimale<\/td>/);
  assert.match(html, /<td>&lt; 5<\/td><\/tr>/);
  assert.match(html, /« moyenne 2017–2018 »/);
  assert.equal((html.match(/<tr><td>/g) ?? []).length, 8);
  assert.match(roundingRulesSection(10), /<td>&lt; 10<\/td>/);
});
