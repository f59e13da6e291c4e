/**
 * Negative outcomes (issue 14, item 1): the SROI guide values harms too, with a negative proxy.
 * Worked by hand on a map simple enough to check every figure, discount rate 0, horizon 5 years,
 * inputs 4 500 € (CAF):
 *
 * line 2 — Parents, confiance : 10 × 300 € = 3 000 €/an, 2 years from year 1:
 *   years [3 000, 3 000, 0, 0, 0], PV 6 000 €
 * line 3 — Riverains, nuisances : 4 × −250 € × (1 − attribution 50 %) = −500 €/an, 2 years
 *   after the action (début 2): years [0, −500, −500, 0, 0], PV −1 000 €
 * PV = 6 000 − 1 000 = 5 000 € ; NPV = 5 000 − 4 500 = 500 € ; ratio = 5 000 / 4 500 = 1,1111
 * annual impact (net, before drop-off) = 3 000 − 500 = 2 500 € ; payback = 4 500 / (2 500 / 12)
 *   = 21,6 months ; year totals [3 000, 2 500, −500, 0, 0]
 *
 * Break-evens (the value bringing the ratio to 1 : 1, i.e. PV = 4 500 €):
 * line 3 (the harm), others worth 6 000 €:
 *   proxy: 6 000 + p × 4 × 0,5 × 2 = 4 500 → p = −1 500 / 4 = −375 €
 *   quantity: 6 000 + q × (−250 × 0,5 × 2) = 4 500 → q = 1 500 / 250 = 6
 *   attribution: 6 000 + (1 − a) × (−2 000) = 4 500 → a = 1 − 1 500 / 2 000 = 25 %
 *   aubaine, déplacement (0 %): 6 000 + (1 − f) × (−1 000) = 4 500 → f = −50 % < 0: no break-even
 *   décroissance: lessens the harm, the ratio only rises: no break-even
 *   duration: 3 years give 6 000 − 1 500 = 4 500 (ratio 1, still 1 : 1), 4 years 6 000 − 2 000
 *     = 4 000 < 4 500: the shortest duration bringing the ratio below 1 : 1 is 4 years
 *   ± 25 %: proxy −187,5 € → (6 000 − 750) / 4 500 = 1,1667 ; −312,5 € → 4 750 / 4 500 = 1,0556
 * line 2 (the benefit), others worth −1 000 €:
 *   proxy: −1 000 + p × 10 × 2 = 4 500 → p = 275 € ; quantity: −1 000 + q × 600 = 4 500 → 9,1667
 *   each filter: −1 000 + (1 − f) × 6 000 = 4 500 → f = 1/12 = 8,3333 %
 *   décroissance: −1 000 + 3 000 + 3 000 (1 − d) = 4 500 → d = 1/6 = 16,6667 %
 *   duration: 1 year gives −1 000 + 3 000 = 2 000 < 4 500, 2 years 5 000: 2 years
 * discount rate: with x = 1 / (1 + r), 3 000 x + 2 500 x² − 500 x³ = 4 500, i.e.
 *   x³ − 5 x² − 6 x + 9 = 0, root x = 0,922107 in (0, 1) → r = 1 / x − 1 = 8,4473 %
 */
import assert from "node:assert/strict";
import { parseImpactMap } from "../../src/sroi/read_impact_map.ts";
import { reportText } from "../../src/sroi/report_text.ts";
import { buildReport } from "../../src/sroi/sroi_report.ts";
import { SroiInputError } from "../../src/sroi/issues.ts";
import { HEADER, tables } from "./support.ts";

const BENEFIT = ["Parents", "Confiance en soi", "", 10, 2, 1, 300, "Barème CNAF", 0, 0, 0, 0];
const HARM = [
  "Riverains",
  "Nuisances sonores des soirées",
  "",
  4,
  2,
  2,
  "-250 €",
  "Enquête bruit",
  0,
  0,
  "50 %",
  0,
];
const report = buildReport(
  parseImpactMap(tables([BENEFIT, HARM], [["CAF", "subvention", 4500]], { rate: 0, horizon: 5 })),
  { iterations: 200, seed: 1 },
);
const entry = (row: number | null, parameter: string) =>
  report.sensitivity.find((s) => s.row === row && s.parameter === parameter)!;

Deno.test("negative outcome: PV, NPV, ratio, payback and year totals computed by hand", () => {
  assert.equal(report.lines[1].proxy, -250);
  assert.equal(report.lines[1].impact, -500);
  assert.deepEqual(report.lines[1].values, [0, -500, -500, 0, 0]);
  assert.equal(report.lines[1].pv, -1000);
  assert.equal(report.pv, 5000);
  assert.equal(report.npv, 500);
  assert.equal(report.ratio, 1.1111);
  assert.equal(report.annual_impact, 2500);
  assert.equal(report.payback_months, 21.6);
  assert.deepEqual(report.year_totals, [3000, 2500, -500, 0, 0]);
});

