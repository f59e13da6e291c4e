/**
 * Reads and validates an impact map: an .xlsx workbook (sheets `impacts`, `investissements`,
 * `parametres`) or a `;` CSV file holding the `impacts` sheet alone.
 * @module
 */

import { basename, dirname, extname, join } from "node:path";
import { z } from "zod";
import { cellText } from "../read/cell_text.ts";
import { decodeText } from "../read/decode_text.ts";
import { normaliseHeader } from "../read/normalise_header.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { readWorkbook } from "../read/read_workbook.ts";
import type { CellRow, CellValue } from "../read/row.ts";
import { isBlankRow, isTotalsRow } from "../read/row_kind.ts";
import { sniffDelimiter } from "../read/sniff_delimiter.ts";
import {
  type IndicatorResolver,
  isEmptyCell,
  numberCell,
  optionalNumberCell,
  optionalPercentCell,
  percentCell,
  quantityCell,
  startCell,
  textCell,
  unknownIndicator,
  yearsCell,
} from "./cell_schemas.ts";
import { formatPercent } from "./format_fr.ts";
import {
  columnTitle,
  FIELD_LABELS,
  IMPACT_ALIASES,
  IMPACT_REQUIRED,
  INVESTMENT_ALIASES,
  INVESTMENT_REQUIRED,
  locateHeader,
} from "./impact_headers.ts";
import { SroiInputError, type SroiIssue } from "./issues.ts";
import {
  DEFAULT_PARAMETERS,
  type ImpactLine,
  type ImpactMap,
  type Investment,
  type Range,
  type SroiParameters,
  UNCERTAIN_FIELDS,
} from "./types.ts";

/** A table to read, with the label used in messages (« Feuille « impacts » »). */
export interface SourceTable {
  where: string;
  rows: CellRow[];
}

/** The tables of an impact map; investments and parameters may be absent. */
export interface ImpactMapTables {
  impacts: SourceTable;
  investments: SourceTable | null;
  parameters: SourceTable | null;
}

/** Options of the readers. */
export interface ReadOptions {
  /** Resolves quantities given as catalogue indicator ids (default: every id is unknown). */
  resolve?: IndicatorResolver;
}

/** Longest duration and horizon accepted, in years. */
const MAX_YEARS = 50;
const FILTER_FIELDS = ["deadweight", "displacement", "attribution", "dropOff"] as const;

function impactLineSchema(resolve: IndicatorResolver) {
  return z.object({
    stakeholder: textCell(),
    outcome: textCell(true),
    indicator: textCell(),
    quantity: quantityCell(resolve),
    durationYears: yearsCell(MAX_YEARS),
    start: startCell,
    // A negative proxy values a negative outcome (a harm), as the SROI guide requires.
    proxy: numberCell(),
    proxySource: textCell(),
    deadweight: percentCell(0),
    displacement: percentCell(0),
    attribution: percentCell(0),
    dropOff: percentCell(0),
    proxyMin: optionalNumberCell(),
    proxyMax: optionalNumberCell(),
    quantityMin: optionalNumberCell(0),
    quantityMax: optionalNumberCell(0),
    deadweightMin: optionalPercentCell(),
    deadweightMax: optionalPercentCell(),
    displacementMin: optionalPercentCell(),
    displacementMax: optionalPercentCell(),
    attributionMin: optionalPercentCell(),
    attributionMax: optionalPercentCell(),
    dropOffMin: optionalPercentCell(),
    dropOffMax: optionalPercentCell(),
  }).superRefine((line, ctx) => {
    // The most likely value must sit inside its range, or the triangle is not a distribution.
    for (const field of UNCERTAIN_FIELDS) {
      const mode = field === "quantity" ? line.quantity.value : line[field] as number;
      const min = line[`${field}Min`];
      const max = line[`${field}Max`];
      if (min !== null && min > mode) {
        ctx.addIssue({
          code: "custom",
          path: [`${field}Min`],
          message: `le minimum dépasse la valeur retenue (${FIELD_LABELS[field]})`,
        });
      }
      if (max !== null && max < mode) {
        ctx.addIssue({
          code: "custom",
          path: [`${field}Max`],
          message: `le maximum est inférieur à la valeur retenue (${FIELD_LABELS[field]})`,
        });
      }
    }
  });
}

