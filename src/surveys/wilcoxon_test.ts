import assert from "node:assert/strict";
import { averageRanks, signedRankCounts, wilcoxonSignedRank } from "./wilcoxon.ts";
import { erfc, normalSf } from "./normal.ts";

Deno.test("average ranks of ties, signed-rank counts", () => {
  assert.deepEqual(averageRanks([0.5, 1, 0.5]), { ranks: [1.5, 3, 1.5], tieSizes: [2, 1] });
  assert.deepEqual(signedRankCounts(3), [1, 1, 1, 2, 1, 1, 1]);
  assert.equal(signedRankCounts(10).reduce((a, b) => a + b, 0), 1024);
});

Deno.test("erfc and the normal tail", () => {
  assert.equal(erfc(0), 1);
  assert.ok(Math.abs(erfc(1) - 0.15729920705028513) < 1e-15);
  assert.ok(Math.abs(erfc(4) / 1.541725790028002e-8 - 1) < 1e-12);
  assert.ok(Math.abs(normalSf(1.959963984540054) - 0.025) < 1e-15);
  assert.ok(Math.abs(normalSf(-1) - 0.8413447460685429) < 1e-15);
});

Deno.test("zero differences are dropped; means of Likert items tie after rounding", () => {
  const r = wilcoxonSignedRank([3.5 - 3, 4 - 3.5, 0, 1 / 3 + 1 / 3 - 2 / 3]);
  assert.deepEqual([r.n, r.zeros, r.ties, r.wPlus], [2, 2, true, 3]);
  const none = wilcoxonSignedRank([0, 0]);
  assert.equal(none.p, null);
  assert.equal(none.effectR, null);
});

Deno.test("scores that fell give a negative Z and effect size", () => {
  const r = wilcoxonSignedRank([-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, 0.5]);
  assert.ok(r.z! < 0 && r.effectR! < 0);
  assert.equal(r.statistic, 1);
});
