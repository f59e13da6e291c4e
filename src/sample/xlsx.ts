/**
 * Workbook writing on top of write-excel-file, with reproducible bytes.
 */
import writeExcelFile from "write-excel-file/node";
import type { Row, Sheet } from "write-excel-file/node";
import { fixZipTimestamps } from "./zip_time.ts";
import { utcDate } from "./calendar.ts";

/** A sheet to write: its name and rows of cells. */
export interface SheetSpec {
  name: string;
  rows: Row[];
}

/** A real Excel date cell (stored as a serial number, displayed dd/mm/yyyy). */
export function dateCell(dayNumber: number) {
  return { value: utcDate(dayNumber), type: Date, format: "dd/mm/yyyy" } as const;
}

/** A cell forced to text, as when someone types a date or "1,5" by hand. */
export function textCell(value: string) {
  return { value, type: String } as const;
}

/**
 * Builds an .xlsx workbook with one sheet per spec.
 * @param sheets sheets in tab order
 * @returns workbook bytes with fixed zip timestamps
 */
export async function buildWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const input: Sheet<never>[] = sheets.map((s) => ({ data: s.rows, sheet: s.name }));
  const buffer = await writeExcelFile(input).toBuffer();
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return fixZipTimestamps(new Uint8Array(bytes));
}
