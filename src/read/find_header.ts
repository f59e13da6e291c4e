/**
 * Locates the header row of a table that may have title rows above it.
 * @module
 */

import { cellText } from "./cell_text.ts";
import { normaliseHeader } from "./normalise_header.ts";
import { isBlankRow } from "./row_kind.ts";
import type { CellValue } from "./row.ts";

/** Where the header is and how its columns map to fields. */
export type HeaderMatch = {
  /**
   * Index of the header row in the `rows` array given (not the line number); the lower row when
   * the header spans two rows, so data always starts at `index + 1`.
   */
  index: number;
  /** Field name → 0-based column index. */
  columns: Record<string, number>;
  /** Non-empty header cells that matched no field, or repeated a field already matched. */
  unknown: { column: number; header: string }[];
  /**
   * Column titles of a two-row header (« Activités - Nombre d'ateliers », or the label of a cell
   * merged over both rows); absent when the header is the row at `index` alone.
   */
  titles?: string[];
};

type Match = Omit<HeaderMatch, "index">;

// Every loader scans the same cells: their normalised forms are kept (bounded, cleared when full).
const normalisedCache = new Map<string, string>();
function normalised(text: string): string {
  let key = normalisedCache.get(text);
  if (key === undefined) {
    if (normalisedCache.size >= 20_000) normalisedCache.clear();
    normalisedCache.set(text, key = normaliseHeader(text));
  }
  return key;
}

/** Normalised alias → field; the first declaration wins so callers control precedence. */
function aliasIndex(aliases: Record<string, string[]>): Map<string, string> {
  const fieldByAlias = new Map<string, string>();
  for (const [field, names] of Object.entries(aliases)) {
    for (const name of [field, ...names]) {
      const key = normalised(name);
      if (key && !fieldByAlias.has(key)) fieldByAlias.set(key, field);
    }
  }
  return fieldByAlias;
}

function matchRow(cells: CellValue[], fieldByAlias: Map<string, string>): Match {
  const columns: Record<string, number> = {};
  const unknown: { column: number; header: string }[] = [];
  cells.forEach((cell, column) => {
    const header = cellText(cell).trim();
    if (!header) return;
    const key = normalised(header);
    const field = key ? fieldByAlias.get(key) : undefined;
    if (field !== undefined && !(field in columns)) columns[field] = column;
    else unknown.push({ column, header });
  });
  return { columns, unknown };
}

/**
 * Matches a header written on two rows: a theme row (« Activités » merged over four columns,
 * written once) above a field row, with labels merged down over both rows. Each column tries
 * « theme - field », then the field alone, then (when the field row is empty under it) the label
 * of the upper row. A theme spreads right over the empty upper cells while the field row goes on;
 * a label with nothing under it is a label merged down, not a theme, and does not spread.
 * `fromLower` counts the columns matched through the field row.
 */
function matchTwoRows(
  upper: CellValue[],
  lower: CellValue[],
  fieldByAlias: Map<string, string>,
): Match & { titles: string[]; fromLower: number } {
  const columns: Record<string, number> = {};
  const unknown: { column: number; header: string }[] = [];
  const titles: string[] = [];
  let fromLower = 0;
  let theme = "";
  for (let column = 0; column < Math.max(upper.length, lower.length); column++) {
    const up = cellText(upper[column]).trim();
    const low = cellText(lower[column]).trim();
    if (up) theme = low ? up : "";
    const candidates = low ? (theme ? [`${theme} - ${low}`, low] : [low]) : up ? [up] : [];
    titles.push(candidates[0] ?? "");
    if (candidates.length === 0) continue;
    const chosen = candidates.find((title) => {
      const field = fieldByAlias.get(normalised(title));
      return field !== undefined && !(field in columns);
    });
    if (chosen === undefined) {
      unknown.push({ column, header: candidates[0] });
      continue;
    }
    columns[fieldByAlias.get(normalised(chosen))!] = column;
    titles[column] = chosen;
    if (low) fromLower++;
  }
  return { columns, unknown, titles, fromLower };
}

/**
 * Finds the first row (among the first `maxScan`) in which every `required` field has a
 * column. Titles and aliases are compared with {@link normaliseHeader}; each field name is
 * also one of its own aliases. When two columns match the same field, the first wins and the
 * second is listed in `unknown` so it can be reported rather than silently dropped.
 *
 * A header may span two rows (a theme row over a field row, see {@link matchTwoRows}): the pair
 * is taken when it satisfies `required`, matches more columns than its lower row alone (the upper
 * row adds something: a title row above a plain header does not) and more than its upper row alone
 * (then through at least two cells of the field row, so a first data row is never taken for one).
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
  const fieldByAlias = aliasIndex(aliases);
  const singles: Match[] = [];
  const single = (i: number) => singles[i] ??= matchRow(rows[i].cells, fieldByAlias);
  const complete = (m: Match) => required.every((field) => field in m.columns);
  const size = (m: Match) => Object.keys(m.columns).length;
  const limit = Math.min(rows.length, maxScan);
  for (let index = 0; index < limit; index++) {
    const alone = single(index);
    const aloneOk = complete(alone);
    if (index + 1 < rows.length && !isBlankRow(rows[index].cells)) {
      const pair = matchTwoRows(rows[index].cells, rows[index + 1].cells, fieldByAlias);
      if (
        complete(pair) && size(pair) > size(single(index + 1)) &&
        (!aloneOk || (size(pair) > size(alone) && pair.fromLower >= 2)) && pair.fromLower >= 1
      ) {
        return { index: index + 1, columns: pair.columns, unknown: pair.unknown, titles: pair.titles };
      }
    }
    if (aloneOk) return { index, columns: alone.columns, unknown: alone.unknown };
  }
  return null;
}
