/**
 * Reads an export file into tables of rows: one table for a CSV, one per sheet for a workbook.
 *
 * @module
 */
import { extname } from "node:path";
import { decodeText } from "../read/decode_text.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { sniffDelimiter } from "../read/sniff_delimiter.ts";
import { readWorkbook } from "../read/read_workbook.ts";
import { readLegacyWorkbook } from "../read/read_legacy_workbook.ts";
import type { CellRow, MergedRange } from "../read/row.ts";

/** A table read from a file, before its header is found. */
export interface RawTable {
  /** Sheet name for workbooks, null for text files. */
  sheet: string | null;
  /** Encoding detected for text files ("xlsx" for workbooks). */
  encoding: string;
  rows: CellRow[];
  /** Merged cells of a workbook sheet (absent for text files and sheets without merges). */
  merges?: MergedRange[];
}

/** File endings the ingest understands. */
export const READABLE_EXTENSIONS = [".csv", ".txt", ".tsv", ".xlsx", ".xls"];

/**
 * Reads `bytes` of the file called `fileName` (the ending chooses the reader).
 *
 * @example
 * ```ts
 * const [table] = await readTables("a.csv", new TextEncoder().encode("x;y\n1;2\n"));
 * table.rows[1].cells // ["1", "2"]
 * ```
 */
export async function readTables(fileName: string, bytes: Uint8Array): Promise<RawTable[]> {
  const ext = extname(fileName).toLowerCase();
  if (ext === ".xlsx") {
    const sheets = await readWorkbook(bytes);
    return sheets.map(({ sheet, rows, merges }) => ({
      sheet,
      encoding: "xlsx",
      rows,
      ...(merges && { merges }),
    }));
  }
  if (ext === ".xls") {
    const sheets = await readLegacyWorkbook(bytes);
    return sheets.map(({ sheet, rows, merges }) => ({
      sheet,
      encoding: "xls",
      rows,
      ...(merges && { merges }),
    }));
  }
  const { text, encoding, delimiter } = decodeDelimited(bytes);
  return [{ sheet: null, encoding, rows: parseDelimited(text, delimiter) }];
}

/** True for the endings read as workbooks (the others are delimited text). */
export function isWorkbook(fileName: string): boolean {
  const ext = extname(fileName).toLowerCase();
  return ext === ".xlsx" || ext === ".xls";
}

/**
 * The text of a delimited export, its encoding and its separator.
 *
 * @example
 * ```ts
 * decodeDelimited(new TextEncoder().encode("x;y\n1;2\n")).delimiter // ";"
 * ```
 */
export function decodeDelimited(bytes: Uint8Array): { text: string; encoding: string; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  return { text, encoding, delimiter: sniffDelimiter(text) };
}