const investmentSchema = z.object({
  stakeholder: textCell(),
  nature: textCell(),
  amount: numberCell(0),
});

/** Header row, data rows (blank and totals rows skipped) and the raw fields of each row. */
function tableRecords(
  table: SourceTable,
  aliases: Record<string, string[]>,
  required: string[],
  sheetLabel: string,
  issues: SroiIssue[],
) {
  const { header, missing } = locateHeader(table.rows, aliases, required);
  if (!header) {
    issues.push({
      where: table.where,
      line: null,
      column: null,
      message: `en-tête introuvable : ${sheetLabel} doit avoir les colonnes ` +
        missing.map((field) => `« ${FIELD_LABELS[field]} »`).join(", "),
    });
    return null;
  }
  const headerCells = table.rows[header.index].cells;
  const records = table.rows.slice(header.index + 1)
    .filter((row) => !isBlankRow(row.cells) && !isTotalsRow(row.cells))
    .map((row) => {
      const fields: Record<string, CellValue | undefined> = {};
      for (const field of Object.keys(aliases)) {
        const column = header.columns[field];
        fields[field] = column === undefined ? undefined : row.cells[column] ?? null;
      }
      return { line: row.line, fields };
    });
  const title = (field: string) => columnTitle(headerCells, header.columns[field], field);
  return { header, records, title };
}

function zodIssues(
  error: z.ZodError,
  where: string,
  line: number,
  title: (field: string) => string,
): SroiIssue[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return { where, line, column: field ? title(field) : null, message: issue.message };
  });
}

function readImpacts(
  table: SourceTable,
  resolve: IndicatorResolver,
  issues: SroiIssue[],
  warnings: string[],
) {
  const found = tableRecords(table, IMPACT_ALIASES, IMPACT_REQUIRED, "la carte d'impact", issues);
  if (!found) return [];
  const { header, records, title } = found;
  for (const field of FILTER_FIELDS) {
    if (header.columns[field] === undefined) {
      warnings.push(
        `${table.where} : colonne « ${FIELD_LABELS[field]} » absente, 0 % retenu pour chaque ligne.`,
      );
    }
  }
  for (const { header: typed } of header.unknown) {
    warnings.push(`${table.where} : colonne « ${typed} » non reconnue, ignorée.`);
  }
  const schema = impactLineSchema(resolve);
  const lines: ImpactLine[] = [];
  let previousStakeholder = "";
  for (const { line, fields } of records) {
    // A stakeholder typed once over merged cells only fills the first row: carry it down.
    if (isEmptyCell(fields.stakeholder)) fields.stakeholder = previousStakeholder;
    else previousStakeholder = cellText(fields.stakeholder ?? null).trim();
    const result = schema.safeParse(fields);
    if (!result.success) {
      issues.push(...zodIssues(result.error, table.where, line, title));
      continue;
    }
    const v = result.data;
    const ranges: Partial<Record<(typeof UNCERTAIN_FIELDS)[number], Range>> = {};
    for (const field of UNCERTAIN_FIELDS) {
      const mode = field === "quantity" ? v.quantity.value : v[field];
      const min = v[`${field}Min`];
      const max = v[`${field}Max`];
      if (min !== null || max !== null) ranges[field] = { min: min ?? mode, max: max ?? mode };
    }
    lines.push({
      row: line,
      stakeholder: v.stakeholder,
      outcome: v.outcome,
      indicator: v.indicator,
      quantity: v.quantity.value,
      quantityIndicator: v.quantity.indicator,
      durationYears: v.durationYears,
      start: v.start,
      proxy: v.proxy,
      proxySource: v.proxySource,
      deadweight: v.deadweight,
      displacement: v.displacement,
      attribution: v.attribution,
      dropOff: v.dropOff,
      ranges,
    });
  }
  if (records.length === 0) {
    issues.push({
      where: table.where,
      line: null,
      column: null,
      message: "aucune ligne d'impact sous l'en-tête",
    });
  }
  return lines;
}

