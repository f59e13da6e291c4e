/**
 * Survey statistics against values computed independently with Python: the constants below were
 * printed by `python3 tests/surveys/reference_values.py` (numpy, scipy 1.17.1:
 * `scipy.stats.wilcoxon(d, zero_method="wilcox", correction=True, method="exact" | "approx")`,
 * its `zstatistic` for Z; the studentised bootstrap (bootstrap-t) redone in Python with the same
 * Mulberry32 generator, seed 20171, 10 000 resamples, `numpy.percentile`; a bootstrap-t written
 * with numpy arrays and numpy's own generator as a loose cross-check). CI does not run Python: re-run the script and paste again if a fixture
 * changes.
 */
import assert from "node:assert/strict";
import { wilcoxonSignedRank } from "../../src/surveys/wilcoxon.ts";
import { bootstrapMeanInterval } from "../../src/surveys/bootstrap.ts";
import { mulberry32 } from "../../src/sroi/prng.ts";

const EXACT = [1.5, -0.5, 2, 3, 0.25, 1, -1.25, 2.5, 4, 3.5, 0.75, -2.25];
const TIES = [1, 1, 2, 0, -1, 1, 2, 3, 0, 1, -1, 2, 1, 0, 2, -2, 1, 1, 3, 2, 1, -1, 0, 2];
const SMALL = [0.5, 1.5, -0.25, 2, 1, 3];
const LARGE = Array.from({ length: 30 }, (_, i) => {
  const k = i + 1;
  return Math.round((((k * 7) % 11) - 3.3 + k / 100) * 100) / 100;
});

function close(actual: number | null, expected: number, tolerance: number, what: string): void {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} ≠ ${expected}`);
}

Deno.test("the Python generator matches ours (same bootstrap draws)", () => {
  assert.equal(mulberry32(42)(), 0.6011037519201636);
});

Deno.test("Wilcoxon, exact distribution (12 untied differences) = scipy", () => {
  const r = wilcoxonSignedRank(EXACT);
  assert.equal(r.method, "exacte");
  assert.deepEqual([r.n, r.zeros, r.wPlus, r.statistic], [12, 0, 63, 15]);
  close(r.p, 0.06396484375, 1e-12, "p");
  close(r.z, 1.84349167029893, 1e-12, "z");
  close(r.effectR, 0.5321702060479601, 1e-12, "r");
  const ci = bootstrapMeanInterval(EXACT);
  close(ci!.low, -0.1264536888832557, 1e-12, "ci low");
  close(ci!.high, 2.39710115576284, 1e-12, "ci high");
  // numpy bootstrap-t (its own generator): (-0.10335181841194485, 2.3516047541939606)
  close(ci!.low, -0.10335181841194485, 0.1, "ci low vs numpy");
  close(ci!.high, 2.3516047541939606, 0.1, "ci high vs numpy");
});

Deno.test("Wilcoxon, ties and zero differences (normal approximation) = scipy", () => {
  const r = wilcoxonSignedRank(TIES);
  assert.equal(r.method, "normale");
  assert.deepEqual([r.n, r.zeros, r.wPlus, r.statistic, r.ties], [20, 4, 177, 33, true]);
  close(r.p, 0.006216800034962521, 1e-12, "p");
  close(r.z, 2.736121854801056, 1e-12, "z");
  close(r.effectR, 0.611815446205797, 1e-12, "r");
  const ci = bootstrapMeanInterval(TIES);
  close(ci!.low, 0.28377456811109936, 1e-12, "ci low");
  close(ci!.high, 1.3931401771552028, 1e-12, "ci high");
});

Deno.test("Wilcoxon, 30 untied differences use the normal approximation = scipy", () => {
  const r = wilcoxonSignedRank(LARGE);
  assert.equal(r.method, "normale");
  assert.deepEqual([r.n, r.wPlus, r.statistic], [30, 362, 103]);
  close(r.p, 0.007970526597838456, 1e-12, "p");
  close(r.z, 2.6533157767813393, 1e-12, "z");
  close(r.effectR, 0.48442696770916055, 1e-12, "r");
  const ci = bootstrapMeanInterval(LARGE);
  close(ci!.low, 0.7876827154186088, 1e-12, "ci low");
  close(ci!.high, 3.1602376330903565, 1e-12, "ci high");
  // numpy bootstrap-t: (0.7609334545358604, 3.172920962757355)
  close(ci!.low, 0.7609334545358604, 0.1, "ci low vs numpy");
});

Deno.test("Wilcoxon, six differences: exact p-value as scipy (computed, never published)", () => {
  const r = wilcoxonSignedRank(SMALL);
  assert.equal(r.method, "exacte");
  assert.equal(r.statistic, 1);
  close(r.p, 0.0625, 1e-15, "p");
});
