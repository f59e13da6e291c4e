import assert from "node:assert/strict";
import { frenchMonth, frenchMonthName } from "./french_months.ts";

Deno.test("frenchMonth: names, accents and abbreviations", () => {
  assert.equal(frenchMonth("janv."), 1);
  assert.equal(frenchMonth("Févr"), 2);
  assert.equal(frenchMonth("fevrier"), 2);
  assert.equal(frenchMonth("MARS"), 3);
  assert.equal(frenchMonth("juin"), 6);
  assert.equal(frenchMonth("juil."), 7);
  assert.equal(frenchMonth("août"), 8);
  assert.equal(frenchMonth("aout"), 8);
  assert.equal(frenchMonth("sept."), 9);
  assert.equal(frenchMonth("déc."), 12);
  assert.equal(frenchMonth("march"), null);
});

Deno.test("frenchMonthName", () => {
  assert.equal(frenchMonthName(2), "février");
  assert.equal(frenchMonthName(12), "décembre");
});
