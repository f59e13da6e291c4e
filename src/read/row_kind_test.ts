import assert from "node:assert/strict";
import { isBlankRow, isTotalsRow } from "./row_kind.ts";

Deno.test("isBlankRow", () => {
  assert.equal(isBlankRow([]), true);
  assert.equal(isBlankRow([""]), true);
  assert.equal(isBlankRow(["", " \t", null, "\u00a0"]), true);
  assert.equal(isBlankRow(["", 0]), false);
  assert.equal(isBlankRow([null, false]), false);
  assert.equal(isBlankRow([null, "x"]), false);
});

Deno.test("isTotalsRow: recognised labels", () => {
  assert.equal(isTotalsRow(["TOTAL", 12]), true);
  assert.equal(isTotalsRow(["Total général", "", 120]), true);
  assert.equal(isTotalsRow([null, " Sous-total :", 5]), true);
  assert.equal(isTotalsRow(["Totaux"]), true);
  assert.equal(isTotalsRow(["Ensemble", 3]), true);
  assert.equal(isTotalsRow(["Ensemble vocal", "mars 2024", 3]), false);
});

Deno.test("isTotalsRow: ordinary rows", () => {
  assert.equal(isTotalsRow(["Dupont", "Total"]), false);
  assert.equal(isTotalsRow([12, "Total"]), false);
  assert.equal(isTotalsRow(["", null]), false);
  assert.equal(isTotalsRow(["Tot"]), false);
});
