/**
 * Classifies rows that are not data: blank lines and totals at the bottom of a table.
 * @module
 */

import { normaliseHeader } from "./normalise_header.ts";
import type { CellValue } from "./row.ts";

/**
 * True when every cell is null, empty or whitespace only.
 *
 * @example
 * isBlankRow(["", " ", null]) // true
 */
export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === ""));
}

// "Total …" labels vary ("Total général", "TOTAL HEURES"); "Ensemble" only alone, since an
// activity or a person's first cell may start with it ("Ensemble vocal").
const TOTAL_PREFIXES = ["total", "soustotal", "totaux"];
const TOTAL_WORDS = new Set(["ensemble"]);

/**
 * True when the first non-empty cell is a totals label ("TOTAL", "Total général",
 * "Sous-total :", "Totaux", "Ensemble").
 *
 * @example
 * isTotalsRow(["", "Sous-total :", 12]) // true
 */
export function isTotalsRow(cells: CellValue[]): boolean {
  const first = cells.find((cell) => cell !== null && !(typeof cell === "string" && cell.trim() === ""));
  if (typeof first !== "string") return false;
  // Fast path: data rows (ids, dates, names) rarely start like a totals label.
  const initial = first.trimStart()[0]?.toLowerCase();
  if (initial !== "t" && initial !== "s" && initial !== "e") return false;
  const key = normaliseHeader(first);
  return TOTAL_WORDS.has(key) || TOTAL_PREFIXES.some((prefix) => key.startsWith(prefix));
}
