/**
 * Applies a « correspondance » (layout.ts) to a raw table, before kind detection: pure, table in,
 * tables out. Nothing else changes on the way, so validation, pseudonymisation and line numbers
 * are those of any file.
 *
 * Two tables come out, sharing their rows but for the header row:
 * - `detection`: the mapped header cells renamed to the French header the loader knows
 *   (« Nb heures » → « Heures »), for finding the header and the kind;
 * - `table`: the user's own header row, for the messages (« colonne « Nb heures » »), and the data
 *   rows with their coded values replaced (`A3` → `saint-nicolas`).
 *
 * @module
 */
import { cellText } from "../read/cell_text.ts";
import { normaliseHeader } from "../read/normalise_header.ts";
import type { CellRow, CellValue } from "../read/row.ts";
import { type ColumnRule, fieldOf, type Layout, STRUCTURE_COLUMN, valueKey } from "./layout.ts";
import type { LoaderSpec } from "./loader_spec.ts";
import type { RawTable } from "./read_tables.ts";

/** Rows searched for the header, as findHeader does. */
const MAX_SCAN = 30;

/** A layout found to fit a table: its header row and the table column of each rule. */
export interface LayoutMatch {
  layout: Layout;
  /** Index of the header row in `table.rows`. */
  headerIndex: number;
  /** Table column index → the rule for that column. */
  columns: Map<number, ColumnRule>;
}

/**
 * The layout that fits `table`: every column it names is in one header row (among the first
 * 30); when several fit, the one naming the most columns (then the first by file name). With
 * `kind` (the `--kind` option), only layouts of that kind, or whose kind is unreadable, apply.
 *
 * @example
 * ```ts
 * findLayout(layouts, table)?.layout.file // "data/correspondances/exemple_benevolat.csv"
 * ```
 */
export function findLayout(layouts: readonly Layout[], table: RawTable, kind?: string): LayoutMatch | null {
  let best: LayoutMatch | null = null;
  const candidates = layouts.filter((l) =>
    l.columns.length > 0 && (!kind || l.kind === null || l.kind === kind)
  );
  if (candidates.length === 0) return null;
  const limit = Math.min(table.rows.length, MAX_SCAN);
  for (let index = 0; index < limit; index++) {
    const byKey = new Map<string, number>();
    table.rows[index].cells.forEach((cell, column) => {
      const key = normaliseHeader(cellText(cell));
      if (key && !byKey.has(key)) byKey.set(key, column);
    });
    if (byKey.size === 0) continue;
    for (const layout of candidates) {
      if (best && best.layout.columns.length >= layout.columns.length) continue;
      const columns = new Map<number, ColumnRule>();
      for (const rule of layout.columns) {
        const column = byKey.get(normaliseHeader(rule.header));
        if (column === undefined) break;
        columns.set(column, rule);
      }
      if (columns.size === layout.columns.length) best = { layout, headerIndex: index, columns };
    }
  }
  return best;
}

/** What applying a layout gives: tables to load, or why the table is refused. */
export type AppliedLayout =
  | { ok: true; table: RawTable; detection: RawTable; specs: LoaderSpec[]; structureId: string | null }
  | { ok: false; issues: LayoutIssue[] };

