/**
 * Reads computed indicator values back from the warehouse, with their catalogue labels, filtered
 * by scope and year (bound parameters: nothing typed by the user is pasted into SQL).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";

/** One value as the command shows it. */
export interface IndicatorValueRow {
  indicator_id: string;
  label: string;
  unit: string;
  stage: string;
  dimension: string;
  scope_level: string;
  scope: string;
  year: number;
  /** NULL when the value must be shown « < 5 » (see `suppressed`) or is missing. */
  value: number | null;
  suppressed: boolean;
  complete: boolean;
  structures_in_scope: number;
  structures_with_data: number;
}

/** Filters of {@link readIndicatorValues}. */
export interface ValueFilter {
  scope?: string;
  year?: number;
  /** Scope levels to keep when no scope is given (default: all). */
  levels?: readonly string[];
}

/**
 * Published values (disclosure applied) in catalogue order.
 *
 * @example
 * ```ts
 * const rows = await readIndicatorValues(conn, { scope: "cooperation", year: 2024 });
 * ```
 */
export async function readIndicatorValues(
  conn: DuckDBConnection,
  filter: ValueFilter = {},
): Promise<IndicatorValueRow[]> {
  const rows = await queryRows(
    conn,
    `SELECT v.indicator_id, c.label, c.unit, c.stage, c.dimension, v.scope_level, v.scope, v.year,
       v.published_value AS value, v.suppressed, v.complete, v.structures_in_scope, v.structures_with_data
     FROM mart_indicator_values v JOIN mart_indicator_catalogue c USING (indicator_id)
     WHERE ($1::VARCHAR IS NULL OR v.scope = $1::VARCHAR)
       AND ($2::INTEGER IS NULL OR v.year = $2::INTEGER)
       AND ($3::VARCHAR[] IS NULL OR v.scope_level = ANY($3::VARCHAR[]))
     ORDER BY c.position, array_position(['structure', 'cooperation', 'cluster', 'departement'], v.scope_level),
       v.scope, v.year`,
    // deno-lint-ignore no-explicit-any
    [filter.scope ?? null, filter.year ?? null, filter.scope ? null : (filter.levels ?? null)] as any,
  );
  return rows as unknown as IndicatorValueRow[];
}
