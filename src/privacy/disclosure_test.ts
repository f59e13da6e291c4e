import assert from "node:assert/strict";
import { complementIndices, isSmall, safeShare, suppress, suppressGroup } from "./disclosure.ts";

Deno.test("suppress hides 1 to 4 but not 0 or 5", () => {
  assert.deepEqual([0, 1, 4, 5, 120].map((n) => suppress(n)), [0, null, null, 5, 120]);
  assert.equal(isSmall(null), false);
  assert.equal(suppress(7, 10), null);
});

Deno.test("suppressGroup adds a secondary suppression when one cell is hidden", () => {
  // total 55 published: 3 alone would be 55 - 40 - 12; hiding 12 too protects it.
  assert.deepEqual(suppressGroup([3, 40, 12]), [null, 40, null]);
  // zeros are not candidates: they reveal nothing and are not secret.
  assert.deepEqual(suppressGroup([2, 0, 30, 8]), [null, 0, 30, null]);
  // two hidden cells already protect each other.
  assert.deepEqual(suppressGroup([2, 3, 30]), [null, null, 30]);
  assert.deepEqual(suppressGroup([10, 20]), [10, 20]);
});

Deno.test("safeShare hides shares whose part or remainder is small", () => {
  assert.equal(safeShare(20, 40), 0.5);
  assert.equal(safeShare(38, 40), null);
  assert.equal(safeShare(2, 40), null);
  assert.equal(safeShare(0, 40), 0);
  assert.equal(safeShare(3, 4), null);
});

Deno.test("complementIndices hides the smallest other member of every group left with one hidden", () => {
  // 55 − 40 − 12 would give a's 3: c is hidden. Then group {c, d} has one hidden: d too.
  assert.deepEqual(
    complementIndices(["a", "b", "c", "d"], [3, 40, 12, 30], [true, false, false, false], [
      new Set(["a", "b", "c"]),
      new Set(["c", "d"]),
    ]),
    [2, 3],
  );
  assert.deepEqual(complementIndices(["a", "b"], [3, 2], [true, true], [new Set(["a", "b"])]), []);
});
