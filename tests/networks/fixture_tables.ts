/**
 * Test support: an in-memory warehouse with the staging tables, filled from small `;` CSV
 * fixtures (header = column names, empty cell = NULL) with parameterised INSERTs.
 */
import { openWarehouse, queryRows, type Warehouse } from "../../src/warehouse/connect.ts";
import { ensureSchema } from "../../src/warehouse/schema.ts";
import { parseDelimited } from "../../src/read/parse_delimited.ts";

/** Folder of the network fixtures. */
export const FIXTURES = new URL("../fixtures/networks/", import.meta.url);

/** Inserts the rows of `tests/fixtures/networks/<file>` into `table` (load_id 0, source_line = line). */
export async function insertFixture(wh: Warehouse, table: string, file: string): Promise<number> {
  const rows = parseDelimited(await Deno.readTextFile(new URL(file, FIXTURES)), ";")
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  const header = rows[0].cells;
  const columns = [...header, "load_id", "source_line"];
  const sql = `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
  for (const row of rows.slice(1)) {
    const values = header.map((_, i) => (row.cells[i] ?? "") === "" ? null : row.cells[i]);
    await wh.conn.run(sql, [...values, 0, row.line] as never);
  }
  return rows.length - 1;
}

/** Runs `work` on a fresh in-memory warehouse with the staging tables. */
export async function withWarehouse(work: (wh: Warehouse) => Promise<void>): Promise<void> {
  const wh = await openWarehouse(":memory:");
  try {
    await ensureSchema(wh.conn);
    await work(wh);
  } finally {
    wh.close();
  }
}

/** Rows of a query, as plain objects. */
export function rows(wh: Warehouse, sql: string): Promise<Record<string, unknown>[]> {
  return queryRows(wh.conn, sql);
}
