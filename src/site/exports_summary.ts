/**
 * One definition of « export » for every page: a file a structure sent, whatever the number of
 * sheets it holds (a workbook with one sheet per year is one export), counting only the files
 * still in use (a corrected export replaces the previous one). The home page, the footer of
 * every page and « Qualité des données » all count them here, and all list the exports still
 * expected from each structure with the same rule.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";

/** SQL expression counting exports (distinct files) over rows of `loads`. */
export const EXPORT_COUNT = "count(DISTINCT sha256)";

/** Kinds of export every structure is expected to send, in the order the pages list them. */
export const EXPECTED_KINDS = ["attendance", "people", "volunteering", "finances", "partnerships"] as const;

/** Number of exports (distinct files) in use in the warehouse. */
export async function countExports(conn: DuckDBConnection): Promise<number> {
  const [row] = await queryRows(
    conn,
    `SELECT ${EXPORT_COUNT} AS files FROM loads WHERE superseded_by IS NULL`,
  );
  return Number(row?.files ?? 0);
}

/**
 * For each structure of `structureIds`, the expected kinds of export it has not sent (no file
 * of that kind in use), in the order of EXPECTED_KINDS; structures with nothing missing are left out.
 */
export async function missingExports(
  conn: DuckDBConnection,
  structureIds: readonly string[],
): Promise<{ structure_id: string; kinds: string[] }[]> {
  const received = new Set(
    (await queryRows(
      conn,
      `SELECT DISTINCT structure_id, kind FROM loads WHERE superseded_by IS NULL AND structure_id IS NOT NULL`,
    )).map((r) => `${r.structure_id}|${r.kind}`),
  );
  return structureIds
    .map((id) => ({ structure_id: id, kinds: EXPECTED_KINDS.filter((k) => !received.has(`${id}|${k}`)) }))
    .filter((m) => m.kinds.length > 0);
}
