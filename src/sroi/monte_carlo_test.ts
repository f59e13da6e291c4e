import assert from "node:assert/strict";
import { computeSroi } from "./compute_sroi.ts";
import { monteCarlo, percentile } from "./monte_carlo.ts";
import { mulberry32, triangular } from "./prng.ts";
import type { ImpactLine } from "./types.ts";

const line: ImpactLine = {
  row: 2,
  stakeholder: "Parents",
  outcome: "Confiance",
  indicator: "",
  quantity: 10,
  quantityIndicator: null,
  durationYears: 3,
  start: 1,
  proxy: 1000,
  proxySource: "",
  deadweight: 0.2,
  displacement: 0,
  attribution: 0.25,
  dropOff: 0.1,
  ranges: {},
};
const parameters = { discountRate: 0.035, horizonYears: 5 };

Deno.test("zero-width ranges give exactly the deterministic ratio", () => {
  const ranges = {
    proxy: { min: 1000, max: 1000 },
    quantity: { min: 10, max: 10 },
    deadweight: { min: 0.2, max: 0.2 },
    displacement: { min: 0, max: 0 },
    attribution: { min: 0.25, max: 0.25 },
    dropOff: { min: 0.1, max: 0.1 },
  };
  const expected = computeSroi([line], 5000, parameters).ratio;
  const mc = monteCarlo([{ ...line, ranges }], 5000, parameters, { iterations: 500, seed: 9 });
  assert.equal(mc.p5, expected);
  assert.equal(mc.p50, expected);
  assert.equal(mc.p95, expected);
  assert.equal(mc.uncertainInputs, 6);
});

Deno.test("the same seed gives the same percentiles; another seed differs", () => {
  const uncertain = {
    ...line,
    ranges: { proxy: { min: 600, max: 1500 }, attribution: { min: 0.1, max: 0.5 } },
  };
  const a = monteCarlo([uncertain], 5000, parameters, { iterations: 2000, seed: 42 });
  const b = monteCarlo([uncertain], 5000, parameters, { iterations: 2000, seed: 42 });
  const c = monteCarlo([uncertain], 5000, parameters, { iterations: 2000, seed: 43 });
  assert.deepEqual(a, b);
  assert.notEqual(a.p50, c.p50);
  assert.ok(a.p5! < a.p50! && a.p50! < a.p95!);
  // Bounds: proxy 600 with attribution 50 % and proxy 1 500 with attribution 10 %.
  const low = computeSroi([{ ...line, proxy: 600, attribution: 0.5 }], 5000, parameters).ratio!;
  const high = computeSroi([{ ...line, proxy: 1500, attribution: 0.1 }], 5000, parameters).ratio!;
  assert.ok(a.p5! > low && a.p95! < high);
});

Deno.test("no investment: no percentiles", () => {
  assert.equal(monteCarlo([line], 0, parameters).p50, null);
});

Deno.test("triangular sampling has the triangle's mean and stays in its bounds", () => {
  const next = mulberry32(1);
  let sum = 0;
  const n = 20_000;
  for (let i = 0; i < n; i++) {
    const x = triangular(next(), 10, 20, 60);
    assert.ok(x >= 10 && x <= 60);
    sum += x;
  }
  // mean of a triangle = (10 + 20 + 60) / 3 = 30
  assert.ok(Math.abs(sum / n - 30) < 0.5, String(sum / n));
  assert.equal(triangular(0, 10, 20, 60), 10);
  assert.equal(triangular(0.3, 7, 7, 7), 7);
});

Deno.test("percentile interpolates like Excel PERCENTILE.INC", () => {
  assert.equal(percentile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(percentile([1, 2, 3, 4, 5], 0.05), 1.2);
  assert.equal(percentile([7], 0.95), 7);
});