Deno.test("negative outcome: break-evens of the harm computed by hand", () => {
  assert.equal(entry(3, "proxy").break_even, -375);
  assert.equal(entry(3, "quantity").break_even, 6);
  assert.equal(entry(3, "attribution").break_even, 0.25);
  assert.equal(entry(3, "deadweight").break_even, null);
  assert.equal(entry(3, "displacement").break_even, null);
  assert.equal(entry(3, "drop_off").break_even, null);
  assert.equal(entry(3, "duration_years").break_even, 4);
  // The proxy keeps its sign when varied ± 25 %.
  assert.deepEqual(entry(3, "proxy").low, { value: -187.5, ratio: 1.1667 });
  assert.deepEqual(entry(3, "proxy").high, { value: -312.5, ratio: 1.0556 });
});

Deno.test("negative outcome: break-evens of the benefit and of the rate computed by hand", () => {
  assert.equal(entry(2, "proxy").break_even, 275);
  assert.equal(entry(2, "quantity").break_even, 9.1667);
  assert.equal(entry(2, "deadweight").break_even, 0.083333);
  assert.equal(entry(2, "attribution").break_even, 0.083333);
  assert.equal(entry(2, "drop_off").break_even, 0.166667);
  assert.equal(entry(2, "duration_years").break_even, 2);
  // Independent root of x³ − 5x² − 6x + 9 on (0, 1) by bisection (decreasing there).
  let [lo, hi] = [0.5, 1];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (mid ** 3 - 5 * mid ** 2 - 6 * mid + 9 > 0) lo = mid;
    else hi = mid;
  }
  const rate = 1 / ((lo + hi) / 2) - 1;
  assert.equal(entry(null, "discount_rate").break_even, Math.round(rate * 1e6) / 1e6);
  assert.equal(entry(null, "discount_rate").break_even, 0.084473);
});

Deno.test("a harm larger than the benefits: negative ratio, no payback, no sign change of the proxy", () => {
  // Harm alone: PV −1 000 €, ratio −1 000 / 4 500 = −0,2222, NPV −5 500 €; the net annual impact
  // −500 € gives no payback. The proxy would have to become +1 125 € to reach 1 : 1: a harm does
  // not turn into a benefit, so no break-even; nor a quantity of −18.
  const alone = buildReport(
    parseImpactMap(tables([HARM], [["CAF", "subvention", 4500]], { rate: 0, horizon: 5 })),
    { iterations: 50, seed: 1 },
  );
  assert.equal(alone.pv, -1000);
  assert.equal(alone.ratio, -0.2222);
  assert.equal(alone.npv, -5500);
  assert.equal(alone.payback_months, null);
  assert.equal(alone.sensitivity.find((s) => s.parameter === "proxy")!.break_even, null);
  assert.equal(alone.sensitivity.find((s) => s.parameter === "quantity")!.break_even, null);
  const text = reportText(alone, "carte.xlsx");
  assert.match(text, /Délai de retour : non calculé \(impact annuel net négatif ou nul\)/);
  assert.match(text, /2 ans après l'action, changement négatif \(proxy -250,00\u00a0€\), valeur actuelle/);
});

Deno.test("Monte Carlo over a negative proxy range stays between the extreme ratios", () => {
  // Harm proxy between −400 € and −200 €: PV from 6 000 − 1 600 = 4 400 to 6 000 − 800 = 5 200,
  // ratio from 0,9778 to 1,1556.
  const header = [...HEADER, "Proxy min", "Proxy max"];
  const mc = buildReport(
    parseImpactMap(
      tables(
        [[...BENEFIT, "", ""], [...HARM, "-400", "-200"]],
        [["CAF", "", 4500]],
        { rate: 0, horizon: 5 },
        header,
      ),
    ),
    { iterations: 2000, seed: 3 },
  ).monte_carlo;
  assert.equal(mc.uncertain_inputs, 1);
  assert.ok(mc.p5! > 0.9778 && mc.p95! < 1.1556 && mc.p5! < mc.p50! && mc.p50! < mc.p95!, JSON.stringify(mc));
  assert.ok(Math.abs(mc.p50! - 1.1111) < 0.03, String(mc.p50));
});

Deno.test("a negative quantity is refused with a message pointing to the negative proxy", () => {
  try {
    parseImpactMap(
      tables([["Riverains", "Nuisances", "", -4, 1, 1, 250, "", 0, 0, 0, 0]], [["CAF", "", 10]]),
    );
    assert.fail("expected an error");
  } catch (error) {
    assert.ok(error instanceof SroiInputError);
    assert.equal(
      error.message,
      "Feuille « impacts », ligne 2, colonne « Quantité » : « -4 » est négatif : une quantité compte des " +
        "personnes ou des unités ; pour un changement négatif, saisissez une quantité positive et un proxy " +
        "financier négatif",
    );
  }
});
