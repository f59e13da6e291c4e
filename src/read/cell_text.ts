/**
 * Text view of a cell, for matching titles and labels.
 * @module
 */

import type { CellValue } from "./row.ts";

/**
 * Converts a cell to text: null → "", Date → ISO date, others via String.
 *
 * @example
 * cellText(null) // ""
 * cellText(new Date(Date.UTC(2024, 0, 1))) // "2024-01-01"
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value);
}
