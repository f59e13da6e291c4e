/**
 * Opening the DuckDB warehouse with the settings the project relies on: no extension download
 * (the machines are offline), and file access limited to the folders the pipeline needs.
 *
 * @module
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { dirname } from "node:path";

/** An open warehouse: close it when done so the file is released. */
export interface Warehouse {
  db: DuckDBInstance;
  conn: DuckDBConnection;
  close(): void;
}

/**
 * Opens (creating if needed) the warehouse at `path`, or an in-memory one for `":memory:"`.
 *
 * @example
 * ```ts
 * const wh = await openWarehouse(":memory:");
 * wh.close();
 * ```
 */
export async function openWarehouse(path: string): Promise<Warehouse> {
  if (path !== ":memory:") await Deno.mkdir(dirname(path), { recursive: true });
  const db = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const conn = await db.connect();
  return {
    db,
    conn,
    close() {
      conn.closeSync();
      db.closeSync();
    },
  };
}

/** Runs statements in one transaction: all of them land, or none. */
export async function inTransaction<T>(
  conn: DuckDBConnection,
  work: () => Promise<T>,
): Promise<T> {
  await conn.run("BEGIN TRANSACTION");
  try {
    const result = await work();
    await conn.run("COMMIT");
    return result;
  } catch (error) {
    await conn.run("ROLLBACK");
    throw error;
  }
}

/** Rows of a query as plain objects, counts converted from bigint to number. */
export async function queryRows(
  conn: DuckDBConnection,
  sql: string,
  params: Record<string, unknown> | unknown[] = [],
): Promise<Record<string, unknown>[]> {
  // deno-lint-ignore no-explicit-any
  const reader = await conn.runAndReadAll(sql, params as any);
  return reader.getRowObjectsJS().map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]),
    )
  );
}
