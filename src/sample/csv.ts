/**
 * Minimal CSV text building and byte encoding for the sample exports.
 */
import { encodeWindows1252 } from "../read/decode_text.ts";

/** Encodings the real structures send us. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1252";

/**
 * Quotes a field only when it must be (separator, quote or line break inside),
 * like spreadsheet software does.
 * @param value raw field text
 * @param separator field separator of the file
 */
export function csvField(value: string, separator: string): string {
  if (
    value.includes(separator) || value.includes('"') || value.includes("\n") ||
    value.includes("\r")
  ) {
    return '"' + value.replaceAll('"', '""') + '"';
  }
  return value;
}

/**
 * Joins fields into one CSV line, quoting where needed.
 * @param fields field values
 * @param separator `,` or `;`
 */
export function csvLine(fields: readonly string[], separator: string): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += separator;
    line += csvField(fields[i], separator);
  }
  return line;
}

const utf8 = new TextEncoder();
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Encodes text in one of the encodings structures use.
 * @param text file content
 * @param encoding target encoding (utf-8-bom prefixes EF BB BF)
 */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === "windows-1252") return encodeWindows1252(text);
  const body = utf8.encode(text);
  if (encoding === "utf-8") return body;
  const out = new Uint8Array(body.length + 3);
  out.set(BOM, 0);
  out.set(body, 3);
  return out;
}

/**
 * Formats a number with a French decimal comma and no trailing zeros ("2,5", "3").
 * @param value number to format
 */
export function decimalComma(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded).replace(".", ",");
}
