/**
 * Loads one export file into the warehouse: detect its kind, validate every row, pseudonymise,
 * write each sheet in one transaction with its load record and issues. The same bytes twice are
 * `unchanged`; a failure leaves what was loaded before untouched.
 *
 * Replacement rule: a row whose key (the software's own id, or the whole line for sheets) is
 * already in the warehouse is replaced, never doubled; and a later file of the same structure and
 * format whose period (first to last date) covers an earlier load's period replaces that load
 * entirely — its rows that the new file no longer holds are removed.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { inTransaction, queryRows } from "../warehouse/connect.ts";
import { detectLoader } from "./detect_loader.ts";
import type { LoadContext, LoaderSpec, TableRow } from "./loader_spec.ts";
import { emptyReport, type LoadReport, rejectedReport } from "./load_report.ts";
import { type RawTable, readTables } from "./read_tables.ts";
import { type ValidatedTable, validateTable } from "./validate_table.ts";
import { writeRows } from "./write_rows.ts";

export type { LoadReport } from "./load_report.ts";

/** Options for {@link loadFile}. */
export interface LoadOptions {
  /** Name recorded for the file (relative to the inbox). */
  fileName: string;
  structureId: string | null;
  /** Force the kind instead of detecting it. */
  kind?: string;
  loaders: readonly LoaderSpec[];
  context: Omit<LoadContext, "structureId">;
  now: Date;
  /** Told when a table's rows start being written (for progress display). */
  onWrite?: (file: string, sheet: string | null, rows: number) => void;
  /** Told every few thousand rows validated (for a progress bar on long files). */
  onProgress?: (file: string, sheet: string | null, done: number, total: number) => void;
}

/** Hex SHA-256 of the bytes: the identity of a file in the archive and in `loads`. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

type RowsByTable = Map<string, Map<string, TableRow["row"]>>;

/** Warehouse rows of the valid records, one per key (later duplicates reported, not written). */
function collectRows(
  spec: LoaderSpec,
  validated: ValidatedTable,
  context: LoadContext,
  report: LoadReport,
  headerText: (column: number) => string,
) {
  const byTable: RowsByTable = new Map();
  const primary = Object.keys(spec.tables)[0];
  const headers = Object.fromEntries(
    Object.entries(validated.header.columns).map(([field, index]) => [field, headerText(index)]),
  );
  for (const { line, record, unknownCells } of validated.records) {
    for (const { table: name, row } of spec.toRows(record, context, { unknownCells, headers })) {
      const key = spec.tables[name].map((k) => row[k]).join("\u0001");
      let rows = byTable.get(name);
      if (!rows) byTable.set(name, rows = new Map());
      const first = rows.get(key);
      if (first) {
        if (name === primary) {
          report.rowsDuplicate++;
          report.issues.push({
            line,
            column: null,
            value: null,
            severity: "avertissement",
            message:
              `ligne en double dans le fichier (même contenu que la ligne ${first.source_line}) : comptée une seule fois`,
          });
        }
        continue;
      }
      row.source_line = line; // rows are fresh objects from toRows: no copy needed
      rows.set(key, row);
    }
  }
  return byTable;
}

/** First and last date of the primary table's rows (ISO strings sort as dates). */
function periodOf(spec: LoaderSpec, byTable: RowsByTable): [string, string] | [null, null] {
  if (!spec.periodColumn) return [null, null];
  let first: string | null = null;
  let last: string | null = null;
  for (const row of byTable.get(Object.keys(spec.tables)[0])?.values() ?? []) {
    const value = row[spec.periodColumn];
    if (typeof value !== "string") continue;
    if (first === null || value < first) first = value;
    if (last === null || value > last) last = value;
  }
  return first === null ? [null, null] : [first, last!];
}

/** Writes one validated sheet (rows, load record, issues) in one transaction. */
async function writeLoad(
  conn: DuckDBConnection,
  spec: LoaderSpec,
  table: RawTable,
  byTable: RowsByTable,
  report: LoadReport,
  now: Date,
): Promise<void> {
  const [periodStart, periodEnd] = periodOf(spec, byTable);
  await inTransaction(conn, async () => {
    const [{ id }] = await queryRows(conn, "SELECT nextval('load_id_seq') AS id");
    const loadId = Number(id);
    report.loadId = loadId;
    for (const [name, rows] of byTable) {
      const withLoad = [...rows.values()];
      for (const row of withLoad) row.load_id = loadId;
      const result = await writeRows(conn, name, spec.tables[name], withLoad);
      if (name === Object.keys(spec.tables)[0]) {
        report.rowsLoaded = withLoad.length;
        report.rowsReplaced = result.replaced;
      }
    }
    if (periodStart !== null && report.structureId !== null) {
      const superseded = await queryRows(
        conn,
        `SELECT load_id FROM loads WHERE structure_id = $1 AND format = $2 AND superseded_by IS NULL
           AND period_start >= CAST($3 AS DATE) AND period_end <= CAST($4 AS DATE)`,
        [report.structureId, spec.format, periodStart, periodEnd] as never,
      );
      for (const { load_id } of superseded) {
        for (const name of Object.keys(spec.tables)) {
          await conn.run(`DELETE FROM "${name}" WHERE load_id = $1`, [load_id] as never);
        }
        await conn.run("UPDATE loads SET superseded_by = $1 WHERE load_id = $2", [loadId, load_id] as never);
        report.superseded.push(Number(load_id));
      }
    }
    report.status = report.rowsRejected > 0 ? "partial" : "loaded";
    await conn.run(
      `INSERT INTO loads VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
        CAST($16 AS DATE), CAST($17 AS DATE), NULL)`,
      [
        loadId,
        spec.kind,
        spec.format,
        report.structureId,
        report.file,
        table.sheet,
        report.sha256,
        table.encoding,
        now.toISOString(),
        report.rowsRead,
        report.rowsLoaded,
        report.rowsRejected,
        report.rowsDuplicate,
        report.rowsReplaced,
        report.status,
        periodStart,
        periodEnd,
      ] as never,
    );
    if (report.issues.length > 0) {
      const appender = await conn.createAppender("load_issues");
      for (const issue of report.issues) {
        appender.appendInteger(loadId);
        if (issue.line === null) appender.appendNull();
        else appender.appendInteger(issue.line);
        for (const text of [issue.column, issue.value]) {
          if (text === null) appender.appendNull();
          else appender.appendVarchar(text);
        }
        appender.appendVarchar(issue.severity);
        appender.appendVarchar(issue.message);
        appender.endRow();
      }
      appender.closeSync();
    }
  });
}

