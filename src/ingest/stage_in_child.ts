/**
 * Runs the SQL path's staging in a separate process (see stage_child.ts) and brings its rows,
 * typed and pseudonymised, into a temporary table of the warehouse's connection.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";
import type { StageRequest, StageResult } from "./stage_child.ts";
import { STAGED, type Staged } from "./stage_delimited_sql.ts";

const CHILD = join(PROJECT_ROOT, "src", "ingest", "stage_child.ts");

/** Highest peak memory of a staging process in this run, bytes (read by the benchmark). */
export let childPeakRss = 0;

/**
 * Stages `bytes` (a whole delimited export) for the loader of `format`; null when the file needs
 * the TypeScript reader (a quoted line break). Throws with the child's message if it fails.
 */
export async function stageInChild(
  conn: DuckDBConnection,
  bytes: Uint8Array,
  request: Omit<StageRequest, "outDir" | "key">,
  key: Uint8Array,
): Promise<Staged | null> {
  const outDir = await Deno.makeTempDir({ prefix: "observatoire-stage-" });
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--quiet", "--config", join(PROJECT_ROOT, "deno.json"), CHILD],
      cwd: PROJECT_ROOT,
      env: { DENO_NO_UPDATE_CHECK: "1" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const full: StageRequest = {
      ...request,
      outDir,
      key: Array.from(key, (b) => b.toString(16).padStart(2, "0")).join(""),
    };
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(JSON.stringify(full) + "\n"));
    await writer.write(bytes);
    await writer.close();
    const { success, stdout, stderr } = await child.output();
    if (!success) {
      const detail = new TextDecoder().decode(stderr).trim().split("\n").slice(-3).join(" ");
      throw new Error(`lecture du fichier par DuckDB impossible : ${detail}`);
    }
    const result: StageResult = JSON.parse(new TextDecoder().decode(stdout));
    childPeakRss = Math.max(childPeakRss, result.peakRss);
    if (!result.staged) return null;
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${STAGED} AS SELECT * FROM read_parquet($1)`,
      [join(outDir, "rows.parquet")] as never,
    );
    return { rows: result.rows, others: result.others, columns: result.columns };
  } finally {
    await Deno.remove(outDir, { recursive: true }).catch(() => {});
  }
}
