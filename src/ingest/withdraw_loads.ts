/**
 * Withdrawing loads: their rows leave every staging table, their record moves from `loads` to
 * `load_withdrawals` (who, when, why), and their file is forgotten in `loaded_files` so that it
 * can be loaded again. The archive keeps the original. Used by `deno task unload` and by a
 * reload under another kind or structure (rekind.ts). The caller holds the transaction.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { ident } from "./write_rows.ts";

/** One withdrawn load, as reported. */
export interface WithdrawnLoad {
  loadId: number;
  file: string;
  sheet: string | null;
  sha256: string;
  kind: string;
  format: string;
  structureId: string | null;
  /** Rows removed, per staging table (tables without any row of the load are left out). */
  rowsRemoved: Record<string, number>;
}

/** Who withdraws, when and why. */
export interface WithdrawalNote {
  reason: string;
  /** The operator's login ({@link currentUser}). */
  by: string;
  now: Date;
  /** The load that replaces the withdrawn ones (a reload under another kind), if any. */
  replacedBy?: number | null;
}

/** The operator's login as the system knows it (`USER`, else `USERNAME`), or « inconnu ». */
export function currentUser(): string {
  return Deno.env.get("USER") || Deno.env.get("USERNAME") || "inconnu";
}

/**
 * Every staging table holding rows of loads: the `stg_` tables with a `load_id` column. Scanning
 * the catalogue rather than the loader's `spec.tables` also finds the tables a loader writes
 * besides its declared ones (survey answers, SENACS fields left unmapped…).
 */
export async function stagingTablesWithLoads(conn: DuckDBConnection): Promise<string[]> {
  return (await queryRows(
    conn,
    `SELECT DISTINCT c.table_name FROM duckdb_columns() c
       JOIN duckdb_tables() t ON t.table_name = c.table_name AND t.schema_name = c.schema_name
         AND t.database_name = c.database_name
     WHERE c.column_name = 'load_id' AND c.schema_name = 'main' AND NOT t.temporary
       AND c.table_name LIKE 'stg\\_%' ESCAPE '\\'
     ORDER BY c.table_name`,
  )).map((r) => String(r.table_name));
}

/**
 * Withdraws the loads `loadIds` (those not in `loads` are skipped); returns what was removed.
 * Run it inside a transaction: a failure must leave every load as it was.
 */
export async function withdrawLoads(
  conn: DuckDBConnection,
  loadIds: readonly number[],
  note: WithdrawalNote,
): Promise<WithdrawnLoad[]> {
  const tables = await stagingTablesWithLoads(conn);
  const withdrawn: WithdrawnLoad[] = [];
  for (const loadId of [...new Set(loadIds)].sort((a, b) => a - b)) {
    const [load] = await queryRows(
      conn,
      "SELECT kind, format, structure_id, file_name, sheet, sha256 FROM loads WHERE load_id = $1",
      [loadId],
    );
    if (!load) continue;
    const rowsRemoved: Record<string, number> = {};
    for (const table of tables) {
      const removed = await queryRows(
        conn,
        `DELETE FROM ${ident(table)} WHERE load_id = $1 RETURNING 1 AS one`,
        [loadId],
      );
      if (removed.length > 0) rowsRemoved[table] = removed.length;
    }
    const total = Object.values(rowsRemoved).reduce((s, n) => s + n, 0);
    await conn.run(
      `INSERT INTO load_withdrawals
       SELECT load_id, kind, format, structure_id, file_name, sheet, sha256, loaded_at, rows_loaded,
         $2, CAST($3 AS TIMESTAMP), $4, $5, $6
       FROM loads WHERE load_id = $1`,
      [loadId, total, note.now.toISOString(), note.by, note.reason, note.replacedBy ?? null] as never,
    );
    await conn.run("DELETE FROM load_issues WHERE load_id = $1", [loadId] as never);
    await conn.run("DELETE FROM loads WHERE load_id = $1", [loadId] as never);
    // The file can be sent again: it is no longer « déjà chargé ».
    await conn.run("DELETE FROM loaded_files WHERE sha256 = $1", [String(load.sha256)] as never);
    withdrawn.push({
      loadId,
      file: String(load.file_name),
      sheet: load.sheet === null ? null : String(load.sheet),
      sha256: String(load.sha256),
      kind: String(load.kind),
      format: String(load.format),
      structureId: load.structure_id === null ? null : String(load.structure_id),
      rowsRemoved,
    });
  }
  return withdrawn;
}
