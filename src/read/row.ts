/**
 * Shared row and cell types for everything in `src/read/`.
 * @module
 */

/** A value read from a spreadsheet cell (or a CSV field once typed). */
export type CellValue = string | number | boolean | Date | null;

/** One record of a delimited text file; `line` is the 1-based physical line where it starts. */
export type Row = { line: number; cells: string[] };

/** One spreadsheet row; `line` is the 1-based row number the user sees in Excel. */
export type CellRow = { line: number; cells: CellValue[] };

/**
 * A block of merged cells: 1-based row numbers (as `CellRow.line`) and 0-based column indexes (as
 * `CellRow.cells`). The value is in the top-left cell; the spreadsheet leaves the others empty.
 */
export type MergedRange = { firstLine: number; lastLine: number; firstColumn: number; lastColumn: number };
