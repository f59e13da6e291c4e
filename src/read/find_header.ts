/**
 * Locates the header row of a table that may have title rows above it.
 * @module
 */

import { cellText } from "./cell_text.ts";
import { normaliseHeader } from "./normalise_header.ts";
import type { CellValue } from "./row.ts";

/** Where the header is and how its columns map to fields. */
export type HeaderMatch = {
  /** Index of the header row in the `rows` array given (not the line number). */
  index: number;
  /** Field name → 0-based column index. */
  columns: Record<string, number>;
  /** Non-empty header cells that matched no field, or repeated a field already matched. */
  unknown: { column: number; header: string }[];
};

/**
 * Finds the first row (among the first `maxScan`) in which every `required` field has a
 * column. Titles and aliases are compared with {@link normaliseHeader}; each field name is
 * also one of its own aliases. When two columns match the same field, the first wins and the
 * second is listed in `unknown` so it can be reported rather than silently dropped.
 *
 * @example
 * findHeader(
 *   [{ line: 1, cells: ["Export mars"] }, { line: 2, cells: ["Nom", "Durée (h)", "Remarque"] }],
 *   { nom: [], duree: ["Durée (h)"] },
 *   ["nom", "duree"],
 * )
 * // { index: 1, columns: { nom: 0, duree: 1 }, unknown: [{ column: 2, header: "Remarque" }] }
 */
export function findHeader(
  rows: { line: number; cells: CellValue[] }[],
  aliases: Record<string, string[]>,
  required: string[],
  maxScan = 30,
): HeaderMatch | null {
  const fieldByAlias = new Map<string, string>();
  for (const [field, names] of Object.entries(aliases)) {
    for (const name of [field, ...names]) {
      const key = normaliseHeader(name);
      // First declaration wins so callers control precedence by field order.
      if (key && !fieldByAlias.has(key)) fieldByAlias.set(key, field);
    }
  }
  const limit = Math.min(rows.length, maxScan);
  for (let index = 0; index < limit; index++) {
    const columns: Record<string, number> = {};
    const unknown: { column: number; header: string }[] = [];
    rows[index].cells.forEach((cell, column) => {
      const header = cellText(cell).trim();
      const key = normaliseHeader(header);
      if (!header) return;
      const field = key ? fieldByAlias.get(key) : undefined;
      if (field !== undefined && !(field in columns)) columns[field] = column;
      else unknown.push({ column, header });
    });
    if (required.every((field) => field in columns)) return { index, columns, unknown };
  }
  return null;
}