function readInvestments(table: SourceTable, issues: SroiIssue[]): Investment[] {
  const found = tableRecords(
    table,
    INVESTMENT_ALIASES,
    INVESTMENT_REQUIRED,
    "la feuille des investissements",
    issues,
  );
  if (!found) return [];
  const investments: Investment[] = [];
  for (const { line, fields } of found.records) {
    const result = investmentSchema.safeParse(fields);
    if (result.success) investments.push({ row: line, ...result.data });
    else issues.push(...zodIssues(result.error, table.where, line, found.title));
  }
  return investments;
}

const parametersSchema = z.object({
  discountRate: percentCell(DEFAULT_PARAMETERS.discountRate),
  horizonYears: yearsCell(MAX_YEARS, DEFAULT_PARAMETERS.horizonYears),
});
const PARAMETER_TITLES = { discountRate: "taux d'actualisation", horizonYears: "horizon (années)" };

/**
 * The `parametres` sheet is a list « libellé | valeur » (column A the label, the first non-empty
 * cell after it the value). Labels starting with « taux » give the discount rate, with
 * « horizon » the horizon; a header row « paramètre | valeur » is skipped.
 */
function readParameters(table: SourceTable, issues: SroiIssue[], warnings: string[]): SroiParameters {
  // Both keys present (undefined when absent) so the schema applies its defaults.
  const raw: Record<string, CellValue | undefined> = { discountRate: undefined, horizonYears: undefined };
  const lineOf: Record<string, number> = {};
  for (const row of table.rows) {
    if (isBlankRow(row.cells)) continue;
    const label = normaliseHeader(cellText(row.cells[0] ?? null));
    const value = row.cells.slice(1).find((cell) => !isEmptyCell(cell));
    const field = label.startsWith("taux")
      ? "discountRate"
      : label.startsWith("horizon")
      ? "horizonYears"
      : null;
    if (field) {
      raw[field] = value;
      lineOf[field] = row.line;
    } else if (!["parametre", "parametres", "libelle", ""].includes(label)) {
      warnings.push(
        `${table.where}, ligne ${row.line} : paramètre « ${
          cellText(row.cells[0] ?? null)
        } » inconnu, ignoré.`,
      );
    }
  }
  const result = parametersSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]) as keyof typeof PARAMETER_TITLES;
      issues.push({
        where: table.where,
        line: lineOf[field] ?? null,
        column: PARAMETER_TITLES[field],
        message: issue.message,
      });
    }
    return DEFAULT_PARAMETERS;
  }
  if (raw.discountRate === undefined || raw.horizonYears === undefined) {
    warnings.push(
      `${table.where} : ${
        raw.discountRate === undefined ? "taux d'actualisation absent" : "horizon absent"
      }, ` +
        `valeur par défaut retenue (taux ${
          formatPercent(result.data.discountRate)
        }, horizon ${result.data.horizonYears} ans).`,
    );
  }
  return result.data;
}

/**
 * Validates the tables of an impact map. Every problem is collected; when there is any, a
 * {@link SroiInputError} lists them all (sheet, spreadsheet row, column as typed, French message).
 *
 * @example
 * const map = parseImpactMap({ impacts: { where: "Feuille « impacts »", rows }, investments: null, parameters: null });
 * map.lines[0].quantity // 12
 */
export function parseImpactMap(
  tables: ImpactMapTables,
  options: ReadOptions = {},
  warnings: string[] = [],
): ImpactMap {
  const issues: SroiIssue[] = [];
  const resolve = options.resolve ?? unknownIndicator;
  const lines = readImpacts(tables.impacts, resolve, issues, warnings);
  const investments = tables.investments ? readInvestments(tables.investments, issues) : [];
  const parameters = tables.parameters
    ? readParameters(tables.parameters, issues, warnings)
    : DEFAULT_PARAMETERS;
  if (issues.length > 0) throw new SroiInputError(issues);
  for (const line of lines) {
    const last = line.durationYears + line.start - 1;
    if (last > parameters.horizonYears) {
      warnings.push(
        `${tables.impacts.where}, ligne ${line.row} : l'effet dure jusqu'à l'année ${last}, au-delà de l'horizon de ` +
          `${parameters.horizonYears} ans ; seules les années 1 à ${parameters.horizonYears} sont comptées.`,
      );
    }
  }
  if (investments.reduce((sum, i) => sum + i.amount, 0) === 0) {
    warnings.push(
      "Aucun investissement (total nul) : le ratio, le délai de retour et la simulation ne sont pas calculés.",
    );
  }
  return { lines, investments, parameters, warnings };
}