/** Why a table is refused: a mapping error (no line: the message names the mapping's line), or a cell. */
export interface LayoutIssue {
  /** Line of the user's file, null for an error in the mapping itself. */
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

const mappingIssue = (message: string): LayoutIssue => ({ line: null, column: null, value: null, message });

/** Whether a rule's values are structure ids (checked against the registry). */
function namesStructure(rule: ColumnRule, spec: LoaderSpec): boolean {
  return rule.field === STRUCTURE_COLUMN || (rule.field !== null && rule.field === spec.structureField);
}

/**
 * Replaces a column's coded values; a column holds few distinct values, so each is looked up
 * once (normalising every cell of a long file would cost more than reading it).
 */
function recoder(rule: ColumnRule): (cell: CellValue) => CellValue {
  const seen = new Map<string, string | null>();
  return (cell) => {
    const text = cellText(cell);
    let to = seen.get(text);
    if (to === undefined) {
      to = text.trim() === "" ? null : rule.recode.get(valueKey(text))?.to ?? null;
      seen.set(text, to);
    }
    return to ?? cell;
  };
}

/**
 * Applies `match` to `table`. `knownStructures` are the registry's ids (the recoded structure
 * values must be among them); `folderStructure` is the structure of the file's folder, if any.
 * A column mapped to « Structure » on a kind without a structure column gives the file's
 * structure: every filled cell must name the same registered structure (the folder's, when the
 * file is in one); the column is then set aside.
 */
export function applyLayout(
  match: LayoutMatch,
  table: RawTable,
  knownStructures: ReadonlySet<string>,
  folderStructure: string | null,
): AppliedLayout {
  const { layout, headerIndex, columns } = match;
  const spec = layout.specs[0];
  if (!spec || layout.errors.length > 0) return { ok: false, issues: layout.errors.map(mappingIssue) };
  const issues: LayoutIssue[] = [];
  for (const rule of layout.columns) {
    if (!namesStructure(rule, spec)) continue;
    for (const { to, line } of rule.recode.values()) {
      if (knownStructures.has(to)) continue;
      issues.push(mappingIssue(
        `correspondance ${layout.file}, ligne ${line}, colonne « devient » : structure « ${to} » absente du registre des structures ; écrivez l'identifiant d'une structure du registre (structures.csv)`,
      ));
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const recoded = [...columns].filter(([, rule]) => rule.recode.size > 0)
    .map(([column, rule]) => [column, recoder(rule)] as const);
  const structureColumn = [...columns].find(([, rule]) => rule.field === STRUCTURE_COLUMN)?.[0];
  const rows: CellRow[] = table.rows.slice();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    if (recoded.length === 0 && structureColumn === undefined) break;
    const cells = rows[i].cells.slice();
    for (const [column, recode] of recoded) if (column < cells.length) cells[column] = recode(cells[column]);
    rows[i] = { line: rows[i].line, cells };
  }

  let structureId = folderStructure;
  if (structureColumn !== undefined) {
    const header = cellText(table.rows[headerIndex].cells[structureColumn]).trim();
    let first: { id: string; line: number } | null = null;
    for (let i = headerIndex + 1; i < rows.length; i++) {
      const id = cellText(rows[i].cells[structureColumn]).trim();
      if (!id) continue;
      const line = rows[i].line;
      if (!knownStructures.has(id)) {
        return {
          ok: false,
          issues: [{
            line,
            column: header,
            value: id,
            message:
              `« ${id} » n'est ni une structure du registre ni une valeur recodée par la correspondance ${layout.file} ; ajoutez une ligne « ${header};;${id};<identifiant> » à la correspondance`,
          }],
        };
      }
      if (first === null) first = { id, line };
      else if (id !== first.id) {
        return {
          ok: false,
          issues: [{
            line,
            column: header,
            value: id,
            message:
              `structure « ${id} », alors que la ligne ${first.line} est de « ${first.id} » ; un fichier ne décrit qu'une structure : faites un fichier par structure`,
          }],
        };
      }
    }
    if (first && folderStructure !== null && first.id !== folderStructure) {
      return {
        ok: false,
        issues: [{
          line: first.line,
          column: header,
          value: first.id,
          message:
            `structure « ${first.id} », mais le fichier est dans le dossier de « ${folderStructure} » ; déplacez-le dans data/inbox/${first.id}/`,
        }],
      };
    }
    structureId = first?.id ?? folderStructure;
    // Set aside: the loader has no such field, it would only be reported as unknown.
    for (let i = headerIndex + 1; i < rows.length; i++) {
      const cells = rows[i].cells;
      if (structureColumn < cells.length) cells[structureColumn] = null;
    }
  }

  // Detection header: mapped columns renamed; an unmapped column the loader would read as a
  // mapped field is renamed out of the way, so the mapping wins (and it is reported unknown).
  const mappedFields = new Set([...columns.values()].map((r) => r.field).filter((f) => f !== null));
  const headerRow = table.rows[headerIndex];
  const renamed = headerRow.cells.map((cell, column): CellValue => {
    const rule = columns.get(column);
    if (rule) return rule.field === STRUCTURE_COLUMN ? null : rule.target ?? cell;
    const text = cellText(cell).trim();
    const field = text ? layout.specs.map((s) => fieldOf(s, text)).find((f) => f !== null) : null;
    if (field && mappedFields.has(field)) {
      const by = [...columns.values()].find((r) => r.field === field)!;
      return `${text} (remplacée par « ${by.header} » selon la correspondance)`;
    }
    return cell;
  });
  const detectionRows = rows.slice();
  detectionRows[headerIndex] = { line: headerRow.line, cells: renamed };
  return {
    ok: true,
    table: { ...table, rows },
    detection: { ...table, rows: detectionRows },
    specs: layout.specs,
    structureId,
  };
}
