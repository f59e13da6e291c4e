import assert from "node:assert/strict";
import { Random } from "./random.ts";
import { YEARS } from "./accorderie.ts";
import { exchangeTarget } from "./timebank_files.ts";

Deno.test("the sample time bank's yearly exchanges vary and never read as an export cap", () => {
  const rng = new Random(2017);
  const counts = YEARS.map((year) => exchangeTarget(rng, year));
  // Issue 15: every year had exactly 1 000 exchanges (500 in 2020).
  assert.ok(new Set(counts).size >= counts.length - 2, `counts: ${counts.join(", ")}`);
  for (const n of counts) assert.notEqual(n % 50, 0, `${n} is a round figure`);
  const at = (year: number) => counts[YEARS.indexOf(year)];
  assert.ok(at(2020) < at(2019) && at(2020) < at(2021), "2020 (lockdowns) has fewer exchanges");
  assert.ok(counts.every((n) => n > 300 && n < 1500), counts.join(", "));
});
