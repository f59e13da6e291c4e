/**
 * Finds the header of a raw table for a loader and validates every data row: parsing (dates,
 * numbers, durations) then the loader's Zod schema. Nothing is dropped silently: blank lines and
 * totals rows are counted, bad rows are kept with a French message naming line and column.
 *
 * @module
 */
import type { z } from "zod";
import { findHeader, type HeaderMatch } from "../read/find_header.ts";
import { isBlankRow, isTotalsRow } from "../read/row_kind.ts";
import { cellText } from "../read/cell_text.ts";
import { fillMergedDown } from "../read/fill_merged.ts";
import { nameUntitledIdColumn } from "../read/untitled_id_column.ts";
import type { CellValue } from "../read/row.ts";
import type { LoaderSpec, ParsedRecord } from "./loader_spec.ts";
import type { RawTable } from "./read_tables.ts";
import { parseRecord } from "./parse_record.ts";
import {
  findPersonalColumns,
  personalColumnMessage,
  redactRowNames,
  requiredPersonalMessage,
  withPersonalFields,
} from "./personal_columns.ts";

/** Rows between two progress reports. */
const PROGRESS_EVERY = 20_000;

/** One problem found while validating, located in the source file. */
export interface Issue {
  line: number | null;
  column: string | null;
  /** The offending cell as typed (null for personal data and whole-file problems). */
  value: string | null;
  severity: "erreur" | "avertissement";
  message: string;
}

/** A valid record with the line it came from. */
export interface ValidRecord {
  line: number;
  record: ParsedRecord;
  /** Cells of unmapped columns, for loaders that keep them. */
  unknownCells: { header: string; value: string }[];
}

/** The outcome of validating one table. */
export interface ValidatedTable {
  header: HeaderMatch;
  records: ValidRecord[];
  issues: Issue[];
  rowsRead: number;
  rowsRejected: number;
}

/** Aliases and required fields of a loader, in the shape findHeader takes. */
export function headerAliases(spec: LoaderSpec): {
  aliases: Record<string, string[]>;
  required: string[];
} {
  const aliases: Record<string, string[]> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(spec.fields)) {
    aliases[name] = field.aliases;
    if (field.required) required.push(name);
  }
  return { aliases, required };
}

/**
 * The column titles of a table's header: the header row's cells, or the joined titles of a
 * header written on two rows (« Activités - Nombre d'ateliers »).
 */
export function headerTitles(table: RawTable, header: HeaderMatch): readonly CellValue[] {
  return header.titles ?? table.rows[header.index].cells;
}

/** The header of `table` for `spec`, or null when the table is not of that kind. */
export function matchHeader(spec: LoaderSpec, table: RawTable): HeaderMatch | null {
  const { aliases, required } = headerAliases(spec);
  const header = findHeader(table.rows, aliases, required);
  if (header) return header;
  // A Noethys list export may leave its id column untitled: named, it may make the header.
  const named = nameUntitledIdColumn(table.rows);
  const retry = named && findHeader(named, aliases, required);
  if (!retry) return null;
  return retry.titles ? retry : { ...retry, titles: named[retry.index].cells.map(cellText) };
}

function zodMessages(
  error: z.ZodError,
  cells: readonly CellValue[],
  headers: readonly CellValue[],
  header: HeaderMatch,
  spec: LoaderSpec,
) {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    const index = header.columns[field];
    // A value is repeated only for a known, non-personal field.
    const fieldSpec = spec.fields[field];
    const personal = fieldSpec ? fieldSpec.personal === true : true;
    return {
      column: index === undefined ? field : String(headers[index] ?? field).trim(),
      value: index === undefined || personal ? null : cellText(cells[index]),
      message: issue.message,
    };
  });
}

/**
 * Validates the data rows of `table` (those after the header).
 *
 * @example
 * ```ts
 * const result = validateTable(spec, table, header);
 * result.records.length + result.rowsRejected // data rows read
 * ```
 */
