import assert from "node:assert/strict";
import { hashString, mulberry32, Random } from "./random.ts";

Deno.test("mulberry32 is deterministic and stays in [0, 1)", () => {
  const a = mulberry32(2017);
  const b = mulberry32(2017);
  const values = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(values, Array.from({ length: 1000 }, () => b()));
  assert.ok(values.every((v) => v >= 0 && v < 1));
  assert.notDeepEqual(values.slice(0, 10), Array.from({ length: 10 }, mulberry32(2018)));
});

Deno.test("Random.int covers both bounds and nothing else", () => {
  const rng = new Random(1);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
});

Deno.test("Random.weighted follows the weights", () => {
  const rng = new Random(7);
  let heavy = 0;
  for (let i = 0; i < 10_000; i++) if (rng.weighted(["a", "b"], [9, 1]) === "a") heavy++;
  assert.ok(heavy > 8700 && heavy < 9300, `got ${heavy}`);
});

Deno.test("fork gives independent, reproducible streams", () => {
  const x = new Random(5).fork("ors");
  const y = new Random(5).fork("ors");
  const z = new Random(5).fork("saint-nicolas");
  const first = x.next();
  assert.equal(first, y.next());
  assert.notEqual(first, z.next());
  assert.equal(hashString("abc"), hashString("abc"));
});
