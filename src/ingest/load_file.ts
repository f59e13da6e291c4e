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
import { loaderLabel, runnerUpIssues, unrecognisedMessage } from "./explain_detection.ts";
import { plausibilityIssues } from "./plausibility.ts";
import type { LoadContext, LoaderSpec, TableRow } from "./loader_spec.ts";
import { emptyReport, type LoadReport, rejectedReport } from "./load_report.ts";
import { decodeDelimited, isWorkbook, type RawTable, readTables } from "./read_tables.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import type { HeaderMatch } from "../read/find_header.ts";
import { dropStaged, sqlPathApplies, STAGED } from "./stage_delimited_sql.ts";
import { stageInChild } from "./stage_in_child.ts";
import { headerTitles, type ValidatedTable, validateTable } from "./validate_table.ts";
import { findPersonalColumns } from "./personal_columns.ts";
import { appendAsText, columnTypes, ident, mergeInto, writeRows } from "./write_rows.ts";
import { KIT_SHEETS, kitMarkerOf } from "../kit/marker.ts";
import { checkRecords } from "./check_records.ts";
import { loadsToReplace, replaceEarlierLoads } from "./rekind.ts";
import type { Layout } from "./layout.ts";
import { findLayout } from "./apply_layout.ts";
import { type AppliedLayoutRef, mapTable, recordLayout, withLayout } from "./use_layout.ts";

export type { LoadReport } from "./load_report.ts";

/** Options for {@link loadFile}. */
export interface LoadOptions {
  /** Name recorded for the file (relative to the inbox). */
  fileName: string;
  structureId: string | null;
  /** Force the kind instead of detecting it. */
  kind?: string;
  /** `structureId` was asked for (`--structure`), not taken from the folder: see rekind.ts. */
  structureForced?: boolean;
  loaders: readonly LoaderSpec[];
  context: Omit<LoadContext, "structureId">;
  now: Date;
  /** Told when a table's rows start being written (for progress display). */
  onWrite?: (file: string, sheet: string | null, rows: number) => void;
  /**
   * `true` sends every delimited file of a loader with a SQL twin through the SQL path, `false`
   * none (the reference it is tested against); by default only files of 2 MB or more, below
   * which starting its process costs more than it saves.
   */
  sqlPath?: boolean;
  /** Pseudonymisation key: the SQL path's separate process needs it (no key, no SQL path). */
  key?: Uint8Array;
  /** Told every few thousand rows validated (for a progress bar on long files). */
  onProgress?: (file: string, sheet: string | null, done: number, total: number) => void;
  /** The officer's « correspondances » (src/ingest/layout.ts), applied before detection. */
  layouts?: readonly Layout[];
  /** The correspondance applied to the table being loaded (set by use_layout.ts). */
  layout?: AppliedLayoutRef;
}

/** Hex SHA-256 of the bytes: the identity of a file in the archive and in `loads`. */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Size from which a delimited file goes through the SQL path by default (about 40,000 lines). */
export const SQL_PATH_MIN_BYTES = 2_000_000;

type RowsByTable = Map<string, Map<string, TableRow["row"]>>;

