/**
 * Writes validated rows into one staging table: through a temporary table filled by DuckDB's
 * appender, then `INSERT OR REPLACE` on the table's key, so a re-sent row updates, never doubles.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";

/** How many rows were new and how many replaced an earlier load's row. */
export interface WriteResult {
  inserted: number;
  replaced: number;
}

/**
 * Inserts `rows` (all with the same columns) into `table`, keyed on `key`.
 * Must run inside the caller's transaction.
 */
export async function writeRows(
  conn: DuckDBConnection,
  table: string,
  key: readonly string[],
  rows: readonly Record<string, string | number | boolean | null>[],
): Promise<WriteResult> {
  if (rows.length === 0) return { inserted: 0, replaced: 0 };
  const columns = Object.keys(rows[0]);
  const types = new Map(
    (await queryRows(
      conn,
      "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1",
      [table],
    )).map((r) => [String(r.column_name), String(r.data_type)]),
  );
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const temp = `tmp_${table}`;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${ident(temp)} (${columns.map((c) => `${ident(c)} VARCHAR`).join(", ")})`,
  );
  const appender = await conn.createAppender(temp);
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column];
      if (value === null || value === undefined) appender.appendNull();
      else appender.appendVarchar(String(value));
    }
    appender.endRow();
  }
  appender.closeSync();
  const [{ n }] = await queryRows(
    conn,
    `SELECT count(*) AS n FROM ${ident(table)} t JOIN ${ident(temp)} s ON ${
      key.map((k) => `t.${ident(k)} = CAST(s.${ident(k)} AS ${types.get(k)})`).join(" AND ")
    }`,
  );
  await conn.run(`INSERT OR REPLACE INTO ${ident(table)} (${columns.map(ident).join(", ")})
    SELECT ${columns.map((c) => `CAST(${ident(c)} AS ${types.get(c)})`).join(", ")} FROM ${ident(temp)}`);
  await conn.run(`DROP TABLE ${ident(temp)}`);
  return { inserted: rows.length - Number(n), replaced: Number(n) };
}
