/**
 * What a volunteer count above the structure counts. Volunteers are linked across structures
 * only when their log gives a birth date (`stg_volunteering.volunteer_key`); otherwise each
 * structure's pseudonym counts apart, and a volunteer of two structures counts twice. Where that
 * can happen, the published unit of the volunteer counts is « bénévoles × structures » instead of
 * the catalogue's « personnes » (view `ind_volunteer_count_unit`, one unit per scope for all
 * years). Structure level: always the catalogue unit.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";

/** The unit of a volunteer count where a volunteer of two structures may count twice. */
export const VOLUNTEERS_BY_STRUCTURE = "bénévoles × structures";

/** Indicators that count volunteers (distinct `volunteer_key`), whose unit depends on the linkage. */
export const VOLUNTEER_COUNT_INDICATORS: readonly string[] = ["benevoles_actifs", "benevoles_gouvernance"];

/**
 * Scopes above the structure ('cooperation', 'cluster', 'departement') whose volunteer counts are
 * « bénévoles × structures », mapped to that unit. Empty when the indicator views are not built.
 *
 * @example
 * ```ts
 * (await volunteerCountUnits(conn)).get("cooperation") // "bénévoles × structures" or undefined
 * ```
 */
export async function volunteerCountUnits(conn: DuckDBConnection): Promise<Map<string, string>> {
  const rows = await queryRows(
    conn,
    "SELECT scope, unit FROM ind_volunteer_count_unit WHERE unit IS NOT NULL",
  )
    .catch(() => [] as Record<string, unknown>[]);
  return new Map(rows.map((r) => [String(r.scope), String(r.unit)]));
}

/**
 * The catalogue entries of one scope with the volunteer counts' unit replaced where the count is
 * per structure (the other entries unchanged).
 */
export function withVolunteerUnits<T extends { id: string; unit: string }>(
  entries: T[],
  scope: string,
  units: Map<string, string>,
): T[] {
  const unit = units.get(scope);
  if (!unit) return entries;
  return entries.map((e) => VOLUNTEER_COUNT_INDICATORS.includes(e.id) ? { ...e, unit } : e);
}

/**
 * The per-scope units for the pages that show every scope from one catalogue
 * (`{indicator id: {scope: unit}}`, only where the unit differs from the catalogue's).
 */
export function volunteerUnitOverrides(units: Map<string, string>): Record<string, Record<string, string>> {
  if (units.size === 0) return {};
  const byScope = Object.fromEntries(units);
  return Object.fromEntries(VOLUNTEER_COUNT_INDICATORS.map((id) => [id, byScope]));
}