/** Warehouse rows of the valid records, one per key (later duplicates reported, not written). */
function collectRows(
  spec: LoaderSpec,
  validated: ValidatedTable,
  context: LoadContext,
  report: LoadReport,
  headerText: (column: number) => string,
  sheet: string | null = null,
) {
  const byTable: RowsByTable = new Map();
  const primary = Object.keys(spec.tables)[0];
  const headers = Object.fromEntries(
    Object.entries(validated.header.columns).map(([field, index]) => [field, headerText(index)]),
  );
  let skipped = 0;
  for (const { line, record, unknownCells } of validated.records) {
    const produced = spec.toRows(record, context, { unknownCells, headers, sheet });
    if (!produced.some((r) => r.table === primary)) skipped++;
    for (const { table: name, row } of produced) {
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
  if (skipped > 0 && spec.skippedRecords) {
    report.issues.push({
      line: null,
      column: null,
      value: null,
      severity: "avertissement",
      message: spec.skippedRecords(skipped),
    });
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

/** Writes the rows of one load; returns the primary table's rows loaded and replaced. */
type WriteTables = (loadId: number) => Promise<{ loaded: number; replaced: number }>;

/** Writes rows kept in memory, table by table. */
function memoryWriter(conn: DuckDBConnection, spec: LoaderSpec, byTable: RowsByTable): WriteTables {
  return async (loadId) => {
    let loaded = 0;
    let replaced = 0;
    for (const [name, rows] of byTable) {
      const withLoad = [...rows.values()];
      for (const row of withLoad) row.load_id = loadId;
      const result = await writeRows(conn, name, spec.tables[name], withLoad);
      if (name === Object.keys(spec.tables)[0]) {
        loaded = withLoad.length;
        replaced = result.replaced;
      }
    }
    return { loaded, replaced };
  };
}

/**
 * The snapshot rule (`replaceScope`): removes the rows of earlier loads sharing the scope values
 * of this load's rows, marks the loads left empty as replaced; returns the first table's rows
 * removed.
 */
async function replaceSnapshot(
  conn: DuckDBConnection,
  spec: LoaderSpec,
  loadId: number,
  report: LoadReport,
): Promise<number> {
  if (!spec.replaceScope) return 0;
  const [primary, ...others] = Object.keys(spec.tables);
  const same = spec.replaceScope.map((c) => `p.${ident(c)} IS NOT DISTINCT FROM t.${ident(c)}`).join(" AND ");
  const emptied = new Set<number>();
  let removed = 0;
  for (const name of [primary, ...others]) {
    const rows = await queryRows(
      conn,
      `DELETE FROM ${ident(name)} t WHERE t.load_id <> $1
         AND EXISTS (SELECT 1 FROM ${ident(primary)} p WHERE p.load_id = $1 AND ${same})
       RETURNING t.load_id`,
      [loadId],
    );
    if (name === primary) removed = rows.length;
    for (const { load_id } of rows) emptied.add(Number(load_id));
  }
  for (const earlier of [...emptied].sort((a, b) => a - b)) {
    const left = await queryRows(
      conn,
      Object.keys(spec.tables).map((name) => `SELECT 1 FROM ${ident(name)} WHERE load_id = $1`).join(
        " UNION ALL ",
      ),
      [earlier],
    );
    if (left.length > 0) continue;
    await conn.run("UPDATE loads SET superseded_by = $1 WHERE load_id = $2", [loadId, earlier] as never);
    report.superseded.push(earlier);
  }
  return removed;
}

/** Rejects the valid records whose structure id (`spec.structureField`) is not in the registry. */
async function checkStructures(
  conn: DuckDBConnection,
  spec: LoaderSpec,
  validated: ValidatedTable,
  headerText: (column: number) => string,
): Promise<void> {
  const field = spec.structureField;
  if (!field) return;
  const known = new Set(
    (await queryRows(conn, "SELECT structure_id FROM stg_structures")).map((r) => String(r.structure_id)),
  );
  const column = validated.header.columns[field];
  const kept = [];
  for (const record of validated.records) {
    const id = record.record[field];
    if (typeof id !== "string" || known.has(id)) {
      kept.push(record);
      continue;
    }
    validated.rowsRejected++;
    validated.issues.push({
      line: record.line,
      column: column === undefined ? field : headerText(column),
      value: id,
      severity: "erreur",
      message:
        `structure « ${id} » absente du registre des structures : ajoutez-la au registre (structures.csv) ou corrigez l'identifiant`,
    });
  }
  validated.records = kept;
  validated.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Writes one validated sheet (rows, load record, issues) in one transaction. */
async function writeLoad(
  conn: DuckDBConnection,
  spec: LoaderSpec,
  table: { sheet: string | null; encoding: string },
  [periodStart, periodEnd]: [string, string] | [null, null],
  writeTables: WriteTables,
  report: LoadReport,
  now: Date,
  source: "kit" | "export" = "export",
): Promise<void> {
  await inTransaction(conn, async () => {
    const [{ id }] = await queryRows(conn, "SELECT nextval('load_id_seq') AS id");
    const loadId = Number(id);
    report.loadId = loadId;
    const { loaded, replaced } = await writeTables(loadId);
    report.rowsLoaded = loaded;
    report.rowsReplaced = replaced + await replaceSnapshot(conn, spec, loadId, report);
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
        CAST($16 AS DATE), CAST($17 AS DATE), NULL, $18)`,
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
        source,
      ] as never,
    );
    if (report.layout) await recordLayout(conn, loadId, report.layout);
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

/** The loader of a table and its report so far, or the report of a table refused whole. */
function prepareTable(
  table: RawTable,
  hash: string,
  options: LoadOptions,
): { spec: LoaderSpec; header: HeaderMatch; report: LoadReport } | { report: LoadReport } {
  const { fileName } = options;
  const candidates = options.kind ? options.loaders.filter((l) => l.kind === options.kind) : options.loaders;
  const found = detectLoader(candidates, table);
  if (!found) {
    return {
      report: rejectedReport(
        fileName,
        hash,
        unrecognisedMessage(candidates, table, options.kind),
        options.structureId,
        table.sheet,
      ),
    };
  }
  const { spec, header } = found;
  if (spec.needsStructure && !options.structureId) {
    const report = rejectedReport(
      fileName,
      hash,
      `structure inconnue pour ${
        loaderLabel(spec)
      } : déposez le fichier dans data/inbox/<identifiant-structure>/ ou précisez --structure`,
      null,
      table.sheet,
    );
    report.kind = spec.kind;
    report.format = spec.format;
    return { report };
  }
  const report = emptyReport(fileName, hash, table.sheet);
  if (options.layout) report.layout = options.layout;
  report.kind = spec.kind;
  report.format = spec.format;
  report.structureId = spec.needsStructure ? options.structureId : null;
  report.issues.push(...runnerUpIssues(found));
  return { spec, header, report };
}

/** Marks `report` rejected when no row is valid; true when there is something to write. */
function anythingToWrite(report: LoadReport, valid: number): boolean {
  if (valid > 0) return true;
  report.status = "rejected";
  report.issues.push({
    line: null,
    column: null,
    value: null,
    severity: "erreur",
    message: report.rowsRead === 0
      ? "aucune ligne de données sous l'en-tête"
      : "aucune ligne valide : rien n'est chargé",
  });
  return false;
}

/** Loads one table (a CSV, or one sheet of a workbook) through the TypeScript validation. */
async function loadTable(
  conn: DuckDBConnection,
  table: RawTable,
  hash: string,
  options: LoadOptions,
  source: "kit" | "export",
  detection?: RawTable,
): Promise<LoadReport> {
  // A correspondance's renamed headers are for detection; validation reads the user's own.
  const prepared = prepareTable(detection ?? table, hash, options);
  if (!("spec" in prepared)) return prepared.report;
  const { spec, header, report } = prepared;
  report.issues.push(...await plausibilityIssues(conn, spec, options.structureId));
  const { fileName } = options;
  const validated = validateTable(
    spec,
    table,
    header,
    options.onProgress && ((done, total) => options.onProgress!(fileName, table.sheet, done, total)),
  );
  const headerCells = headerTitles(table, header);
  await checkStructures(conn, spec, validated, (column) => String(headerCells[column] ?? "").trim());
  await checkRecords(
    conn,
    spec,
    validated,
    { ...options.context, structureId: report.structureId },
    (column) => String(headerCells[column] ?? "").trim(),
  );
  report.rowsRead = validated.rowsRead;
  report.rowsRejected = validated.rowsRejected;
  report.issues.push(...validated.issues);
  if (spec.fileIssues) {
    const headers: Record<string, string> = {};
    for (const [field, index] of Object.entries(header.columns)) {
      headers[field] = String(headerCells[index] ?? "").trim();
    }
    const said = spec.fileIssues({
      records: validated.records,
      headers,
      headerLine: table.rows[header.index].line,
    });
    report.issues.push(...said.map((i) => ({ ...i, value: null })));
  }
  const byTable = collectRows(
    spec,
    validated,
    { ...options.context, structureId: report.structureId },
    report,
    (column) => String(headerCells[column] ?? "").trim(),
    table.sheet,
  );
  const primaryRows = byTable.get(Object.keys(spec.tables)[0])?.size ?? 0;
  // A loader that may skip valid records (see skippedRecords) has nothing to write without rows.
  if (!anythingToWrite(report, spec.skippedRecords ? primaryRows : validated.records.length)) return report;
  options.onWrite?.(fileName, table.sheet, primaryRows);
  await writeLoad(
    conn,
    spec,
    table,
    periodOf(spec, byTable),
    memoryWriter(conn, spec, byTable),
    report,
    options.now,
    source,
  );
  return report;
}

/**
 * Loads a delimited text through the SQL path when its loader has one (see
 * stage_delimited_sql.ts); null when the file needs the TypeScript reader from the start.
 */
async function loadTextSql(
  conn: DuckDBConnection,
  bytes: Uint8Array,
  key: Uint8Array,
  text: string,
  encoding: string,
  delimiter: string,
  hash: string,
  options: LoadOptions,
): Promise<LoadReport | null> {
  const head: RawTable = { sheet: null, encoding, rows: parseDelimited(headOf(text), delimiter) };
  if (options.layouts && findLayout(options.layouts, head, options.kind)) return null;
  const prepared = prepareTable(head, hash, options);
  if (!("spec" in prepared) || !sqlPathApplies(prepared.spec, text)) return null;
  // A column personal by its content (judged on the first lines) is set aside by the TypeScript path.
  if (findPersonalColumns(prepared.spec, head, prepared.header).length > 0) return null;
  const { spec, header, report } = prepared;
  report.issues.push(...await plausibilityIssues(conn, spec, options.structureId));
  const context = { ...options.context, structureId: report.structureId };
  const headerRow = head.rows[header.index];
  const staged = await stageInChild(conn, bytes, {
    format: spec.format,
    headerLine: headerRow.line,
    columns: header.columns,
    structureId: report.structureId,
  }, key);
  if (!staged) return null;
  try {
    // The other lines go through the same validation as any file, with their own line numbers.
    const rows = [headerRow];
    for (const { line, text } of staged.others) {
      for (const row of parseDelimited(text, delimiter)) rows.push({ line, cells: row.cells });
    }
    const validated = validateTable(spec, { sheet: null, encoding, rows }, { ...header, index: 0 });
    report.rowsRead = staged.rows + validated.rowsRead;
    report.rowsRejected = validated.rowsRejected;
    report.issues.push(...validated.issues);
    const table = Object.keys(spec.tables)[0];
    const extra = validated.records.flatMap(({ line, record }) =>
      spec.toRows(record, context).map(({ row }) => ({ ...row, source_line: line }))
    );
    await appendStaged(conn, staged.columns, extra);
    const key = spec.tables[table];
    for (const { source_line, first } of await duplicateLines(conn, key)) {
      report.rowsDuplicate++;
      report.issues.push({
        line: source_line,
        column: null,
        value: null,
        severity: "avertissement",
        message:
          `ligne en double dans le fichier (même contenu que la ligne ${first}) : comptée une seule fois`,
      });
    }
    if (report.rowsDuplicate > 0) {
      await conn.run(
        `DELETE FROM ${STAGED} WHERE source_line IN (SELECT source_line FROM ${STAGED}
           QUALIFY row_number() OVER (PARTITION BY ${key.map(ident).join(", ")} ORDER BY source_line) > 1)`,
      );
    }
    const valid = staged.rows + extra.length - report.rowsDuplicate;
    if (!anythingToWrite(report, valid)) return report;
    options.onWrite?.(options.fileName, null, valid);
    let period: [string, string] | [null, null] = [null, null];
    if (spec.periodColumn) {
      const [{ first, last }] = await queryRows(
        conn,
        `SELECT CAST(min(${ident(spec.periodColumn)}) AS VARCHAR) AS first,
                CAST(max(${ident(spec.periodColumn)}) AS VARCHAR) AS last FROM ${STAGED}`,
      );
      if (first !== null) period = [String(first), String(last)];
    }
    await writeLoad(
      conn,
      spec,
      { sheet: null, encoding },
      period,
      async (loadId) => {
        const result = await mergeInto(conn, table, key, STAGED, [...staged.columns, "source_line"], {
          load_id: loadId,
        });
        return { loaded: valid, replaced: result.replaced };
      },
      report,
      options.now,
    );
    return report;
  } finally {
    await dropStaged(conn);
  }
}

/** The first lines of a text, enough to find its header (30 rows are searched). */
function headOf(text: string, lines = 40): string {
  let end = 0;
  for (let i = 0; i < lines && end !== -1; i++) end = text.indexOf("\n", end + 1);
  return end === -1 ? text : text.slice(0, end + 1);
}

/** Adds rows built by `toRows` to the SQL path's staged rows. */
async function appendStaged(
  conn: DuckDBConnection,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const all = [...columns, "source_line"];
  const temp = "sqlpath_extra";
  await appendAsText(conn, temp, all, rows);
  const types = await columnTypes(conn, STAGED);
  await conn.run(
    `INSERT INTO ${STAGED} (${all.map(ident).join(", ")})
     SELECT ${all.map((c) => `CAST(${ident(c)} AS ${types.get(c)})`).join(", ")} FROM ${temp}`,
  );
  await conn.run(`DROP TABLE ${temp}`);
}

/** Staged rows whose key came on an earlier line, with that line. */
async function duplicateLines(conn: DuckDBConnection, key: readonly string[]) {
  return (await queryRows(
    conn,
    `SELECT source_line, first FROM (
       SELECT source_line, min(source_line) OVER (PARTITION BY ${key.map(ident).join(", ")}) AS first
       FROM ${STAGED}) WHERE source_line <> first ORDER BY source_line`,
  )).map((r) => ({ source_line: Number(r.source_line), first: Number(r.first) }));
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
  // Bytes loaded under another kind or structure than now asked for are loaded again (rekind.ts).
  const replacing = await loadsToReplace(conn, hash, {
    kind: options.kind,
    structureId: options.structureForced ? options.structureId : null,
  });
  const earlier = await queryRows(conn, "SELECT file_name FROM loaded_files WHERE sha256 = $1", [hash]);
  if (earlier.length > 0 && replacing.length === 0) {
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
  // A workbook interrupted after some sheets is read again for the sheets still missing only.
  const loadedSheets = new Set(
    (await queryRows(conn, "SELECT sheet, load_id FROM loads WHERE sha256 = $1", [hash]))
      .filter((r) => !replacing.some((l) => l.loadId === Number(r.load_id))).map((r) => r.sheet),
  );
  let tables: RawTable[];
  const reports: LoadReport[] = [];
  try {
    if (isWorkbook(fileName)) tables = await readTables(fileName, bytes);
    else {
      const { text, encoding, delimiter } = decodeDelimited(bytes);
      const sqlPath = options.sqlPath ?? bytes.length >= SQL_PATH_MIN_BYTES;
      const bySql = !sqlPath || !options.key || loadedSheets.has(null)
        ? null
        : await loadTextSql(conn, bytes, options.key, text, encoding, delimiter, hash, options);
      if (bySql) reports.push(bySql);
      tables = bySql ? [] : [{ sheet: null, encoding, rows: parseDelimited(text, delimiter) }];
    }
  } catch (error) {
    return [rejectedReport(fileName, hash, (error as Error).message, options.structureId)];
  }
  // A collection-kit template (hidden marker sheet): its instructions, lists and marker are not data.
  const kit = kitMarkerOf(tables);
  if (kit) tables = tables.filter((t) => !KIT_SHEETS.includes(t.sheet ?? ""));
  for (const table of tables) {
    if (loadedSheets.has(table.sheet)) continue;
    if (table.rows.every((r) => r.cells.every((c) => c === null || String(c).trim() === ""))) continue;
    const mapped = await mapTable(conn, table, hash, options);
    if (mapped && "report" in mapped) reports.push(mapped.report);
    else if (mapped) {
      const report = await loadTable(
        conn,
        mapped.table,
        hash,
        mapped.options,
        kit ? "kit" : "export",
        mapped.detection,
      );
      reports.push(withLayout(report, mapped.options.layout!));
    } else reports.push(await loadTable(conn, table, hash, options, kit ? "kit" : "export"));
  }
  if (reports.length === 0 && loadedSheets.size === 0) {
    reports.push(rejectedReport(fileName, hash, "fichier sans aucune donnée", options.structureId));
  }
  if (replacing.length > 0) await replaceEarlierLoads(conn, replacing, reports, options.now);
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
