import assert from "node:assert/strict";
import { NO_PAIRS_WARNING, pairedChange, SMALL_SAMPLE_WARNING } from "./paired_change.ts";

Deno.test("under 10 pairs: means only, the plain warning, never a p-value", () => {
  const pairs = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => ({ before: 2, after: 2 + k / 4 }));
  const r = pairedChange([2, 3], [4], pairs);
  assert.equal(r.warning, "effectif inférieur à 10 : résultats descriptifs seulement");
  assert.equal(r.warning, SMALL_SAMPLE_WARNING);
  assert.deepEqual([r.wilcoxon_p, r.ci_low, r.ci_high, r.effect_r, r.test_method], [
    null,
    null,
    null,
    null,
    null,
  ]);
  assert.deepEqual([r.wave_before_n, r.wave_after_n, r.paired_n], [2, 1, 9]);
  assert.deepEqual([r.mean_before, r.mean_after, r.mean_change], [2.5, 4, 1.25]);
});

Deno.test("10 pairs or more: interval, p-value and effect size", () => {
  const pairs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => ({
    before: 2,
    after: 2 + (k % 3 === 0 ? -k : k) / 10,
  }));
  const r = pairedChange([], [], pairs, { resamples: 1000 });
  assert.equal(r.warning, null);
  assert.equal(r.test_method, "exacte");
  assert.ok(r.wilcoxon_p! > 0 && r.wilcoxon_p! < 1);
  assert.ok(r.ci_low! <= r.mean_change! && r.mean_change! <= r.ci_high!);
  assert.equal(r.mean_before, null);
});

Deno.test("no pair: no individual change", () => {
  const r = pairedChange([3, 4, 5], [4, 4], []);
  assert.equal(r.mean_change, null);
  assert.equal(r.warning, NO_PAIRS_WARNING);
});
