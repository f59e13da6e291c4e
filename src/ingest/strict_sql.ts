/**
 * SQL that types a raw text cell only when it is written in the plain form the TypeScript
 * parsers read the same way (`12/03/2024`, `2024-03-12`, `14:30`, `-3`, `1,5`). Any other
 * spelling gives NULL, and the row is then parsed by `src/read/` for its exact value or message.
 *
 * @module
 */
import type { FieldType } from "./loader_spec.ts";

const CLOCK = "([01][0-9]|2[0-3]):[0-5][0-9]";

/**
 * SQL expression typing `raw` (a non-empty VARCHAR expression) strictly, NULL otherwise.
 *
 * @example
 * ```ts
 * strictSql("date", "c[5]")
 * // CASE WHEN regexp_full_match(c[5], '[0-9]{2}/[0-9]{2}/[0-9]{4}') THEN try_strptime(…)::DATE …
 * ```
 */
export function strictSql(type: FieldType, raw: string): string {
  switch (type) {
    case "text":
      return raw;
    case "number":
      // No dot: "1.234" is a thousands separator for parseNumber, 1.234 for a cast.
      return `CASE WHEN regexp_full_match(${raw}, '-?[0-9]{1,15}(,[0-9]{1,15})?')
        THEN CAST(replace(${raw}, ',', '.') AS DOUBLE) END`;
    case "date":
      return `CASE WHEN regexp_full_match(${raw}, '[0-9]{2}/[0-9]{2}/[0-9]{4}')
          THEN CAST(try_strptime(${raw}, '%d/%m/%Y') AS DATE)
        WHEN regexp_full_match(${raw}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${raw} AS DATE) END`;
    case "time":
      return `CASE WHEN regexp_full_match(${raw}, '${CLOCK}') THEN ${raw} END`;
    default:
      // Durations, months and oui/non have too many spellings: always the TypeScript parser.
      return "NULL";
  }
}

/**
 * RE2 class of the characters JavaScript's `trim()` removes (WhiteSpace and LineTerminator),
 * without the delimiter when it is a tab.
 */
export function trimmableClass(delimiter: string): string {
  return `[${delimiter === "\t" ? "" : "\\t"}\\n\\x{0B}\\f\\r\\pZ\\x{FEFF}]`;
}

/** RE2-escaped single delimiter character. */
export function escapeDelimiter(delimiter: string): string {
  return delimiter === "\t" ? "\\t" : delimiter.replace(/[|.*+?^${}()[\]\\]/g, "\\$&");
}
