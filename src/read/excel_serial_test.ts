import assert from "node:assert/strict";
import { excelSerialToIso } from "./excel_serial.ts";

Deno.test("excelSerialToIso: known serials", () => {
  assert.equal(excelSerialToIso(1), "1900-01-01");
  assert.equal(excelSerialToIso(59), "1900-02-28");
  assert.equal(excelSerialToIso(61), "1900-03-01");
  assert.equal(excelSerialToIso(43101), "2018-01-01");
  assert.equal(excelSerialToIso(45292), "2024-01-01");
  assert.equal(excelSerialToIso(45292.75), "2024-01-01");
});

Deno.test("excelSerialToIso: out of range and the fake 29/02/1900", () => {
  assert.equal(excelSerialToIso(0), null);
  assert.equal(excelSerialToIso(60), null);
  assert.equal(excelSerialToIso(100_001), null);
  assert.equal(excelSerialToIso(NaN), null);
});
