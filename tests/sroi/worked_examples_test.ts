/**
 * Hand-computed SROI cases, checked to the cent through the whole chain (sheet rows → Zod
 * validation → computation → rounded report). Each case is worked out in the comments.
 * Discount factors at 3,5 %: 1,035 ; 1,035² = 1,071225 ; 1,035³ = 1,108717875.
 */
import assert from "node:assert/strict";
import { parseImpactMap } from "../../src/sroi/read_impact_map.ts";
import { buildReport } from "../../src/sroi/sroi_report.ts";
import { tables } from "./support.ts";

const run = (t: ReturnType<typeof tables>) => buildReport(parseImpactMap(t), { iterations: 200, seed: 1 });

Deno.test("example 1: one line, 3 years with a 10 % drop-off", () => {
  // impact = 10 × 1 000 € × (1 − 20 %) × (1 − 0 %) × (1 − 25 %) = 10 000 × 0,8 × 0,75 = 6 000 €
  // year 1 = 6 000 ; year 2 = 6 000 × 0,9 = 5 400 ; year 3 = 6 000 × 0,9² = 4 860 ; years 4–5 = 0
  // PV = 6 000 / 1,035 + 5 400 / 1,071225 + 4 860 / 1,108717875
  //    = 5 797,1014 + 5 040,9578 + 4 383,4415 = 15 221,5008 → 15 221,50 €
  // inputs = 3 000 + 2 000 = 5 000 € ; NPV = 10 221,50 € ; ratio = 15 221,5008 / 5 000 = 3,0443
  // payback = 5 000 / (6 000 / 12) = 5 000 / 500 = 10 months
  const report = run(tables(
    [["Parents", "Confiance", "", 10, 3, 1, 1000, "tarif", "20 %", 0, "25 %", "10 %"]],
    [["CAF", "subvention", 3000], ["Bénévoles", "temps valorisé", "2 000 €"]],
    { rate: "3,5 %", horizon: 5 },
  ));
  assert.equal(report.inputs_total, 5000);
  assert.equal(report.pv, 15221.5);
  assert.equal(report.npv, 10221.5);
  assert.equal(report.ratio, 3.0443);
  assert.equal(report.payback_months, 10);
  assert.deepEqual(report.lines[0].values, [6000, 5400, 4860, 0, 0]);
  assert.equal(report.lines[0].impact, 6000);
  assert.equal(report.lines[0].pv, 15221.5);
});

Deno.test("example 2: début = 2 moves the outcome one year later", () => {
  // impact = 20 × 500 € × (1 − 0) × (1 − 10 %) × (1 − 50 %) = 10 000 × 0,9 × 0,5 = 4 500 €
  // duration 2, début 2: year 1 = 0 ; year 2 = 4 500 ; year 3 = 4 500 (no drop-off)
  // PV = 4 500 / 1,071225 + 4 500 / 1,108717875 = 4 200,7982 + 4 058,7422 = 8 259,5403 → 8 259,54 €
  // inputs 4 000 € ; NPV = 4 259,54 € ; ratio = 8 259,5403 / 4 000 = 2,0649
  // payback = 4 000 / (4 500 / 12) = 4 000 / 375 = 10,6667 → 10,67 months (the year-1 zero
  // does not matter: the annual impact is the line's yearly impact before drop-off)
  const report = run(tables(
    [["Personnes âgées", "Liens sociaux", "", 20, 2, 2, 500, "", 0, 0.1, 0.5, 0]],
    [["Ville", "subvention", 4000]],
    { rate: 0.035, horizon: 5 },
  ));
  assert.deepEqual(report.lines[0].values, [0, 4500, 4500, 0, 0]);
  assert.equal(report.pv, 8259.54);
  assert.equal(report.npv, 4259.54);
  assert.equal(report.ratio, 2.0649);
  assert.equal(report.payback_months, 10.67);
});

Deno.test("example 3: a duration longer than the horizon is cut at the horizon", () => {
  // impact = 5 × 2 000 € = 10 000 € (no filter) ; drop-off 50 % ; duration 8 years, horizon 3
  // years 1–3 = 10 000 ; 5 000 ; 2 500 (years 4–8 are beyond the horizon)
  // at 5 %: PV = 10 000 / 1,05 + 5 000 / 1,1025 + 2 500 / 1,157625
  //            = 9 523,8095 + 4 535,1474 + 2 159,5940 = 16 218,5509 → 16 218,55 €
  // inputs 8 000 € ; NPV = 8 218,55 € ; ratio = 2,0273 ; payback = 8 000 / (10 000 / 12) = 9,6 months
  const map = parseImpactMap(tables(
    [["Bénévoles", "Compétences", "", 5, 8, 1, "2 000 €", "", "", "", "", "50 %"]],
    [["CAF", "prestation", 8000]],
    { rate: "5", horizon: "3 ans" },
  ));
  assert.match(
    map.warnings.join("\n"),
    /ligne 2 : l'effet dure jusqu'à l'année 8, au-delà de l'horizon de 3 ans/,
  );
  const report = buildReport(map, { iterations: 100, seed: 1 });
  assert.deepEqual(report.lines[0].values, [10000, 5000, 2500]);
  assert.equal(report.pv, 16218.55);
  assert.equal(report.npv, 8218.55);
  assert.equal(report.ratio, 2.0273);
  assert.equal(report.payback_months, 9.6);
});

Deno.test("two lines add up, and the year totals are undiscounted sums", () => {
  // examples 1 and 2 together with inputs 9 000 €: PV = 15 221,5008 + 8 259,5403 = 23 481,0411
  // ratio = 23 481,0411 / 9 000 = 2,6090 ; payback = 9 000 / ((6 000 + 4 500) / 12) = 10,2857 months
  const report = run(tables(
    [
      ["Parents", "Confiance", "", 10, 3, 1, 1000, "", "20 %", 0, "25 %", "10 %"],
      ["Personnes âgées", "Liens sociaux", "", 20, 2, 2, 500, "", 0, "10 %", "50 %", 0],
    ],
    [["CAF", "", 9000]],
    { rate: "3,5 %", horizon: 5 },
  ));
  assert.equal(report.pv, 23481.04);
  assert.equal(report.ratio, 2.609);
  assert.equal(report.payback_months, 10.29);
  assert.deepEqual(report.year_totals, [6000, 9900, 9360, 0, 0]);
});
