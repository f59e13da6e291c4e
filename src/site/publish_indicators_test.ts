import assert from "node:assert/strict";
import { roundValue } from "./publish_indicators.ts";

Deno.test("roundValue keeps cents from 100 up and four decimals below", () => {
  assert.equal(roundValue(1515781.3199999977), 1515781.32);
  assert.equal(roundValue(0.45459459), 0.4546);
  assert.equal(roundValue(null), null);
  assert.equal(roundValue(Number.NaN), null);
});
