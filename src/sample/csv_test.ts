import assert from "node:assert/strict";
import { csvLine, decimalComma, encodeText } from "./csv.ts";

Deno.test("csvLine quotes only fields that need it", () => {
  assert.equal(csvLine(["a", "b,c", 'd"e'], ","), 'a,"b,c","d""e"');
  assert.equal(csvLine(["b,c", "x"], ";"), "b,c;x");
});

Deno.test("decimalComma writes French decimals", () => {
  assert.equal(decimalComma(2.5), "2,5");
  assert.equal(decimalComma(3), "3");
  assert.equal(decimalComma(1716.5), "1716,5");
});

Deno.test("encodeText handles BOM and Windows-1252", () => {
  assert.deepEqual([...encodeText("é", "utf-8-bom")], [0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
  assert.deepEqual([...encodeText("é", "utf-8")], [0xc3, 0xa9]);
  assert.deepEqual([...encodeText("N’Dœ", "windows-1252")], [0x4e, 0x92, 0x44, 0x9c]);
});
