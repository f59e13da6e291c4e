/**
 * Writes a template as an .xlsx workbook with write-excel-file: the data sheets (frozen header,
 * widths, formats, pre-filled lines, locked formulas), the « Instructions » sheet (in plain French,
 * with an example line), a hidden « Listes » sheet for the drop-down lists and the hidden marker
 * sheet `_modele`. Data validations and protection are added by {@link kitFeature}.
 *
 * The same function writes a filled copy (`filled`): what a person would type, mistakes included,
 * for the round-trip tests.
 *
 * @module
 */
import writeExcelFile from "write-excel-file/node";
import type { Cell, Row } from "write-excel-file/node";
import { fixZipTimestamps } from "../sample/zip_time.ts";
import type { TemplateColumn } from "./columns.ts";
import { describeColumn, exampleText, mandatoryText } from "./describe.ts";
import { INSTRUCTIONS_SHEET, LISTS_SHEET, MARKER_SHEET, markerRows } from "./marker.ts";
import { columnLetter, type DataSheet, type KitValue, type Template } from "./templates.ts";
import { type DataValidation, kitFeature, LOCKED_TEXT_COLOURS, type SheetExtras } from "./xlsx_features.ts";

/** Last spreadsheet row the checks and lists cover. */
export const LAST_ROW = 1000;
/** Rows written with their formats (and formulas) under the header of an empty template. */
export const PREPARED_ROWS = 200;

const HEADER_STYLE = {
  fontWeight: "bold",
  textColor: LOCKED_TEXT_COLOURS[0],
  backgroundColor: "#2F5496",
  wrap: true,
  alignVertical: "center",
} as const;
const LOCKED_STYLE = { textColor: LOCKED_TEXT_COLOURS[1], backgroundColor: "#EDEDED" } as const;

/** Lines typed into a template: sheet name → rows of field → value (a string in a number column stays text). */
export type FilledSheets = Record<string, Record<string, KitValue | undefined>[]>;

/** Excel's serial number of a date (1900 system). */
function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** The cell of `value` in `column` (type from the value: text typed in a number column stays text). */
function valueCell(value: KitValue | undefined, column: TemplateColumn, locked: boolean): Cell {
  const style = locked ? LOCKED_STYLE : {};
  if (value === null || value === undefined) {
    if (!column.format) return locked ? { ...style } as Cell : null;
    const type = column.format === "@" ? String : column.type === "date" ? Date : Number;
    return { ...style, format: column.format, type } as Cell;
  }
  if (value instanceof Date) {
    return {
      ...style,
      value,
      type: Date,
      format: column.format === "@" ? "dd/mm/yyyy" : column.format ?? "dd/mm/yyyy",
    };
  }
  if (typeof value === "number") {
    return {
      ...style,
      value,
      type: Number,
      ...(column.format && column.format !== "@" ? { format: column.format } : {}),
    };
  }
  return { ...style, value, type: String, ...(column.format === "@" ? { format: "@" } : {}) };
}

/** Name of the defined name holding a field's list. */
function listName(sheet: DataSheet, column: TemplateColumn): string {
  const base = `liste_${sheet.name}_${column.field}`.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return base.replace(/[^A-Za-z0-9_]/g, "_");
}

/** The data validation of a column (null when any value goes). */
function validationOf(
  sheet: DataSheet,
  column: TemplateColumn,
  index: number,
  listRef: string | null,
): DataValidation | null {
  const letter = columnLetter(index);
  const sqref = `${letter}2:${letter}${LAST_ROW}`;
  const check = column.check;
  switch (check.kind) {
    case "list":
      return {
        sqref,
        type: "list",
        formula1: listRef ?? listName(sheet, column),
        errorStyle: check.strict ? "stop" : "information",
        error: check.strict
          ? `« ${column.header} » : choisissez une valeur de la liste.`
          : `« ${column.header} » : cette valeur n'est pas dans la liste. Elle sera gardée, vérifiez l'orthographe.`,
        prompt: describeColumn(column),
      };
    case "date":
      return {
        sqref,
        type: "date",
        operator: "between",
        formula1: String(serial(2000, 1, 1)),
        formula2: String(serial(2100, 12, 31)),
        errorStyle: "stop",
        error: `« ${column.header} » : écrivez une date jj/mm/aaaa, par exemple 14/03/2025.`,
      };
    case "whole":
    case "decimal":
      return {
        sqref,
        type: check.kind,
        operator: check.max === undefined ? "greaterThanOrEqual" : "between",
        formula1: String(check.min),
        ...(check.max === undefined ? {} : { formula2: String(check.max) }),
        errorStyle: "stop",
        error: `« ${column.header} » : écrivez ${
          describeColumn({ ...column, check })
        }, en chiffres seulement.`,
      };
    default:
      return null;
  }
}

/** The rows of a data sheet: header, pre-filled and filled lines, prepared empty lines. */
function dataRows(sheet: DataSheet, filled: Record<string, KitValue | undefined>[]): Row[] {
  const rows: Row[] = [];
  if (!sheet.keyValue) rows.push(sheet.columns.map((c) => ({ value: c.header, ...HEADER_STYLE })));
  const prefill = sheet.prefill ?? [];
  const count = Math.max(prefill.length, filled.length, sheet.keyValue ? 0 : PREPARED_ROWS);
  const column = (field: string) => columnLetter(sheet.columns.findIndex((c) => c.field === field));
  for (let i = 0; i < count; i++) {
    const line: Record<string, KitValue | undefined> = { ...(prefill[i] ?? {}), ...(filled[i] ?? {}) };
    const row = rows.length + 1;
    rows.push(sheet.columns.map((c) => {
      const formula = sheet.formulas?.[c.field];
      if (formula) return { value: formula(row, column), type: "Formula", ...LOCKED_STYLE } as Cell;
      const locked = i < prefill.length && (sheet.lockedFields ?? []).includes(c.field);
      return valueCell(line[c.field], c, locked);
    }));
  }
  return rows;
}

