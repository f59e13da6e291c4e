/**
 * Writes computed rows into a mart table with the DuckDB appender (typed values, no SQL text
 * built from data).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";

/** Column types the marts of this module use. */
export type ColumnType = "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN";

/** A cell: null is written as SQL NULL. */
export type Cell = string | number | boolean | null;

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Creates (or replaces) `table` with `columns` and appends `rows` (cells in column order).
 *
 * @example
 * ```ts
 * await replaceTable(conn, "mart_demo", [["year", "INTEGER"], ["share", "DOUBLE"]], [[2024, 0.5]]);
 * ```
 */
export async function replaceTable(
  conn: DuckDBConnection,
  table: string,
  columns: readonly (readonly [string, ColumnType])[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  for (const name of [table, ...columns.map((c) => c[0])]) {
    if (!NAME.test(name)) throw new Error(`nom de table ou de colonne invalide : « ${name} »`);
  }
  await conn.run(
    `CREATE OR REPLACE TABLE ${table} (${columns.map(([name, type]) => `${name} ${type}`).join(", ")})`,
  );
  if (rows.length === 0) return;
  const appender = await conn.createAppender(table);
  try {
    for (const row of rows) {
      if (row.length !== columns.length) {
        throw new Error(`${table} : ${row.length} valeurs pour ${columns.length} colonnes`);
      }
      row.forEach((cell, i) => {
        const type = columns[i][1];
        if (cell === null || (typeof cell === "number" && !Number.isFinite(cell))) appender.appendNull();
        else if (type === "VARCHAR") appender.appendVarchar(String(cell));
        else if (type === "INTEGER") appender.appendInteger(Number(cell));
        else if (type === "DOUBLE") appender.appendDouble(Number(cell));
        else appender.appendBoolean(Boolean(cell));
      });
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
