/**
 * The report of one file (or one sheet of a workbook): the contract `deno task ingest --json`
 * prints, and what the human summary and the data-quality page are made from.
 *
 * @module
 */
import type { Issue } from "./validate_table.ts";

/**
 * `loaded`: every row loaded; `partial`: some rows rejected, the others loaded; `unchanged`:
 * the same bytes were loaded before; `rejected`: nothing loaded (unreadable, unknown kind…).
 */
export type LoadStatus = "loaded" | "partial" | "unchanged" | "rejected";

/** What happened to one file or sheet. */
export interface LoadReport {
  file: string;
  sha256: string | null;
  sheet: string | null;
  kind: string | null;
  format: string | null;
  structureId: string | null;
  status: LoadStatus;
  loadId: number | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsDuplicate: number;
  rowsReplaced: number;
  /** Earlier loads whose rows this one replaced (same structure, format and period). */
  superseded: number[];
  issues: Issue[];
  /** The « correspondance » applied to the table (src/ingest/layout.ts), if any. */
  layout?: { file: string; sha256: string };
}

/** A report with nothing loaded yet. */
export function emptyReport(file: string, sha256: string | null, sheet: string | null = null): LoadReport {
  return {
    file,
    sha256,
    sheet,
    kind: null,
    format: null,
    structureId: null,
    status: "loaded",
    loadId: null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsDuplicate: 0,
    rowsReplaced: 0,
    superseded: [],
    issues: [],
  };
}

/**
 * A file refused as a whole, with the French reason.
 *
 * @example
 * ```ts
 * rejectedReport("ors/x.ods", null, "format « .ods » non pris en charge").status // "rejected"
 * ```
 */
export function rejectedReport(
  file: string,
  sha256: string | null,
  message: string,
  structureId: string | null = null,
  sheet: string | null = null,
): LoadReport {
  const report = emptyReport(file, sha256, sheet);
  report.status = "rejected";
  report.structureId = structureId;
  report.issues.push({ line: null, column: null, value: null, severity: "erreur", message });
  return report;
}

/** The `--json` object: one entry per file or sheet, and totals. */
export function reportJson(reports: LoadReport[]): Record<string, unknown> {
  const issue = (i: Issue) => ({ line: i.line, column: i.column, value: i.value, message: i.message });
  return {
    files: reports.map((r) => ({
      path: r.file,
      sheet: r.sheet,
      sha256: r.sha256,
      kind: r.kind,
      format: r.format,
      structure: r.structureId,
      status: r.status,
      load_id: r.loadId,
      rows_read: r.rowsRead,
      rows_loaded: r.rowsLoaded,
      rows_rejected: r.rowsRejected,
      rows_duplicate: r.rowsDuplicate,
      rows_replaced: r.rowsReplaced,
      superseded_loads: r.superseded,
      layout: r.layout?.file ?? null,
      errors: r.issues.filter((i) => i.severity === "erreur").map(issue),
      warnings: r.issues.filter((i) => i.severity === "avertissement").map(issue),
    })),
    totals: {
      files: new Set(reports.map((r) => r.file)).size,
      rows_loaded: reports.reduce((s, r) => s + r.rowsLoaded, 0),
      rows_rejected: reports.reduce((s, r) => s + r.rowsRejected, 0),
    },
  };
}
