/**
 * Reads and validates the indicator catalogue: `data/indicators/catalogue.csv` (`;`-separated,
 * UTF-8, French headers, one line per indicator) and the SQL file of each indicator in
 * `data/indicators/sql/`. Problems come back as French messages naming the file, the line and
 * the column, or the indicator.
 *
 * @module
 */
import { join } from "node:path";
import { decodeText } from "../read/decode_text.ts";
import { normaliseHeader } from "../read/normalise_header.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { PROJECT_ROOT } from "../paths.ts";
import {
  type FieldKey,
  FIELDS,
  type IndicatorLine,
  indicatorLineSchema,
  OPTIONAL_FIELDS,
} from "./catalogue_schema.ts";

/** Folder of the catalogue and of its SQL files (override: OBSERVATOIRE_INDICATORS). */
export function indicatorsDir(): string {
  return Deno.env.get("OBSERVATOIRE_INDICATORS") || join(PROJECT_ROOT, "data", "indicators");
}

/** A validated indicator with its SQL text. */
export interface Indicator extends IndicatorLine {
  /** The SELECT of `sql/<sqlFile>`, trailing `;` removed. */
  sql: string;
  /** Line of the catalogue. */
  line: number;
}

/** One problem found in the catalogue or in an SQL file. */
export interface CatalogueIssue {
  file: string;
  line: number | null;
  /** Column header as expected, with its letter: « étape » (E). */
  column: string | null;
  indicatorId: string | null;
  message: string;
}

/** The catalogue: valid indicators (in file order) and problems. */
export interface Catalogue {
  indicators: Indicator[];
  issues: CatalogueIssue[];
}

/**
 * An issue as one French sentence.
 *
 * @example
 * formatIssue({ file: "catalogue.csv", line: 4, column: "« étape » (E)", indicatorId: "x",
 *   message: "valeur « ressource » inconnue" })
 * // "catalogue.csv, ligne 4, colonne « étape » (E) — indicateur « x » : valeur « ressource » inconnue"
 */
export function formatIssue(issue: CatalogueIssue): string {
  const where = [issue.file];
  if (issue.line !== null) where.push(`ligne ${issue.line}`);
  if (issue.column !== null) where.push(`colonne ${issue.column}`);
  const who = issue.indicatorId ? ` — indicateur « ${issue.indicatorId} »` : "";
  return `${where.join(", ")}${who} : ${issue.message}`;
}

/** Spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const HEADER_KEYS = new Map<string, FieldKey>();
for (const f of FIELDS) {
  for (const name of [f.header, ...f.aliases]) HEADER_KEYS.set(normaliseHeader(name), f.key);
}
// Long spellings of the headers (« étape de la chaîne de valeur (ressources|…) »): the part
// before a parenthesis is what counts.
function headerKey(cell: string): FieldKey | null {
  const exact = HEADER_KEYS.get(normaliseHeader(cell));
  if (exact) return exact;
  return HEADER_KEYS.get(normaliseHeader(cell.replace(/\(.*$/s, ""))) ?? null;
}

/**
 * Parses and validates the catalogue text (no file access): lines, then duplicate ids.
 *
 * @example
 * ```ts
 * const { lines, issues } = parseCatalogueText("identifiant;libellé\n…", "catalogue.csv");
 * ```
 */
