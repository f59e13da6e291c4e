import assert from "node:assert/strict";
import { fillMergedDown } from "./fill_merged.ts";
import type { CellRow, MergedRange } from "./row.ts";

const range = (
  firstLine: number,
  lastLine: number,
  firstColumn = 0,
  lastColumn = firstColumn,
): MergedRange => ({
  firstLine,
  lastLine,
  firstColumn,
  lastColumn,
});

// Header on line 1; an event merged over lines 2–4, another over 5–6, then a totals row.
const ROWS: CellRow[] = [
  { line: 2, cells: ["Café des parents", "07/01/2025", 8] },
  { line: 3, cells: [null, "14/01/2025", 6] },
  { line: 4, cells: [null, "21/01/2025", 9] },
  { line: 5, cells: ["Repair café", "11/01/2025", 12] },
  { line: 6, cells: [null, "08/02/2025", 10] },
  { line: 7, cells: [null, "08/03/2025", 7] },
  { line: 8, cells: ["Total", null, 52] },
];

Deno.test("fillMergedDown: a value merged down is repeated on each row of its range, no further", () => {
  const out = fillMergedDown(ROWS, [range(2, 4), range(5, 6)], 1);
  assert.deepEqual(out.map((r) => r.cells[0]), [
    "Café des parents",
    "Café des parents",
    "Café des parents",
    "Repair café",
    "Repair café",
    // Line 7 is outside the range: still empty, so the loader reports it.
    null,
    "Total",
  ]);
  // The rows given are not changed.
  assert.equal(ROWS[1].cells[0], null);
});

Deno.test("fillMergedDown: never across a totals row, never into a blank row", () => {
  const rows: CellRow[] = [
    { line: 2, cells: ["Fête de quartier", 85] },
    { line: 3, cells: [null, null] },
    { line: 4, cells: [null, 40] },
    { line: 5, cells: [null, "Sous-total", 125] },
    { line: 6, cells: [null, 30] },
  ];
  const out = fillMergedDown(rows, [range(2, 6)], 1);
  assert.deepEqual(out.map((r) => r.cells[0]), ["Fête de quartier", null, "Fête de quartier", null, null]);
});

Deno.test("fillMergedDown: ranges in the header area or across columns fill nothing", () => {
  const rows: CellRow[] = [
    { line: 3, cells: ["Atelier", null, 4] },
    { line: 4, cells: [null, null, 5] },
  ];
  // A title merged over lines 1–3 starts above the header (line 2); a merge across columns on one row.
  assert.deepEqual(fillMergedDown(rows, [range(1, 3), range(3, 3, 0, 1)], 2), rows);
  assert.equal(fillMergedDown(rows, [], 2), rows);
});
