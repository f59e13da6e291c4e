/**
 * Sensitivity on a case simple enough to solve by hand: 10 × 100 € a year for 2 years, no
 * filter, no drop-off, discount rate 0, inputs 1 500 €. PV = 1 000 + 1 000 = 2 000 €, ratio 4/3.
 */
import assert from "node:assert/strict";
import { parseImpactMap } from "../../src/sroi/read_impact_map.ts";
import { buildReport } from "../../src/sroi/sroi_report.ts";
import { formatProxy, writtenDecimals } from "../../src/sroi/format_fr.ts";
import { reportText } from "../../src/sroi/report_text.ts";
import { tables } from "./support.ts";

const report = buildReport(
  parseImpactMap(tables([["Parents", "Confiance", "", 10, 2, 1, 100, "", 0, 0, 0, 0]], [["CAF", "", 1500]], {
    rate: 0,
    horizon: 5,
  })),
  { iterations: 100, seed: 1 },
);
const entry = (parameter: string) => report.sensitivity.find((s) => s.parameter === parameter)!;

Deno.test("break-even values solved analytically", () => {
  assert.equal(report.ratio, 1.3333);
  // PV = 20 × proxy: 20 × p = 1 500 → p = 75 €
  assert.equal(entry("proxy").break_even, 75);
  // PV = 200 × quantity: q = 7,5
  assert.equal(entry("quantity").break_even, 7.5);
  // PV = 2 000 × (1 − f): f = 1 − 1 500 / 2 000 = 25 % for each filter
  assert.equal(entry("deadweight").break_even, 0.25);
  assert.equal(entry("displacement").break_even, 0.25);
  assert.equal(entry("attribution").break_even, 0.25);
  // PV = 1 000 + 1 000 × (1 − d): d = 50 %
  assert.equal(entry("drop_off").break_even, 0.5);
  // 1 year gives 1 000 < 1 500, 2 years 2 000 ≥ 1 500: the shortest duration keeping 1:1 is 2
  assert.equal(entry("duration_years").break_even, 2);
  // 1 000 x + 1 000 x² = 1 500 with x = 1/(1+r): x = (√7 − 1)/2, r = (√7 − 2)/3 = 0,215250
  assert.equal(entry("discount_rate").break_even, Math.round(((Math.sqrt(7) - 2) / 3) * 1e6) / 1e6);
  assert.equal(entry("discount_rate").break_even, 0.21525);
});

Deno.test("each assumption varied by its documented step", () => {
  // proxy ± 25 %: 75 € → 1 500 / 1 500 = 1 ; 125 € → 2 500 / 1 500 = 1,6667
  assert.deepEqual(entry("proxy").low, { value: 75, ratio: 1 });
  assert.deepEqual(entry("proxy").high, { value: 125, ratio: 1.6667 });
  assert.deepEqual(entry("quantity").low, { value: 7.5, ratio: 1 });
  // duration ± 1 year: 1 year → 1 000 / 1 500 = 0,6667 ; 3 years → 3 000 / 1 500 = 2
  assert.deepEqual(entry("duration_years").low, { value: 1, ratio: 0.6667 });
  assert.deepEqual(entry("duration_years").high, { value: 3, ratio: 2 });
  // filters ± 10 points, clamped at 0: 0 % → 1,3333 ; 10 % → 1 800 / 1 500 = 1,2
  assert.deepEqual(entry("deadweight").low, { value: 0, ratio: 1.3333 });
  assert.deepEqual(entry("deadweight").high, { value: 0.1, ratio: 1.2 });
  // drop-off 10 %: 1 000 + 900 = 1 900 → 1,2667
  assert.deepEqual(entry("drop_off").high, { value: 0.1, ratio: 1.2667 });
  // rate ± 2 points, clamped at 0: 2 % → (1 000 / 1,02 + 1 000 / 1,0404) / 1 500 = 1 941,5609 / 1 500
  assert.deepEqual(entry("discount_rate").low, { value: 0, ratio: 1.3333 });
  assert.deepEqual(entry("discount_rate").high, { value: 0.02, ratio: 1.2944 });
});

Deno.test("no break-even when the ratio cannot reach 1:1 in the valid range", () => {
  // Another line alone is worth 2 000 € > 1 500 €: the first line can fall to zero, ratio stays > 1.
  const two = buildReport(
    parseImpactMap(tables(
      [
        ["Parents", "Confiance", "", 10, 2, 1, 100, "", 0, 0, 0, 0],
        ["Enfants", "Réussite", "", 20, 1, 1, 100, "", 0, 0, 0, 0],
      ],
      [["CAF", "", 1500]],
      { rate: 0, horizon: 5 },
    )),
    { iterations: 10, seed: 1 },
  );
  const first = two.sensitivity.filter((s) => s.row === 2);
  assert.equal(first.length, 7);
  for (const s of first) assert.equal(s.break_even, null, s.parameter);
  assert.equal(two.sensitivity.at(-1)!.row, null);
  assert.equal(two.sensitivity.at(-1)!.parameter, "discount_rate");
});

Deno.test("sensitivity keeps the proxy's written precision (0,03672 € is not shown as 0,04 €)", () => {
  // 100 000 × 0,03672 € = 3 672 € for one year, rate 0, inputs 2 000 €: ratio 1,836.
  // ± 25 %: 0,02754 € → 2 754 / 2 000 = 1,377 ; 0,0459 € → 4 590 / 2 000 = 2,295.
  // Break-even: 100 000 × p = 2 000 → p = 0,02 €. Five decimals, as written in the map.
  const precise = buildReport(
    parseImpactMap(tables(
      [["Habitants", "Trajets évités", "", 100000, 1, 1, "0,03672", "ADEME", 0, 0, 0, 0]],
      [["CAF", "", 2000]],
      { rate: 0, horizon: 1 },
    )),
    { iterations: 10, seed: 1 },
  );
  const proxy = precise.sensitivity.find((s) => s.parameter === "proxy")!;
  assert.equal(precise.ratio, 1.836);
  assert.equal(proxy.base, 0.03672);
  assert.deepEqual(proxy.low, { value: 0.02754, ratio: 1.377 });
  assert.deepEqual(proxy.high, { value: 0.0459, ratio: 2.295 });
  assert.equal(proxy.break_even, 0.02);
  const text = reportText(precise, "carte.xlsx");
  assert.match(
    text,
    /ligne 2 · proxy financier 0,03672\u00a0€ : 0,02754\u00a0€ → 1 : 1,38, 0,04590\u00a0€ → 1 : 2,30 ; seuil 0,02000\u00a0€/,
  );
});

Deno.test("written decimals of a proxy: as typed, at least the cents, binary noise cut", () => {
  assert.equal(writtenDecimals(0.03672), 5);
  assert.equal(writtenDecimals(1500), 0);
  assert.equal(writtenDecimals(2.5e-7), 8);
  assert.equal(writtenDecimals(-312.5), 1);
  assert.equal(writtenDecimals(0.1 + 0.2), 10);
  assert.equal(formatProxy(0.03672), "0,03672\u00a0€");
  assert.equal(formatProxy(1000), "1\u202f000,00\u00a0€");
  assert.equal(formatProxy(0.0459, 0.03672), "0,04590\u00a0€");
});
