/**
 * Turns one spreadsheet or CSV row into a typed record, collecting a French message per bad cell.
 *
 * @module
 */
import type { CellValue } from "../read/row.ts";
import { cellText } from "../read/cell_text.ts";
import type { Parsed } from "../read/parsed.ts";
import { parseNumber } from "../read/parse_number.ts";
import { parseDate, parseMonth } from "../read/parse_date.ts";
import { parseClockTime, parseDuration } from "../read/parse_duration.ts";
import type { FieldSpec, FieldType, ParsedRecord } from "./loader_spec.ts";

/** A problem in one cell, located by the header the user sees. */
export interface CellIssue {
  column: string;
  /** The cell as the user typed it; null for personal data, which is never repeated. */
  value: string | null;
  message: string;
  /** The row is kept: the value became null (lenient fields). */
  warning?: boolean;
}

/** Reasons given for personal fields, which do not repeat the value. */
const PERSONAL_REASON: Record<FieldType, string> = {
  text: "texte illisible (donnée personnelle, valeur non reproduite)",
  number: "nombre illisible (donnée personnelle, valeur non reproduite)",
  date: "date illisible ou impossible (donnée personnelle, valeur non reproduite)",
  month: "mois illisible (donnée personnelle, valeur non reproduite)",
  duration: "durée illisible (donnée personnelle, valeur non reproduite)",
  time: "heure illisible (donnée personnelle, valeur non reproduite)",
  flag: "réponse oui/non illisible (donnée personnelle, valeur non reproduite)",
  datetime: "date et heure illisibles (donnée personnelle, valeur non reproduite)",
};

const TRUE_WORDS = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x"]);
const FALSE_WORDS = new Set(["non", "n", "no", "faux", "false", "0"]);

function parseText(value: CellValue): Parsed<string> {
  if (value instanceof Date) return { ok: true, value: value.toISOString().slice(0, 10) };
  return { ok: true, value: String(value).trim() };
}

function parseFlag(value: CellValue): Parsed<boolean> {
  if (typeof value === "boolean") return { ok: true, value };
  const word = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, reason: `« ${String(value).trim()} » n'est ni « oui » ni « non »` };
}

/**
 * A date-time kept as text for the loader to read: a spreadsheet date cell keeps its time
 * (`2024-01-17T18:07:45`, the cell's wall clock), text is only trimmed.
 */
function parseDateTimeCell(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    return isNaN(value.getTime())
      ? { ok: false, reason: "date invalide" }
      : { ok: true, value: value.toISOString().slice(0, 19) };
  }
  return { ok: true, value: String(value).trim() };
}

const PARSERS: Record<FieldType, (value: CellValue) => Parsed<string | number | boolean>> = {
  text: parseText,
  number: parseNumber,
  date: parseDate,
  month: parseMonth,
  duration: parseDuration,
  time: parseClockTime,
  flag: parseFlag,
  datetime: parseDateTimeCell,
};

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Parses the cells of one row. `columns` maps a field to its column index, `headers` gives the
 * user's own header text for messages.
 *
 * @example
 * ```ts
 * parseRecord(["12/03/2024", "1h30"], { date: 0, hours: 1 }, ["Date", "Durée"], fields)
 * // { record: { date: "2024-03-12", hours: 1.5 }, issues: [] }
 * ```
 */
export function parseRecord(
  cells: readonly CellValue[],
  columns: Record<string, number>,
  headers: readonly CellValue[],
  fields: Record<string, FieldSpec>,
): { record: ParsedRecord; issues: CellIssue[] } {
  const record: ParsedRecord = {};
  const issues: CellIssue[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const index = columns[name];
    const cell = index === undefined ? null : cells[index];
    const column = index === undefined ? name : String(headers[index] ?? name).trim();
    if (isEmpty(cell)) {
      record[name] = null;
      if (index !== undefined && !spec.optional) {
        issues.push({ column, value: null, message: "valeur obligatoire manquante" });
      }
      continue;
    }
    const parsed = PARSERS[spec.type](cell as CellValue);
    if (parsed.ok) record[name] = parsed.value;
    else {
      record[name] = null;
      // A personal value (a birth date…) must not reach a log, a report or the warehouse.
      const reason = spec.personal ? PERSONAL_REASON[spec.type] : parsed.reason;
      issues.push({
        column,
        value: spec.personal ? null : cellText(cell as CellValue),
        message: spec.lenient ? `${reason} : valeur laissée vide` : reason,
        warning: spec.lenient,
      });
    }
  }
  return { record, issues };
}