export function validateTable(
  loaderSpec: LoaderSpec,
  table: RawTable,
  header: HeaderMatch,
  onProgress?: (done: number, total: number) => void,
): ValidatedTable {
  const headers = headerTitles(table, header);
  const issues: Issue[] = [];
  // Columns personal by their content are blanked before any row is built (personal_columns.ts).
  const personal = findPersonalColumns(loaderSpec, table, header);
  const spec = withPersonalFields(loaderSpec, personal);
  const blanked = new Set(personal.map((p) => p.column));
  for (const p of personal) {
    const required = p.field !== null && spec.fields[p.field].required;
    issues.push({
      line: table.rows[header.index].line,
      column: p.header,
      value: null,
      severity: required ? "erreur" : "avertissement",
      message: required
        ? requiredPersonalMessage(p.header, p.category)
        : personalColumnMessage(p.header, p.category),
    });
  }
  if (issues.some((i) => i.severity === "erreur")) {
    const rows = table.rows.slice(header.index + 1).filter((r) =>
      !isBlankRow(r.cells) && !isTotalsRow(r.cells)
    );
    return { header, records: [], issues, rowsRead: rows.length, rowsRejected: rows.length };
  }
  // A column set aside is reported once, by the message above.
  const unreported = header.unknown.filter((u) => !blanked.has(u.column));
  for (const { header: name } of header.unknown) {
    if (!spec.unknownColumnIssue) continue;
    const custom = spec.unknownColumnIssue(name);
    if (custom) issues.push({ line: table.rows[header.index].line, column: name, value: null, ...custom });
  }
  if (!spec.unknownColumnIssue) {
    issues.push(...unreported.map(({ header: name }): Issue => ({
      line: table.rows[header.index].line,
      column: name,
      value: null,
      severity: "avertissement",
      message: spec.keepUnknownColumns
        ? `colonne inconnue « ${name} » : valeurs conservées à part (${spec.label})${
          spec.unknownColumnAdvice ? ` ; ${spec.unknownColumnAdvice}` : ""
        }`
        : `colonne inconnue « ${name} » : ignorée pour ce type d'export (${spec.label})${
          spec.unknownColumnAdvice ? ` ; ${spec.unknownColumnAdvice}` : ""
        }`,
    })));
  }
  const records: ValidRecord[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  const total = table.rows.length - header.index - 1;
  let done = 0;
  // A value merged down over several rows (an event over its sessions) belongs to each.
  const dataRows = fillMergedDown(
    table.rows.slice(header.index + 1),
    table.merges ?? [],
    table.rows[header.index].line,
  );
  for (const original of dataRows) {
    if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress(done, total);
    if (isBlankRow(original.cells)) continue;
    if (isTotalsRow(original.cells)) {
      issues.push({
        line: original.line,
        column: null,
        value: null,
        severity: "avertissement",
        message: "ligne de total ignorée (les totaux sont recalculés)",
      });
      continue;
    }
    rowsRead++;
    const row = blanked.size === 0
      ? original
      : { line: original.line, cells: original.cells.map((c, i) => blanked.has(i) ? null : c) };
    const { record, issues: cellIssues } = parseRecord(row.cells, header.columns, headers, spec.fields);
    for (const w of cellIssues.filter((i) => i.warning)) {
      issues.push({
        line: row.line,
        column: w.column,
        value: w.value,
        severity: "avertissement",
        message: w.message,
      });
    }
    let problems = cellIssues.filter((i) => !i.warning);
    let value: ParsedRecord | null = null;
    if (problems.length === 0) {
      const checked = spec.schema.safeParse(record);
      if (checked.success) value = checked.data;
      else problems = zodMessages(checked.error, row.cells, headers, header, spec);
    }
    if (value === null) {
      rowsRejected++;
      for (const p of problems) {
        issues.push({
          line: row.line,
          column: p.column,
          value: p.value,
          severity: "erreur",
          message: p.message,
        });
      }
      continue;
    }
    for (const w of spec.warnings?.(value) ?? []) {
      const index = header.columns[w.field];
      const fieldSpec = spec.fields[w.field];
      issues.push({
        line: row.line,
        column: index === undefined ? w.field : String(headers[index] ?? w.field).trim(),
        value: index === undefined || !fieldSpec || fieldSpec.personal ? null : cellText(row.cells[index]),
        severity: "avertissement",
        message: w.message,
      });
    }
    const unknownCells = spec.keepUnknownColumns
      ? redactRowNames(
        original.cells,
        personal,
        header.unknown.map(({ column, header: name }) => ({
          header: name,
          value: cellText(row.cells[column]).trim(),
        }))
          .filter((c) => c.value !== ""),
      )
      : [];
    records.push({ line: row.line, record: value, unknownCells });
  }
  if (onProgress && total >= PROGRESS_EVERY) onProgress(total, total);
  return { header, records, issues, rowsRead, rowsRejected };
}
