/**
 * How a workbook says it was made from the collection kit: a hidden sheet `_modele` holding
 * « modèle | <template id> » and « version | <n> ». The ingest reads it to record the load's
 * source (`kit` or `export`) and to skip the kit's own sheets (instructions with their example
 * row, lists of values, the marker).
 *
 * @module
 */
import type { CellValue } from "../read/row.ts";

/** Name of the hidden marker sheet. */
export const MARKER_SHEET = "_modele";
/** Name of the instructions sheet (with an example row: never loaded from a kit workbook). */
export const INSTRUCTIONS_SHEET = "Instructions";
/** Name of the hidden sheet holding the values of the drop-down lists. */
export const LISTS_SHEET = "Listes";
/** Version of the kit's layout, written in the marker. */
export const KIT_VERSION = "1";

/** Sheets of a kit workbook that hold no data to load. */
export const KIT_SHEETS: readonly string[] = [MARKER_SHEET, INSTRUCTIONS_SHEET, LISTS_SHEET];

/** What the marker says. */
export interface KitMarker {
  template: string;
  version: string;
  structure: string | null;
}

/** The rows of the marker sheet for a template. */
export function markerRows(template: string, structure: string | null): string[][] {
  return [
    ["modèle", template],
    ["version", KIT_VERSION],
    ["structure", structure ?? ""],
    ["origine", "Kit de recueil de l'Observatoire d'impact (deno task kit)"],
  ];
}

/**
 * The marker of a workbook read as sheets, or null when it is not a kit template.
 *
 * @example
 * ```ts
 * kitMarkerOf([{ sheet: "_modele", rows: [{ line: 1, cells: ["modèle", "emargement"] }] }])?.template
 * // "emargement"
 * ```
 */
export function kitMarkerOf(
  sheets: readonly { sheet: string | null; rows: readonly { cells: readonly CellValue[] }[] }[],
): KitMarker | null {
  const marker = sheets.find((s) => s.sheet === MARKER_SHEET);
  if (!marker) return null;
  const value = (key: string) => {
    const row = marker.rows.find((r) => String(r.cells[0] ?? "").trim() === key);
    const cell = row?.cells[1];
    return cell === null || cell === undefined ? "" : String(cell).trim();
  };
  const template = value("modèle");
  if (!template) return null;
  return { template, version: value("version"), structure: value("structure") || null };
}
