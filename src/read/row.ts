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