/** Loads one table (a CSV, or one sheet of a workbook). */
async function loadTable(
  conn: DuckDBConnection,
  table: RawTable,
  hash: string,
  options: LoadOptions,
): Promise<LoadReport> {
  const { fileName } = options;
  const candidates = options.kind ? options.loaders.filter((l) => l.kind === options.kind) : options.loaders;
  const found = detectLoader(candidates, table);
  if (!found) {
    return rejectedReport(
      fileName,
      hash,
      options.kind
        ? `les colonnes obligatoires d'un export « ${options.kind} » sont introuvables dans les 30 premières lignes`
        : "type d'export non reconnu : aucune ligne d'en-tête connue dans les 30 premières lignes",
      options.structureId,
      table.sheet,
    );
  }
  const { spec, header } = found;
  if (spec.needsStructure && !options.structureId) {
    const report = rejectedReport(
      fileName,
      hash,
      "structure inconnue : déposez le fichier dans data/inbox/<identifiant-structure>/ ou précisez --structure",
      null,
      table.sheet,
    );
    report.kind = spec.kind;
    report.format = spec.format;
    return report;
  }
  const report = emptyReport(fileName, hash, table.sheet);
  report.kind = spec.kind;
  report.format = spec.format;
  report.structureId = spec.needsStructure ? options.structureId : null;
  const validated = validateTable(
    spec,
    table,
    header,
    options.onProgress && ((done, total) => options.onProgress!(fileName, table.sheet, done, total)),
  );
  report.rowsRead = validated.rowsRead;
  report.rowsRejected = validated.rowsRejected;
  report.issues.push(...validated.issues);
  const headerCells = table.rows[header.index].cells;
  const byTable = collectRows(
    spec,
    validated,
    { ...options.context, structureId: report.structureId },
    report,
    (column) => String(headerCells[column] ?? "").trim(),
  );
  if (validated.records.length === 0) {
    report.status = "rejected";
    report.issues.push({
      line: null,
      column: null,
      value: null,
      severity: "erreur",
      message: validated.rowsRead === 0
        ? "aucune ligne de données sous l'en-tête"
        : "aucune ligne valide : rien n'est chargé",
    });
    return report;
  }
  options.onWrite?.(fileName, table.sheet, byTable.get(Object.keys(spec.tables)[0])?.size ?? 0);
  await writeLoad(conn, spec, table, byTable, report, options.now);
  return report;
}

/**
 * Loads `bytes` into the warehouse behind `conn`; one report per CSV or per workbook sheet.
 *
 * @example
 * ```ts
 * const reports = await loadFile(conn, bytes, { fileName: "ors/individus.csv", structureId: "ors", ... });
 * ```
 */
export async function loadFile(
  conn: DuckDBConnection,
  bytes: Uint8Array,
  options: LoadOptions,
): Promise<LoadReport[]> {
  const { fileName } = options;
  const hash = sha256(bytes);
  const earlier = await queryRows(conn, "SELECT file_name FROM loaded_files WHERE sha256 = $1", [hash]);
  if (earlier.length > 0) {
    const report = emptyReport(fileName, hash);
    report.status = "unchanged";
    report.structureId = options.structureId;
    report.issues.push({
      line: null,
      column: null,
      value: null,
      severity: "avertissement",
      message: `contenu identique à « ${earlier[0].file_name} », déjà chargé : fichier ignoré`,
    });
    return [report];
  }
  if (bytes.length === 0) return [rejectedReport(fileName, hash, "fichier vide", options.structureId)];
  let tables;
  try {
    tables = await readTables(fileName, bytes);
  } catch (error) {
    return [rejectedReport(fileName, hash, (error as Error).message, options.structureId)];
  }
  // A workbook interrupted after some sheets is read again for the sheets still missing only.
  const loadedSheets = new Set(
    (await queryRows(conn, "SELECT sheet FROM loads WHERE sha256 = $1", [hash])).map((r) => r.sheet),
  );
  const reports: LoadReport[] = [];
  for (const table of tables) {
    if (loadedSheets.has(table.sheet)) continue;
    if (table.rows.every((r) => r.cells.every((c) => c === null || String(c).trim() === ""))) continue;
    reports.push(await loadTable(conn, table, hash, options));
  }
  if (reports.length === 0 && loadedSheets.size === 0) {
    reports.push(rejectedReport(fileName, hash, "fichier sans aucune donnée", options.structureId));
  }
  // A rejected sheet may be sent again with --kind or --structure: the file is not complete.
  if (reports.every((r) => r.status !== "rejected")) {
    await conn.run("INSERT OR REPLACE INTO loaded_files VALUES ($1, $2, $3)", [
      hash,
      fileName,
      options.now.toISOString(),
    ] as never);
  }
  return reports;
}
