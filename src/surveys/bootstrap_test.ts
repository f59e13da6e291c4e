import assert from "node:assert/strict";
import { bootstrapMeanInterval, percentileSorted } from "./bootstrap.ts";

Deno.test("percentile with linear interpolation (numpy's default)", () => {
  assert.equal(percentileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(percentileSorted([1, 2, 3, 4], 0), 1);
  assert.equal(percentileSorted([1, 2, 3, 4], 1), 4);
  assert.equal(percentileSorted([0, 10], 0.025), 0.25);
});

Deno.test("bootstrap: reproducible, independent of the order of the values, null under two values", () => {
  const values = [0.5, 1, -0.5, 1.5, 0, 1, 2, -1, 0.5, 1];
  const a = bootstrapMeanInterval(values, { seed: 7, resamples: 2000 });
  const b = bootstrapMeanInterval([...values].reverse(), { seed: 7, resamples: 2000 });
  assert.deepEqual(a, b);
  assert.ok(a!.low < 0.6 && a!.high > 0.6 && a!.low < a!.high);
  assert.equal(bootstrapMeanInterval([1]), null);
  assert.deepEqual(bootstrapMeanInterval([2, 2, 2]), { low: 2, high: 2 });
});
