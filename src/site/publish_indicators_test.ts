import assert from "node:assert/strict";
import { roundValue } from "./publish_indicators.ts";

Deno.test("roundValue keeps 6 decimals: the page rounds the mart's value once", () => {
  assert.equal(roundValue(1515781.3199999977), 1515781.32);
  assert.equal(roundValue(0.45459459), 0.454595);
  // part_usagers of La Coopération in 2025: 9,7 % on every page, never 9,8 % from 0,0975.
  assert.equal(roundValue(0.09747014072005689), 0.09747);
  assert.equal(roundValue(null), null);
  assert.equal(roundValue(Number.NaN), null);
});
