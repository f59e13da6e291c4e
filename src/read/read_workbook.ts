/**
 * Reads every sheet of an .xlsx workbook into numbered rows.
 * @module
 */

import { Buffer } from "node:buffer";
import readXlsxFile from "read-excel-file/node";
import type { CellRow, CellValue, MergedRange } from "./row.ts";
import { readXlsxMerges } from "./xlsx_merges.ts";

/**
 * One sheet: its name, its rows numbered like Excel shows them, and its merged cells (absent when
 * it has none).
 */
export type WorkbookSheet = { sheet: string; rows: CellRow[]; merges?: MergedRange[] };

/**
 * Reads all sheets of an .xlsx file with read-excel-file. `line` is the spreadsheet row
 * number: the library keeps leading and inner empty rows (it honours `<row r>`), so
 * `data[i]` is row `i + 1`. Trailing empty rows are dropped by the library. Dates come back
 * as UTC Date objects (time-only cells as 30/12/1899), formulas as their cached value (null
 * when the file has none), text cells are trimmed, short rows are padded with null.
 * Merged ranges come from the sheet XML (the library does not report them): see xlsx_merges.ts.
 * Throws an Error with a French message when the bytes are not a readable .xlsx.
 *
 * @example
 * const sheets = await readWorkbook(await Deno.readFile("presences.xlsx"));
 * // [{ sheet: "Feuil1", rows: [{ line: 1, cells: ["Nom", "Date"] }, ...] }]
 */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  // The node entry treats a bare Uint8Array as a file path; it needs a Buffer.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sheets;
  try {
    sheets = await readXlsxFile(buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Classeur Excel (.xlsx) illisible : ${detail}`, { cause: error });
  }
  // The library has read the archive: a part it skips that we cannot read means no merges.
  const merges = await readXlsxMerges(bytes).catch(() => new Map<string, MergedRange[]>());
  return sheets.map(({ sheet, data }) => ({
    sheet,
    rows: data.map((cells, i) => ({
      line: i + 1,
      // The library's types say `typeof Date`; at runtime cells are Date instances.
      cells: cells.map((cell) => (cell ?? null) as unknown as CellValue),
    })),
    ...(merges.has(sheet) ? { merges: merges.get(sheet) } : {}),
  }));
}
