import assert from "node:assert/strict";
import { computeSroi } from "./compute_sroi.ts";
import { drawLines, monteCarlo, monteCarloDraws, percentile } from "./monte_carlo.ts";
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

// Shared proxy sources (issue 14, item 2). Two lines worth their proxy for one year, rate 0,
// inputs 1 €: each draw's ratio is p1 + p2. Proxy 1: triangle (50, 100, 150), variance
// (50² + 100² + 150² − 50·100 − 50·150 − 100·150) / 18 = 7 500 / 18 = 416,67 (σ1 = 20,41);
// proxy 2: triangle (100, 200, 300) = 2 × proxy 1, variance 4 × 416,67 = 1 666,67 (σ2 = 2 σ1).
// Same source: p2 = 2 p1 in every draw, Var(p1 + p2) = (σ1 + σ2)² = 9 × 416,67 = 3 750.
// Different sources: independent, Var = σ1² + σ2² = 5 × 416,67 = 2 083,33.
const oneYear = { ...line, quantity: 1, durationYears: 1, deadweight: 0, attribution: 0, dropOff: 0 };
const flat = { discountRate: 0, horizonYears: 1 };
const first: ImpactLine = {
  ...oneYear,
  proxy: 100,
  proxySource: "Étude CNAF, 2022",
  ranges: { proxy: { min: 50, max: 150 } },
};
const second = (source: string): ImpactLine => ({
  ...oneYear,
  row: 3,
  proxy: 200,
  proxySource: source,
  ranges: { proxy: { min: 100, max: 300 } },
});

function variance(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
}

Deno.test("lines citing the same proxy source draw together: perfectly correlated proxies", () => {
  const next = mulberry32(5);
  // Same source typed differently (case, accent, punctuation): still one source.
  const lines = [first, second("etude cnaf 2022")];
  for (let i = 0; i < 200; i++) {
    const [a, b] = drawLines(lines, next);
    assert.ok(Math.abs(b.proxy - 2 * a.proxy) < 1e-9, `${a.proxy} ${b.proxy}`);
  }
  const sums = monteCarloDraws(lines, 1, flat, { iterations: 20_000, seed: 11 });
  const v = variance(sums);
  assert.ok(Math.abs(v / 3750 - 1) < 0.04, `variance ${v}, attendu (σ1 + σ2)² = 3 750`);
});

Deno.test("lines citing different proxy sources (or none) draw independently", () => {
  for (const source of ["Barème Insee 2023", ""]) {
    const lines = [first, second(source)];
    const sums = monteCarloDraws(lines, 1, flat, { iterations: 20_000, seed: 11 });
    const v = variance(sums);
    assert.ok(
      Math.abs(v / 2083.33 - 1) < 0.04,
      `« ${source} » : variance ${v}, attendu σ1² + σ2² = 2 083,33`,
    );
  }
  // A blank source never groups lines, even two blank ones.
  const next = mulberry32(5);
  const blank = [{ ...first, proxySource: "" }, second("")];
  const pairs = Array.from({ length: 200 }, () => drawLines(blank, next));
  assert.ok(pairs.some(([a, b]) => Math.abs(b.proxy - 2 * a.proxy) > 1));
});

Deno.test("a harm and a benefit valued with the same source grow in size together", () => {
  // Harm proxy −100 in (−150, −50) with the same source as the benefit 100 in (50, 150): the
  // harm takes the rank 1 − u, so it is −p1 in every draw and the sum is always 0.
  const harm: ImpactLine = {
    ...oneYear,
    row: 4,
    proxy: -100,
    proxySource: "Étude CNAF 2022",
    ranges: { proxy: { min: -150, max: -50 } },
  };
  const next = mulberry32(8);
  for (let i = 0; i < 200; i++) {
    const [a, b] = drawLines([first, harm], next);
    assert.ok(Math.abs(a.proxy + b.proxy) < 1e-9, `${a.proxy} ${b.proxy}`);
    assert.ok(b.proxy <= -50 && b.proxy >= -150);
  }
});
