/**
 * Fills merged cells down in the data area of a sheet: an event name written once and merged over
 * its sessions belongs to each of them.
 * @module
 */

import { isBlankRow, isTotalsRow } from "./row_kind.ts";
import type { CellRow, CellValue, MergedRange } from "./row.ts";

function isEmpty(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * `rows` (the data rows under a header whose last row is `headerLine`) with the value of each
 * range merged down repeated in the cells below it, in the range's first column. Only ranges
 * lying wholly under the header count (a range in the header area is the header's business); a
 * totals row ends the filling (its label must stay first), a blank row stays blank. Merges across
 * columns are not spread: a data value belongs to one field. Rows are copied, never changed.
 *
 * @example
 * ```ts
 * fillMergedDown(
 *   [{ line: 2, cells: ["Atelier", "a"] }, { line: 3, cells: [null, "b"] }],
 *   [{ firstLine: 2, lastLine: 3, firstColumn: 0, lastColumn: 0 }],
 *   1,
 * ) // [{ line: 2, cells: ["Atelier", "a"] }, { line: 3, cells: ["Atelier", "b"] }]
 * ```
 */
export function fillMergedDown(
  rows: CellRow[],
  merges: readonly MergedRange[],
  headerLine: number,
): CellRow[] {
  const down = merges.filter((m) => m.firstLine > headerLine && m.lastLine > m.firstLine);
  if (down.length === 0) return rows;
  const indexOfLine = new Map(rows.map((row, i) => [row.line, i]));
  const out = rows.slice();
  const copied = new Set<number>();
  for (const m of down) {
    const top = indexOfLine.get(m.firstLine);
    if (top === undefined || isTotalsRow(rows[top].cells)) continue;
    const value = rows[top].cells[m.firstColumn];
    if (isEmpty(value)) continue;
    for (let line = m.firstLine + 1; line <= m.lastLine; line++) {
      const i = indexOfLine.get(line);
      if (i === undefined) continue;
      // Decided on the row as read, so a filled value never hides a totals label.
      if (isTotalsRow(rows[i].cells)) break;
      if (isBlankRow(rows[i].cells) || !isEmpty(out[i].cells[m.firstColumn])) continue;
      if (!copied.has(i)) {
        out[i] = { line: out[i].line, cells: out[i].cells.slice() };
        copied.add(i);
      }
      while (out[i].cells.length <= m.firstColumn) out[i].cells.push(null);
      out[i].cells[m.firstColumn] = value;
    }
  }
  return out;
}
