/**
 * Creates the warehouse tables if they do not exist yet (idempotent).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";

const SCHEMA = new URL("./sql/schema.sql", import.meta.url);

/** Applies `sql/schema.sql`. */
export async function ensureSchema(conn: DuckDBConnection): Promise<void> {
  await conn.run(await Deno.readTextFile(SCHEMA));
}
