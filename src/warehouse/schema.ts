/**
 * Creates the warehouse tables if they do not exist yet (idempotent), and refuses a warehouse
 * made by an incompatible version of the schema.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "./connect.ts";

const SCHEMA = new URL("./sql/schema.sql", import.meta.url);
const STAGING = new URL("../../loaders/sql/", import.meta.url);
const ACTIVITY_YEARS = new URL("./sql/activity_years.sql", import.meta.url);

/**
 * Load bookkeeping, then every staging table declared beside the loaders (`loaders/sql/*.sql`),
 * then the shared views over them (`sql/activity_years.sql`).
 */
async function schemaSql(): Promise<string> {
  const parts = [await Deno.readTextFile(SCHEMA)];
  const names: string[] = [];
  for await (const entry of Deno.readDir(STAGING)) if (entry.name.endsWith(".sql")) names.push(entry.name);
  for (const name of names.sort()) parts.push(await Deno.readTextFile(new URL(name, STAGING)));
  // Views over the staging tables that several marts share.
  parts.push(await Deno.readTextFile(ACTIVITY_YEARS));
  return parts.join("\n");
}

/** Bumped whenever `sql/schema.sql` changes a table that already exists. */
export const SCHEMA_VERSION = 8;

/** Applies `sql/schema.sql`. */
export async function ensureSchema(conn: DuckDBConnection): Promise<void> {
  const tables = new Set(
    (await queryRows(conn, "SELECT table_name FROM duckdb_tables()")).map((r) => String(r.table_name)),
  );
  const fresh = !tables.has("loads");
  if (!fresh) {
    const version = tables.has("schema_version")
      ? Number((await queryRows(conn, "SELECT max(version) AS v FROM schema_version"))[0].v ?? 0)
      : 0;
    if (version !== SCHEMA_VERSION) {
      throw new Error(
        "L'entrepôt a été créé par une autre version de l'observatoire. Supprimez le fichier de l'entrepôt " +
          "(data/warehouse/) puis relancez le chargement : les exports originaux sont conservés dans l'archive.",
      );
    }
  }
  await conn.run(await schemaSql());
  if (fresh) await conn.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION})`);
}
