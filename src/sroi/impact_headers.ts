/**
 * Column names of the three sheets of an impact map, with the spellings users actually type.
 * @module
 */

import { cellText } from "../read/cell_text.ts";
import { findHeader, type HeaderMatch } from "../read/find_header.ts";
import type { CellRow, CellValue } from "../read/row.ts";

/** Field → aliases for the `impacts` sheet (compared after {@link simplifyHeader}). */
export const IMPACT_ALIASES: Record<string, string[]> = {
  stakeholder: ["partie prenante", "parties prenantes", "public", "public concerné"],
  outcome: ["changement", "changements", "effet", "changement attendu", "changement observé", "résultat"],
  indicator: ["indicateur", "indicateurs"],
  quantity: ["quantité", "nombre", "qté", "quantité observée"],
  durationYears: ["durée", "durée années", "durée ans"],
  start: ["début", "démarrage", "commence"],
  proxy: ["proxy financier", "proxy", "valeur financière", "proxy financier eur", "proxy financier euros"],
  proxySource: ["source du proxy", "source proxy", "source du proxy financier", "source"],
  deadweight: ["aubaine", "effet d'aubaine", "taux d'aubaine"],
  displacement: ["déplacement", "effet de déplacement"],
  attribution: ["attribution"],
  dropOff: ["décroissance", "drop-off", "drop off"],
  proxyMin: ["proxy min", "proxy minimum", "proxy financier min"],
  proxyMax: ["proxy max", "proxy maximum", "proxy financier max"],
  quantityMin: ["quantité min", "quantité minimum"],
  quantityMax: ["quantité max", "quantité maximum"],
  deadweightMin: ["aubaine min", "aubaine minimum"],
  deadweightMax: ["aubaine max", "aubaine maximum"],
  displacementMin: ["déplacement min", "déplacement minimum"],
  displacementMax: ["déplacement max", "déplacement maximum"],
  attributionMin: ["attribution min", "attribution minimum"],
  attributionMax: ["attribution max", "attribution maximum"],
  dropOffMin: ["décroissance min", "décroissance minimum"],
  dropOffMax: ["décroissance max", "décroissance maximum"],
};

/** Columns without which a line cannot be valued. */
export const IMPACT_REQUIRED = ["outcome", "quantity", "durationYears", "proxy"];

/** Field → aliases for the `investissements` sheet. */
export const INVESTMENT_ALIASES: Record<string, string[]> = {
  stakeholder: ["partie prenante", "parties prenantes", "financeur", "contributeur"],
  nature: ["nature", "type", "description", "libellé"],
  amount: ["montant", "valeur", "montant valorisé"],
};

/** Columns without which an investment cannot be counted. */
export const INVESTMENT_REQUIRED = ["amount"];

/** The French name of each field, as written in the template (for messages and documentation). */
export const FIELD_LABELS: Record<string, string> = {
  stakeholder: "partie prenante",
  outcome: "changement",
  indicator: "indicateur",
  quantity: "quantité",
  durationYears: "durée (années)",
  start: "début (1 = pendant l'action, 2 = après)",
  proxy: "proxy financier (€)",
  proxySource: "source du proxy",
  deadweight: "aubaine %",
  displacement: "déplacement %",
  attribution: "attribution %",
  dropOff: "décroissance %",
  proxyMin: "proxy min",
  proxyMax: "proxy max",
  quantityMin: "quantité min",
  quantityMax: "quantité max",
  deadweightMin: "aubaine min",
  deadweightMax: "aubaine max",
  displacementMin: "déplacement min",
  displacementMax: "déplacement max",
  attributionMin: "attribution min",
  attributionMax: "attribution max",
  dropOffMin: "décroissance min",
  dropOffMax: "décroissance max",
  nature: "nature",
  amount: "montant (€)",
};

/**
 * Drops what varies in a column title but carries no meaning: units and explanations in
 * parentheses, « en € », « en années », a « % » sign. « (min) » and « (max) » are kept as words.
 *
 * @example
 * simplifyHeader("Début (1 = pendant l'action, 2 = après)") // "Début "
 * simplifyHeader("Proxy (min) €") // "Proxy  min "
 */
export function simplifyHeader(title: string): string {
  return title
    .replace(/\(\s*(min|max|minimum|maximum)\s*\)/gi, " $1")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\ben\s+(€|euros?|eur|années|annees|ans|%)/gi, " ")
    .replace(/[€%]/g, " ");
}

/**
 * Finds the header row with {@link findHeader} after {@link simplifyHeader}, or lists the
 * required fields missing from the best candidate row when there is none.
 *
 * @example
 * locateHeader(rows, IMPACT_ALIASES, IMPACT_REQUIRED)
 * // { header: { index: 0, columns: { outcome: 1, … }, unknown: [] }, missing: [] }
 */
export function locateHeader(
  rows: readonly CellRow[],
  aliases: Record<string, string[]>,
  required: string[],
): { header: HeaderMatch | null; missing: string[] } {
  const simplified = rows.slice(0, 30).map((row) => ({
    line: row.line,
    cells: row.cells.map((cell): CellValue => typeof cell === "string" ? simplifyHeader(cell) : cell),
  }));
  const header = findHeader(simplified, aliases, required);
  if (header) return { header, missing: [] };
  let missing = required;
  for (const row of simplified) {
    const columns = findHeader([row], aliases, [])?.columns ?? {};
    const left = required.filter((field) => !(field in columns));
    if (left.length < missing.length) missing = left;
  }
  return { header: null, missing };
}

/** The header cell of `column` as the user typed it, or the template name of the field. */
export function columnTitle(
  headerCells: readonly CellValue[],
  column: number | undefined,
  field: string,
): string {
  const typed = column === undefined ? "" : cellText(headerCells[column]).trim();
  return typed || FIELD_LABELS[field] || field;
}
