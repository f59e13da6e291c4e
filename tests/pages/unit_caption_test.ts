import assert from "node:assert/strict";
// @ts-types="./unit_caption.d.ts"
import { labelWithUnit, unitCaption } from "../../pages/components/unit_caption.js";

Deno.test("a share's axis says % (regression: « part (0-1) » over % ticks)", () => {
  assert.equal(unitCaption("part (0-1)"), "%");
  assert.equal(labelWithUnit("Participants réguliers", "part (0-1)"), "Participants réguliers (%)");
  // « partenaires » is not a share.
  assert.equal(unitCaption("partenaires"), "partenaires");
});

Deno.test("other catalogue units as a reader says them", () => {
  assert.equal(unitCaption("niveau (1–4)"), "niveau de 1 à 4");
  assert.equal(unitCaption("score (échelle du questionnaire)"), "score");
  assert.equal(unitCaption("points de score"), "points de score");
  assert.equal(unitCaption("€ par € CAF"), "€ par € CAF");
  assert.equal(labelWithUnit("Bénévoles", "personnes"), "Bénévoles (personnes)");
  assert.equal(labelWithUnit("Indice", ""), "Indice");
});
