/**
 * Pure reading and parsing helpers for messy CSV/XLSX exports from centres sociaux.
 * @module
 */

export type { CellRow, CellValue, Row } from "./row.ts";
export type { Parsed } from "./parsed.ts";
export { fail, ok, quote } from "./parsed.ts";
export { decodeText, encodeWindows1252, type TextEncodingName } from "./decode_text.ts";
export { type Delimiter, sniffDelimiter } from "./sniff_delimiter.ts";
export { parseDelimited } from "./parse_delimited.ts";
export { normaliseHeader } from "./normalise_header.ts";
export { cellText } from "./cell_text.ts";
export { findHeader, type HeaderMatch } from "./find_header.ts";
export { isBlankRow, isTotalsRow } from "./row_kind.ts";
export { parseNumber } from "./parse_number.ts";
export { parseDate, parseMonth } from "./parse_date.ts";
export { excelSerialToIso } from "./excel_serial.ts";
export { frenchMonth, frenchMonthName } from "./french_months.ts";
export { parseClockTime, parseDuration } from "./parse_duration.ts";
export { readWorkbook, type WorkbookSheet } from "./read_workbook.ts";
