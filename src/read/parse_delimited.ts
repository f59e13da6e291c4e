/**
 * Splits delimited text (CSV, TSV…) into records, RFC 4180 style.
 * @module
 */

import type { Row } from "./row.ts";
export type { Row } from "./row.ts";

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Parses delimited text into rows. Handles doubled quotes, delimiters and newlines inside
 * quotes, and CRLF/LF/CR endings. Blank lines are kept as `cells: [""]`; a final newline
 * does not create an extra row. `line` is the 1-based physical line where the record starts.
 * Lenient on malformed input: text after a closing quote is appended, an unclosed quote
 * runs to the end of the file.
 *
 * @example
 * parseDelimited('a;"b;c"\n\n1;2', ";")
 * // [{ line: 1, cells: ["a", "b;c"] }, { line: 2, cells: [""] }, { line: 3, cells: ["1", "2"] }]
 */
export function parseDelimited(text: string, delimiter: string): Row[] {
  if (delimiter.length !== 1) throw new Error("Le séparateur doit être un seul caractère");
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: Row[] = [];
  // A BOM left in place would glue itself to the first header name.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        i++;
        let value = "";
        let start = i;
        for (;;) {
          if (i >= n) {
            value += text.slice(start, n);
            break;
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            value += text.slice(start, i);
            i++;
            if (i < n && text.charCodeAt(i) === QUOTE) {
              // Doubled quote: keep one and stay inside the quoted field.
              value += '"';
              i++;
              start = i;
              continue;
            }
            break;
          }
          // Count physical lines inside quotes so later rows keep true line numbers.
          if (c === LF) line++;
          else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
          i++;
        }
        const rest = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        cells.push(i > rest ? value + text.slice(rest, i) : value);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        cells.push(text.slice(start, i));
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    rows.push({ line: recordLine, cells });
  }
  return rows;
}
