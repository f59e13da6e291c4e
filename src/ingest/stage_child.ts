/**
 * The separate process of the SQL path: reads one delimited export from stdin (a JSON request
 * line, then the file's bytes), stages it in an in-memory DuckDB (see stage_delimited_sql.ts),
 * writes the typed, pseudonymised rows to a Parquet file and prints a JSON summary.
 *
 * Why a process: DuckDB writes the unused tail of its storage blocks as they are in memory
 * (duckdb/duckdb#23382), so raw text that went through DuckDB in the warehouse's process can
 * reappear, in fragments, inside the warehouse file. The raw lines therefore only ever meet
 * DuckDB here, in a process that never opens the warehouse.
 *
 * @module
 */
import { join } from "node:path";
import { LOADERS } from "../../loaders/mod.ts";
import { pseudonym } from "../privacy/pseudonymise.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { ensureSchema } from "../warehouse/schema.ts";
import { decodeDelimited } from "./read_tables.ts";
import { STAGED, stageDelimited } from "./stage_delimited_sql.ts";
import type { SqlPath } from "./loader_spec.ts";

/** What the parent sends on the first line of stdin. */
export interface StageRequest {
  format: string;
  headerLine: number;
  columns: Record<string, number>;
  structureId: string | null;
  /** Pseudonymisation key, hex. */
  key: string;
  /** Private folder where `rows.parquet` is written. */
  outDir: string;
}

/** What the child prints on stdout. */
export interface StageResult {
  staged: boolean;
  rows: number;
  others: { line: number; text: string }[];
  columns: string[];
  /** Peak resident memory of the child, bytes (for the benchmark). */
  peakRss: number;
}

function peakRss(): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(Deno.readTextFileSync("/proc/self/status"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

if (import.meta.main) {
  const input = new Uint8Array(await new Response(Deno.stdin.readable).arrayBuffer());
  const end = input.indexOf(10);
  const request: StageRequest = JSON.parse(new TextDecoder().decode(input.subarray(0, end)));
  const spec = LOADERS.find((l) => l.format === request.format && l.sql);
  if (!spec) throw new Error(`format sans chemin SQL : ${request.format}`);
  const key = new Uint8Array(request.key.match(/../g)!.map((h) => parseInt(h, 16)));
  const { text, delimiter } = decodeDelimited(input.subarray(end + 1));
  const wh = await openWarehouse(":memory:");
  let result: StageResult;
  try {
    await ensureSchema(wh.conn);
    const staged = await stageDelimited(
      wh.conn,
      spec as typeof spec & { sql: SqlPath },
      text,
      delimiter,
      request.headerLine,
      request.columns,
      request.structureId,
      // Called once per distinct value (the staging selects them DISTINCT): no memo needed.
      (parts) => pseudonym(key, parts),
    );
    if (staged) {
      await wh.conn.run(`COPY ${STAGED} TO '${join(request.outDir, "rows.parquet").replaceAll("'", "''")}'
        (FORMAT parquet, COMPRESSION uncompressed)`);
    }
    result = {
      staged: staged !== null,
      rows: staged?.rows ?? 0,
      others: staged?.others ?? [],
      columns: staged?.columns ?? [],
      peakRss: peakRss(),
    };
  } finally {
    wh.close();
  }
  await Deno.stdout.write(new TextEncoder().encode(JSON.stringify(result)));
}
