/**
 * Reads legacy Excel 97-2003 workbooks (.xls). Only SheetJS reads them here, in its last npm
 * version (0.18.5), which has published advisories on crafted files: it is used for .xls only,
 * with limits on size and rows, and never on files that claim another format.
 *
 * @module
 */
import * as XLSX from "xlsx";
import type { CellRow, CellValue, MergedRange } from "./row.ts";
import type { WorkbookSheet } from "./read_workbook.ts";

/** Files larger than this are refused rather than parsed. */
export const MAX_XLS_BYTES = 30 * 1024 * 1024;
/** Rows read per sheet at most. */
export const MAX_XLS_ROWS = 500_000;

/** The BIFF/OLE signature every .xls starts with. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * All sheets of an .xls, with 1-based row numbers as Excel shows them.
 *
 * @example
 * ```ts
 * const [sheet] = await readLegacyWorkbook(await Deno.readFile("presences.xls"));
 * sheet.rows[0].line // 1
 * ```
 */
// deno-lint-ignore require-await -- async so that every failure is a rejected promise
export async function readLegacyWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
  if (bytes.length > MAX_XLS_BYTES) {
    throw new Error(
      `Classeur .xls trop volumineux (plus de ${
        MAX_XLS_BYTES / 1024 / 1024
      } Mo) : enregistrez-le au format .xlsx ou .csv.`,
    );
  }
  if (!OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new Error(
      "Ce fichier .xls n'est pas un classeur Excel 97-2003 : enregistrez-le au format .xlsx ou .csv.",
    );
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: "array",
      cellDates: true,
      cellFormula: false,
      sheetRows: MAX_XLS_ROWS,
    });
  } catch (error) {
    throw new Error(
      `Classeur Excel (.xls) illisible (${
        (error as Error).message
      }) : enregistrez-le au format .xlsx ou .csv.`,
      { cause: error },
    );
  }
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name];
    const range = sheet["!ref"] ? XLSX.utils.decode_range(sheet["!ref"]) : null;
    const rows: CellRow[] = [];
    if (range) {
      for (let r = 0; r <= range.e.r; r++) {
        const cells: CellValue[] = [];
        for (let c = 0; c <= range.e.c; c++) {
          const cell = sheet[XLSX.utils.encode_cell({ r, c })];
          cells.push(cell?.v instanceof Date ? fromLocalDate(cell.v) : (cell?.v ?? null) as CellValue);
        }
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        rows.push({ line: r + 1, cells });
      }
    }
    const merges: MergedRange[] = (sheet["!merges"] ?? []).map((m) => ({
      firstLine: m.s.r + 1,
      lastLine: m.e.r + 1,
      firstColumn: m.s.c,
      lastColumn: m.e.c,
    }));
    return merges.length > 0 ? { sheet: name, rows, merges } : { sheet: name, rows };
  });
}

/** SheetJS builds dates in local time; the rest of the project reads dates as UTC. */
function fromLocalDate(date: Date): Date {
  return new Date(Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
  ));
}
