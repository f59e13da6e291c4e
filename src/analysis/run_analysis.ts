/**
 * Runs an officer's analysis query against the warehouse and prints its protected result as JSON
 * on stdout — the body of a Framework data loader next to the analysis page:
 *
 * ```ts
 * // pages/analyses/reviennent-ils.json.ts
 * import { runAnalysis } from "../../src/analysis/run_analysis.ts";
 * await runAnalysis(new URL("./reviennent-ils.sql", import.meta.url), { counts: ["revenants", "cohorte"] });
 * ```
 *
 * Only the protected result leaves this process: the query's person-level rows stay in memory. A
 * refused result prints a French message on stderr and exits with code 1, so Framework writes
 * nothing under pages/ and the build stops.
 *
 * @module
 */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { warehousePath } from "../paths.ts";
import { queryRows } from "../warehouse/connect.ts";
import { AnalysisSpec } from "./analysis_spec.ts";
import { protectResult } from "./protect_result.ts";
import { AnalysisRefused, refuseResult } from "./refuse_result.ts";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";

/** What the page receives. */
export interface PublishedAnalysis {
  columns: { name: string; label: string; role: "dimension" | "count" | "share" }[];
  rows: Record<string, unknown>[];
  masked: number;
  threshold: number;
}

/** Dates as ISO days, everything else as is: JSON for the page. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === "object") return String(value);
  return value;
}

/** Runs `sql` on the warehouse at `path` (read only) and returns its rows. */
export async function queryWarehouse(
  sql: string,
  path = warehousePath(),
): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(path, {
    access_mode: "READ_ONLY",
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const conn = await db.connect();
  try {
    return (await queryRows(conn, sql)).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))
    );
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/**
 * Whether the warehouse holds no load yet: absent file, or a `loads` table without a row. A
 * warehouse without that table (one written by hand for a test) is queried as it is.
 */
export async function warehouseIsEmpty(path = warehousePath()): Promise<boolean> {
  if (!(await Deno.stat(path).then(() => true, () => false))) return true;
  const loads = await queryWarehouse("SELECT count(*) AS n FROM loads", path).catch(() => null);
  return loads !== null && Number(loads[0]?.n ?? 0) === 0;
}

/**
 * The protected, publishable form of a query's rows; throws {@link AnalysisRefused}.
 *
 * @example
 * ```ts
 * publishAnalysis([{ annee: 2023, personnes: 40 }, { annee: 2024, personnes: 3 }], { counts: ["personnes"] }, "q.sql")
 * // personnes: null and null — 3 is small, and 40 would give it away from the two years' total
 * ```
 */
export function publishAnalysis(
  rows: readonly Record<string, unknown>[],
  specInput: unknown,
  source: string,
  threshold = DEFAULT_THRESHOLD,
): PublishedAnalysis {
  const spec = AnalysisSpec.parse(specInput);
  refuseResult(rows, spec, source);
  const result = protectResult(rows, spec, threshold);
  const names = [...new Set([...(rows.length ? Object.keys(rows[0]) : []), ...Object.keys(spec.shares)])];
  return {
    columns: names.map((name) => ({
      name,
      label: spec.labels[name] ?? name,
      role: name in spec.shares ? "share" : spec.counts.includes(name) ? "count" : "dimension",
    })),
    rows: result.rows,
    masked: result.masked.length,
    threshold,
  };
}

/** Reads the query file, runs it, protects the result and prints it; exits 1 when refused. */
export async function runAnalysis(query: URL | string, spec: unknown): Promise<void> {
  const path = query instanceof URL ? fileURLToPath(query) : query;
  const source = basename(path);
  try {
    const sql = await Deno.readTextFile(path);
    // Nothing loaded yet (a fresh checkout, an empty inbox): an empty result, and the page says so.
    const rows = await warehouseIsEmpty() ? [] : await queryWarehouse(sql);
    console.log(JSON.stringify(publishAnalysis(rows, spec, source)));
  } catch (error) {
    const message = error instanceof AnalysisRefused
      ? error.message
      : `${source} : la requête a échoué : ${error instanceof Error ? error.message : String(error)}`;
    console.error(`Analyse refusée — ${message}`);
    Deno.exit(1);
  }
}
