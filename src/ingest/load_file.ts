/**
 * Loads one export file into the warehouse: detect its kind, validate every row, pseudonymise,
 * write in one transaction with the file's load record and its issues. A file already loaded
 * (same bytes) is skipped; a failure leaves what was loaded before untouched.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { inTransaction, queryRows } from "../warehouse/connect.ts";
import type { LoadContext, LoaderSpec, TableRow } from "./loader_spec.ts";
import { readTables } from "./read_tables.ts";
import { type Issue, matchHeader, validateTable } from "./validate_table.ts";
import { writeRows } from "./write_rows.ts";

/** What happened to one file (or one sheet of a workbook). */
export interface LoadReport {
  file: string;
  sheet: string | null;
  kind: string | null;
  structureId: string | null;
  status: "chargé" | "déjà chargé" | "non reconnu" | "refusé";
  loadId: number | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsDuplicate: number;
  rowsReplaced: number;
  issues: Issue[];
}

/** Options for {@link loadFile}. */
export interface LoadOptions {
  /** Name recorded for the file (relative to the inbox). */
  fileName: string;
  structureId: string | null;
  /** Force the kind instead of detecting it. */
  kind?: string;
  loaders: LoaderSpec[];
  context: Omit<LoadContext, "structureId">;
  now: Date;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A report for a file refused as a whole, with the French reason. */
export function refusedReport(file: string, message: string, structureId: string | null = null): LoadReport {
  const report = emptyReport(file, null, "refusé");
  report.structureId = structureId;
  report.issues.push({ line: null, column: null, severity: "erreur", message });
  return report;
}

function emptyReport(file: string, sheet: string | null, status: LoadReport["status"]): LoadReport {
  return {
    file,
    sheet,
    kind: null,
    structureId: null,
    status,
    loadId: null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsDuplicate: 0,
    rowsReplaced: 0,
    issues: [],
  };
}

/** The loader whose header matches the most columns of the table. */
function detectLoader(loaders: LoaderSpec[], table: Parameters<typeof matchHeader>[1]) {
  let best: { spec: LoaderSpec; header: NonNullable<ReturnType<typeof matchHeader>> } | null = null;
  for (const spec of loaders) {
    const header = matchHeader(spec, table);
    if (header && (!best || Object.keys(header.columns).length > Object.keys(best.header.columns).length)) {
      best = { spec, header };
    }
  }
  return best;
}

/**
 * Loads `bytes` into the warehouse behind `conn`.
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
    const report = emptyReport(fileName, null, "déjà chargé");
    report.issues.push({
      line: null,
      column: null,
      severity: "avertissement",
      message: `contenu identique à « ${earlier[0].file_name} », déjà chargé : fichier ignoré`,
    });
    return [report];
  }
  let tables;
  try {
    tables = await readTables(fileName, bytes);
  } catch (error) {
    const report = emptyReport(fileName, null, "refusé");
    report.issues.push({ line: null, column: null, severity: "erreur", message: (error as Error).message });
    return [report];
  }
  // A workbook interrupted after some sheets is read again for the sheets still missing only.
  const loadedSheets = new Set(
    (await queryRows(conn, "SELECT sheet FROM loads WHERE sha256 = $1", [hash])).map((r) => r.sheet),
  );
  const reports: LoadReport[] = [];
  for (const table of tables) {
    if (loadedSheets.has(table.sheet)) continue;
    if (table.rows.every((r) => r.cells.every((c) => c === null || String(c).trim() === ""))) continue;
    const candidates = options.kind
      ? options.loaders.filter((l) => l.kind === options.kind)
      : options.loaders;
    const found = detectLoader(candidates, table);
    if (!found) {
      const report = emptyReport(fileName, table.sheet, "non reconnu");
      report.issues.push({
        line: null,
        column: null,
        severity: "erreur",
        message: options.kind
          ? `les colonnes obligatoires d'un export « ${options.kind} » sont introuvables dans les 30 premières lignes`
          : "type d'export non reconnu : aucune ligne d'en-tête connue dans les 30 premières lignes",
      });
      reports.push(report);
      continue;
    }
    const { spec, header } = found;
    const report = emptyReport(fileName, table.sheet, "chargé");
    report.kind = spec.kind;
    if (spec.needsStructure && !options.structureId) {
      report.status = "refusé";
      report.issues.push({
        line: null,
        column: null,
        severity: "erreur",
        message:
          "structure inconnue : déposez le fichier dans data/inbox/<identifiant-structure>/ ou précisez --structure",
      });
      reports.push(report);
      continue;
    }
    report.structureId = spec.needsStructure ? options.structureId : null;
    const validated = validateTable(spec, table, header);
    report.rowsRead = validated.rowsRead;
    report.rowsRejected = validated.rowsRejected;
    report.issues.push(...validated.issues);
    const context: LoadContext = { ...options.context, structureId: report.structureId };
    const byTable = new Map<string, Map<string, TableRow["row"]>>();
    for (const { line, record } of validated.records) {
      for (const { table: name, row } of spec.toRows(record, context)) {
        const keyCols = spec.tables[name];
        const key = JSON.stringify(keyCols.map((k) => row[k]));
        const rows = byTable.get(name) ?? new Map();
        byTable.set(name, rows);
        if (rows.has(key)) {
          if (name === Object.keys(spec.tables)[0]) {
            report.rowsDuplicate++;
            report.issues.push({
              line,
              column: null,
              severity: "avertissement",
              message: "ligne en double dans le fichier : comptée une seule fois",
            });
          }
          continue;
        }
        rows.set(key, { ...row, source_line: line });
      }
    }
    await inTransaction(conn, async () => {
      const [{ id }] = await queryRows(conn, "SELECT nextval('load_id_seq') AS id");
      report.loadId = Number(id);
      for (const [name, rows] of byTable) {
        const withLoad = [...rows.values()].map((r) => ({ ...r, load_id: report.loadId }));
        const result = await writeRows(conn, name, spec.tables[name], withLoad);
        if (name === Object.keys(spec.tables)[0]) {
          report.rowsLoaded = withLoad.length;
          report.rowsReplaced = result.replaced;
        }
      }
      await conn.run(
        `INSERT INTO loads VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          report.loadId,
          spec.kind,
          report.structureId,
          fileName,
          table.sheet,
          hash,
          table.encoding,
          options.now.toISOString(),
          report.rowsRead,
          report.rowsLoaded,
          report.rowsRejected,
          report.rowsDuplicate,
          report.rowsReplaced,
        ] as never,
      );
      if (report.issues.length > 0) {
        const appender = await conn.createAppender("load_issues");
        for (const issue of report.issues) {
          appender.appendInteger(report.loadId!);
          if (issue.line === null) appender.appendNull();
          else appender.appendInteger(issue.line);
          if (issue.column === null) appender.appendNull();
          else appender.appendVarchar(issue.column);
          appender.appendVarchar(issue.severity);
          appender.appendVarchar(issue.message);
          appender.endRow();
        }
        appender.closeSync();
      }
    });
    reports.push(report);
  }
  // A refused or unrecognised sheet may be sent again with --kind or --structure: not complete.
  if (reports.every((r) => r.status === "chargé")) {
    await conn.run("INSERT OR REPLACE INTO loaded_files VALUES ($1, $2, $3)", [
      hash,
      fileName,
      options.now.toISOString(),
    ] as never);
  }
  return reports;
}