/** The Instructions sheet. */
function instructionRows(template: Template, structure: string | null): Row[] {
  const bold = (value: string) => ({ value, fontWeight: "bold" } as Cell);
  const rows: Row[] = [
    [{ value: `${template.title} — mode d'emploi`, fontWeight: "bold", fontSize: 14 } as Cell],
    [structure ? `Structure : ${structure}` : "Modèle commun à toutes les structures"],
    ["Modèle du kit de recueil de l'Observatoire d'impact : gardez les en-têtes tels quels, ne renommez pas les feuilles."],
    [],
    [bold("Comment remplir")],
    ...template.howTo.map((line) => [`• ${line}`]),
    [],
    [bold("Erreurs fréquentes")],
    ...template.mistakes.map((line) => [`• ${line}`]),
    [],
  ];
  for (const sheet of template.sheets) {
    rows.push([bold(`Feuille « ${sheet.name} » : les colonnes`)]);
    rows.push([bold("Colonne"), bold("Obligatoire ?"), bold("Ce qu'il faut écrire")]);
    for (const c of sheet.columns) {
      rows.push([c.header, mandatoryText(c), describeColumn(c, template.notes[c.field])]);
    }
    rows.push([]);
    if (!sheet.keyValue) {
      rows.push([bold("Exemple de ligne remplie (fictive)")]);
      rows.push(sheet.columns.map((c) => bold(c.header)));
      rows.push(
        sheet.columns.map((c) =>
          sheet.formulas?.[c.field]
            ? "(calculé)"
            : exampleText(template.example[c.field] ?? sheet.prefill?.[0]?.[c.field], c)
        ),
      );
      rows.push([]);
    }
  }
  rows.push([
    "Les cellules grisées sont calculées ou pré-remplies : elles sont protégées (Révision › Ôter la protection de la feuille, sans mot de passe, si vraiment nécessaire).",
  ]);
  rows.push([
    "Les noms et prénoms sont remplacés par un code dès le chargement : ils ne sont jamais publiés.",
  ]);
  return rows;
}

/** Options of {@link buildTemplateWorkbook}. */
export interface WorkbookOptions {
  /** Structure name shown on the Instructions sheet (null: any structure). */
  structureName?: string | null;
  /** Structure id written in the marker. */
  structureId?: string | null;
  /** Lines typed by someone (a filled copy, for tests and examples). */
  filled?: FilledSheets;
}

/**
 * The template as .xlsx bytes (fixed zip timestamps: the same input gives the same bytes).
 *
 * @example
 * ```ts
 * const bytes = await buildTemplateWorkbook(kitTemplates(vocabularies, { year: 2025, structure: null })[0]);
 * ```
 */
export async function buildTemplateWorkbook(
  template: Template,
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  const sheets: { data: Row[]; sheet: string; columns?: { width: number }[]; stickyRowsCount?: number }[] =
    [];
  const extras: SheetExtras[] = [];
  const lists: { name: string; title: string; values: readonly string[] }[] = [];
  for (const sheet of template.sheets) {
    const validations: DataValidation[] = [];
    sheet.columns.forEach((column, index) => {
      if (sheet.formulas?.[column.field] || (sheet.lockedFields ?? []).includes(column.field)) return;
      let ref: string | null = null;
      if (column.check.kind === "list") {
        const name = listName(sheet, column);
        lists.push({ name, title: `${sheet.name} › ${column.header}`, values: column.check.values });
        ref = name;
      }
      const validation = validationOf(sheet, column, index, ref);
      if (validation) {
        validations.push(
          sheet.keyValue ? { ...validation, sqref: validation.sqref.replace(/2:/, "1:") } : validation,
        );
      }
    });
    sheets.push({
      data: dataRows(sheet, options.filled?.[sheet.name] ?? []),
      sheet: sheet.name,
      columns: sheet.columns.map((c) => ({ width: c.width })),
      ...(sheet.keyValue ? {} : { stickyRowsCount: 1 }),
    });
    extras.push({ validations, protect: true });
  }
  sheets.push({
    data: instructionRows(template, options.structureName ?? null),
    sheet: INSTRUCTIONS_SHEET,
    columns: [{ width: 34 }, { width: 16 }, { width: 90 }],
  });
  extras.push({});
  const definedNames: Record<string, string> = {};
  const listColumns = lists.map((list, i) => {
    const letter = columnLetter(i);
    definedNames[list.name] = `${LISTS_SHEET}!$${letter}$2:$${letter}$${list.values.length + 1}`;
    return [list.title, ...list.values];
  });
  const height = Math.max(1, ...listColumns.map((c) => c.length));
  sheets.push({
    data: Array.from({ length: height }, (_, r) => listColumns.map((c) => c[r] ?? null)),
    sheet: LISTS_SHEET,
  });
  extras.push({ hidden: true });
  sheets.push({ data: markerRows(template.id, options.structureId ?? null), sheet: MARKER_SHEET });
  extras.push({ hidden: true });
  // deno-lint-ignore no-explicit-any
  const buffer = await writeExcelFile(sheets as any, { features: [kitFeature(extras, definedNames)] } as any)
    .toBuffer();
  return fixZipTimestamps(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice());
}
