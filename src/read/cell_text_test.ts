import assert from "node:assert/strict";
import { cellText } from "./cell_text.ts";

Deno.test("cellText: each kind of cell", () => {
  assert.equal(cellText(null), "");
  assert.equal(cellText(undefined), "");
  assert.equal(cellText("abc"), "abc");
  assert.equal(cellText(12.5), "12.5");
  assert.equal(cellText(true), "true");
  assert.equal(cellText(new Date(Date.UTC(2024, 0, 1))), "2024-01-01");
  assert.equal(cellText(new Date(NaN)), "");
});
