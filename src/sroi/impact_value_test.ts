import assert from "node:assert/strict";
import { lineImpact, yearlyValues } from "./impact_value.ts";
import { presentValue } from "./discount.ts";

const base = {
  quantity: 10,
  proxy: 1000,
  deadweight: 0.2,
  displacement: 0,
  attribution: 0.25,
  dropOff: 0.1,
  durationYears: 3,
  start: 1 as const,
};

Deno.test("lineImpact multiplies quantity, proxy and the three filters", () => {
  // 10 × 1000 × 0,8 × 1 × 0,75 = 6000
  assert.equal(lineImpact(base), 6000);
});

Deno.test("yearlyValues applies drop-off from year 2, shifts start 2, truncates at the horizon", () => {
  assert.deepEqual(yearlyValues(base, 5).map((v) => Math.round(v * 100) / 100), [6000, 5400, 4860, 0, 0]);
  assert.deepEqual(
    yearlyValues({ ...base, start: 2 }, 5).map((v) => Math.round(v * 100) / 100),
    [0, 6000, 5400, 4860, 0],
  );
  assert.deepEqual(yearlyValues({ ...base, durationYears: 9 }, 2).map((v) => Math.round(v)), [6000, 5400]);
  assert.deepEqual(yearlyValues({ ...base, start: 2 }, 1), [0]);
});

Deno.test("presentValue follows Excel NPV: year 1 divided by (1 + r)", () => {
  assert.equal(Math.round(presentValue([105, 110.25], 0.05) * 1e9) / 1e9, 200);
  assert.equal(presentValue([100, 100], 0), 200);
  assert.equal(presentValue([], 0.035), 0);
});