export function parseCatalogueText(
  text: string,
  file: string,
): { lines: (IndicatorLine & { line: number })[]; issues: CatalogueIssue[] } {
  const issues: CatalogueIssue[] = [];
  const rows = parseDelimited(text, ";").filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (rows.length === 0) {
    return {
      lines: [],
      issues: [{ file, line: null, column: null, indicatorId: null, message: "fichier vide" }],
    };
  }
  const [header, ...body] = rows;
  const columnOf = new Map<FieldKey, number>();
  header.cells.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key !== null && !columnOf.has(key)) columnOf.set(key, i);
  });
  const label = (key: FieldKey) => {
    const f = FIELDS.find((x) => x.key === key)!;
    const i = columnOf.get(key);
    return i === undefined ? `« ${f.header} »` : `« ${f.header} » (${columnLetter(i)})`;
  };
  for (const f of FIELDS) {
    if (!columnOf.has(f.key) && !OPTIONAL_FIELDS.includes(f.key)) {
      issues.push({
        file,
        line: header.line,
        column: null,
        indicatorId: null,
        message: `colonne « ${f.header} » absente de l'en-tête`,
      });
    }
  }
  if (issues.length > 0) return { lines: [], issues };

  const lines: (IndicatorLine & { line: number })[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    if (row.cells[0]?.trim().startsWith("#")) continue; // a comment line
    const record = Object.fromEntries(FIELDS.map((f) => {
      const i = columnOf.get(f.key);
      return [f.key, i === undefined ? "" : row.cells[i] ?? ""];
    }));
    const id = String(record.id).trim() || null;
    if (row.cells.length > header.cells.length) {
      issues.push({
        file,
        line: row.line,
        column: null,
        indicatorId: id,
        message: `${row.cells.length} cellules pour ${header.cells.length} colonnes : un « ; » de trop ? ` +
          "(mettez le texte qui en contient entre guillemets)",
      });
      continue;
    }
    const parsed = indicatorLineSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as FieldKey;
        issues.push({ file, line: row.line, column: label(key), indicatorId: id, message: issue.message });
      }
      continue;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({
        file,
        line: row.line,
        column: label("id"),
        indicatorId: parsed.data.id,
        message: `identifiant déjà utilisé ligne ${first}`,
      });
      continue;
    }
    seen.set(parsed.data.id, row.line);
    lines.push({ ...parsed.data, line: row.line });
  }
  return { lines, issues };
}

/**
 * The SQL of an indicator file, trimmed and without its trailing `;`; an issue when the file is
 * missing, empty, or holds more than one statement.
 */
export async function readIndicatorSql(
  dir: string,
  line: IndicatorLine & { line: number },
  catalogueFile: string,
): Promise<{ sql: string } | { issue: CatalogueIssue }> {
  const path = join(dir, "sql", line.sqlFile);
  const shown = `data/indicators/sql/${line.sqlFile}`;
  const fail = (message: string) => ({
    issue: { file: catalogueFile, line: line.line, column: "« fichier SQL »", indicatorId: line.id, message },
  });
  let text: string;
  try {
    text = decodeText(await Deno.readFile(path)).text;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return fail(`fichier ${shown} introuvable`);
    throw error;
  }
  const sql = text.replace(/^\ufeff/, "").trim().replace(/;\s*$/, "").trim();
  if (sql === "") return fail(`fichier ${shown} vide`);
  // One SELECT only: a « ; » left outside comments and strings would start a second statement.
  const code = sql.replace(/--[^\n]*/g, "").replace(/'(?:[^']|'')*'/g, "''");
  if (code.includes(";")) return fail(`${shown} : une seule requête SELECT attendue (un « ; » en trop)`);
  if (!/^\s*(with|select|from)\b/i.test(code)) {
    return fail(`${shown} : la requête doit commencer par SELECT ou WITH`);
  }
  return { sql };
}

/**
 * Reads the catalogue and every SQL file it names.
 *
 * @example
 * ```ts
 * const { indicators, issues } = await readCatalogue();
 * for (const i of issues) console.error(formatIssue(i));
 * ```
 */
export async function readCatalogue(dir = indicatorsDir()): Promise<Catalogue> {
  const file = "data/indicators/catalogue.csv";
  let text: string;
  try {
    text = decodeText(await Deno.readFile(join(dir, "catalogue.csv"))).text;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return {
        indicators: [],
        issues: [{ file, line: null, column: null, indicatorId: null, message: "fichier introuvable" }],
      };
    }
    throw error;
  }
  const { lines, issues } = parseCatalogueText(text, file);
  const indicators: Indicator[] = [];
  for (const line of lines) {
    const result = await readIndicatorSql(dir, line, file);
    if ("issue" in result) issues.push(result.issue);
    else indicators.push({ ...line, sql: result.sql });
  }
  return { indicators, issues };
}