const SHEETS = {
  impacts: ["impacts", "impact"],
  investments: ["investissements", "investissement"],
  parameters: ["parametres", "parametre", "parametrage"],
};

function where(sheet: string): string {
  return `Feuille « ${sheet} »`;
}

/**
 * Reads an impact map file. `.xlsx`: sheets `impacts` and `investissements` are required,
 * `parametres` is optional (3,5 % and 5 years by default); sheet names are matched ignoring case
 * and accents. `.csv`: the `impacts` sheet alone; a file named `investissements.csv` (and
 * `parametres.csv`) in the same folder is read when present, otherwise the inputs are zero and
 * a warning says so. Throws {@link SroiInputError} on invalid content.
 *
 * @example
 * const map = await readImpactMap("data/sroi/carte_impact_exemple.xlsx");
 * map.parameters // { discountRate: 0.035, horizonYears: 5 }
 */
export async function readImpactMap(path: string, options: ReadOptions = {}): Promise<ImpactMap> {
  const extension = extname(path).toLowerCase();
  const warnings: string[] = [];
  if (extension === ".xlsx") {
    const fileWhere = `Classeur « ${basename(path)} »`;
    let sheets;
    try {
      sheets = await readWorkbook(await Deno.readFile(path));
    } catch (error) {
      throw new SroiInputError([{
        where: fileWhere,
        line: null,
        column: null,
        message: (error as Error).message,
      }]);
    }
    const find = (names: string[]) => sheets.find((s) => names.includes(normaliseHeader(s.sheet))) ?? null;
    const impacts = find(SHEETS.impacts);
    const investments = find(SHEETS.investments);
    const parameters = find(SHEETS.parameters);
    const present = sheets.map((s) => s.sheet).join(", ");
    const missing = [impacts ? null : "impacts", investments ? null : "investissements"].filter((s) =>
      s !== null
    );
    if (missing.length > 0) {
      throw new SroiInputError(missing.map((name) => ({
        where: fileWhere,
        line: null,
        column: null,
        message: `feuille « ${name} » introuvable (feuilles présentes : ${present})`,
      })));
    }
    if (!parameters) {
      warnings.push(
        `${fileWhere} : feuille « parametres » absente, taux d'actualisation 3,5 % et horizon 5 ans retenus.`,
      );
    }
    return parseImpactMap(
      {
        impacts: { where: where(impacts!.sheet), rows: impacts!.rows },
        investments: { where: where(investments!.sheet), rows: investments!.rows },
        parameters: parameters ? { where: where(parameters.sheet), rows: parameters.rows } : null,
      },
      options,
      warnings,
    );
  }
  if (extension === ".csv" || extension === ".txt") {
    const impacts = await readCsv(path);
    const folder = dirname(path);
    const sibling = async (name: string) => {
      for await (const entry of Deno.readDir(folder)) {
        const samePath = join(folder, entry.name) === join(folder, basename(path));
        if (entry.isFile && !samePath && normaliseHeader(entry.name) === normaliseHeader(name)) {
          return await readCsv(join(folder, entry.name));
        }
      }
      return null;
    };
    const investments = await sibling("investissements.csv");
    const parameters = await sibling("parametres.csv");
    if (!investments) {
      warnings.push(
        `Pas de fichier « investissements.csv » à côté de « ${
          basename(path)
        } » : investissements comptés à zéro.`,
      );
    }
    return parseImpactMap({ impacts, investments, parameters }, options, warnings);
  }
  throw new SroiInputError([{
    where: `Fichier « ${basename(path)} »`,
    line: null,
    column: null,
    message:
      "format non pris en charge : un classeur .xlsx ou un fichier .csv (séparateur « ; ») est attendu",
  }]);
}

async function readCsv(path: string): Promise<SourceTable> {
  const { text } = decodeText(await Deno.readFile(path));
  return { where: `Fichier « ${basename(path)} »`, rows: parseDelimited(text, sniffDelimiter(text)) };
}
