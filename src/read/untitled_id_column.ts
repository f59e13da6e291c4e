/**
 * Noethys' list exports (« Exporter au format Texte ») write the titles of the list's columns; the
 * first column of some lists (« Liste des individus ») holds the record's id under an empty title
 * (an icon in Noethys). That column gets a name here so a loader can claim it.
 * @module
 */

import { cellText } from "./cell_text.ts";
import { isBlankRow } from "./row_kind.ts";
import type { CellRow } from "./row.ts";

/** The name given to an untitled first column of ids (a loader lists it among its aliases). */
export const UNTITLED_ID = "(identifiant sans titre)";

/** Data rows looked at to decide that the first column holds ids. */
const SAMPLE = 20;

/**
 * `rows` with the empty first title of the first non-blank row named {@link UNTITLED_ID}, when
 * that row has at least two other titles and the first cell of every data row below (up to 20)
 * is a whole number; null otherwise (nothing to name).
 *
 * @example
 * ```ts
 * nameUntitledIdColumn([
 *   { line: 1, cells: ["", "Nom", "Prénom"] },
 *   { line: 2, cells: ["1204", "BENALI", "Samira"] },
 * ])?.[0].cells // ["(identifiant sans titre)", "Nom", "Prénom"]
 * ```
 */
export function nameUntitledIdColumn(rows: CellRow[]): CellRow[] | null {
  const index = rows.findIndex((row) => !isBlankRow(row.cells));
  if (index < 0) return null;
  const [first, ...others] = rows[index].cells;
  if (cellText(first).trim() !== "" || others.filter((c) => cellText(c).trim() !== "").length < 2) {
    return null;
  }
  const sample = rows.slice(index + 1).filter((row) => !isBlankRow(row.cells)).slice(0, SAMPLE);
  if (sample.length === 0 || !sample.every((row) => /^\d+$/.test(cellText(row.cells[0]).trim()))) return null;
  const named = rows.slice();
  named[index] = { line: rows[index].line, cells: [UNTITLED_ID, ...others] };
  return named;
}
