import assert from "node:assert/strict";
// @ts-types="./value_format.d.ts"
import {
  baselineLabel,
  formatChange,
  formatIndicator,
  formatValue,
  maskedLabel,
  missingChangeReason,
  roundForDisplay,
  ROUNDING_RULES,
  unitKind,
} from "../../pages/components/value_format.js";

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

Deno.test("values read in their unit, singular below 2", () => {
  assert.equal(plain(formatValue(1, "actions")), "1 action");
  assert.equal(plain(formatValue(0, "séances")), "0 séance");
  assert.equal(plain(formatValue(1.4, "heures par ETP")), "1 heure par ETP");
  assert.equal(plain(formatValue(35, "actions")), "35 actions");
  assert.equal(plain(formatValue(1852, "personnes")), "1 852 personnes");
  assert.equal(plain(formatValue(26, "partenaires")), "26 partenaires");
  assert.equal(plain(formatValue(0.442, "part (0-1)")), "44,2 %");
  assert.equal(plain(formatValue(1.44, "€ par € CAF")), "1,44 € par € CAF");
  assert.equal(plain(formatValue(1, "ETP")), "1 ETP");
});

Deno.test("one rounding rule per unit: the catalogue's units all have a rule", async () => {
  const catalogue = await Deno.readTextFile(new URL("../../data/indicators/catalogue.csv", import.meta.url));
  const units = new Set(catalogue.trim().split("\n").slice(1).map((line) => line.split(";")[3]));
  for (const unit of units) {
    assert.notEqual(unitKind(unit), "number", `${unit} has a rule of its own`);
    assert.ok(ROUNDING_RULES.some((r) => r.kind === unitKind(unit)), unit);
  }
});

Deno.test("rounding rules: counts and hours whole, ratios and indices two decimals, shares one", () => {
  // Issue 14: the Ors' volunteer hours read 2 784,5 on its page and 2 785 on La Coopération.
  assert.equal(plain(formatIndicator(2784.5, "heures", { withUnit: false })), "2 785");
  assert.equal(roundForDisplay(2784.5, "heures"), 2785);
  // A 2017–2018 mean of people is rounded to the person: never « 1 586,5 personnes ».
  assert.equal(plain(formatIndicator(1586.5, "personnes")), "1 587 personnes");
  // Age diversity: 1,63 everywhere, never 1,6.
  assert.equal(formatIndicator(1.6312, "indice"), "1,63");
  // CAF leverage: a ratio in euros, never « 1 € ».
  assert.equal(plain(formatIndicator(1.4412, "€ par € CAF")), "1,44 € par € CAF");
  assert.equal(plain(formatIndicator(15.43, "ETP")), "15,4 ETP");
  assert.equal(plain(formatIndicator(0.44153, "part (0-1)")), "44,2 %");
  assert.equal(plain(formatIndicator(1513113.98, "€")), "1,5 M€");
  assert.equal(plain(formatIndicator(508803.77, "€")), "508 804 €");
  assert.equal(plain(formatIndicator(12.5, "jours")), "13 jours");
  assert.equal(formatIndicator(2.456, "niveau (1–4)", { withUnit: false }), "2,46");
  assert.equal(formatIndicator(null, "personnes"), "—");
});

Deno.test("masked values: « < 5 » for counts of people, « masqué » for shares, means and ratios", () => {
  // Issue 15: « Part des salariés en CDI : < 5 » in a percentage row read as « < 5 % ».
  assert.equal(formatIndicator(null, "part (0-1)", { masked: true }), "masqué");
  assert.equal(formatIndicator(null, "personnes", { masked: true }), "< 5");
  assert.equal(formatIndicator(null, "passages", { masked: true, threshold: 10 }), "< 10");
  assert.equal(maskedLabel("indice"), "masqué");
  assert.equal(maskedLabel("points de score"), "masqué");
  assert.equal(maskedLabel("heures"), "masqué");
});

Deno.test("a missing change says why: masked, or no value the year before", () => {
  // Issue 15: « Passages (18-25 ans) 112 — par rapport à 2022 » had lost its change.
  assert.equal(
    missingChangeReason({ current: 112, previous: null, previousMasked: true, previousYear: 2022 }),
    "évolution masquée",
  );
  assert.equal(
    missingChangeReason({ current: 112, previous: undefined, previousYear: 2022 }),
    "pas de valeur en 2022",
  );
  assert.equal(missingChangeReason({ current: 112, previous: 100, previousYear: 2022 }), "");
  assert.equal(formatChange(null, "personnes", { missing: "évolution masquée" }), "évolution masquée");
});

Deno.test("a reference that is a mean of 2017 and 2018 is labelled as a mean", () => {
  assert.equal(baselineLabel([2017, 2018]), "moyenne 2017–2018");
  assert.equal(baselineLabel([2018]), "2018");
});
