/**
 * Publishes the indicator values shared by « Chaîne de valeur » and « Socle commun »: the
 * catalogue (without SQL), the scopes of every level, one compact row per indicator, scope and
 * year, and the 2017–2018 baseline. Values hidden by the disclosure rule are published as null
 * with a flag, never as a number; a scope-year without data has no row (missing is not zero).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { BASELINE_YEARS } from "../indicators/build_marts.ts";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { volunteerCountUnits, volunteerUnitOverrides } from "../volunteering/count_unit.ts";

/** Names shown for the levels above the structures. */
export const LEVEL_SCOPES = [
  { id: "cooperation", level: "cooperation", name: "La Coopération (4 structures)" },
  { id: "cluster", level: "cluster", name: "Cluster (Valence Romans Agglo)" },
  { id: "departement", level: "departement", name: "Département de la Drôme" },
] as const;

/**
 * A value trimmed for publication to 6 decimals: far below the precision of every display rule
 * (pages/components/value_format.js), so the page rounds the mart's value once. Rounding shares
 * to 4 decimals here rounded twice: 0,097470 → 0,0975 read « 9,8 % » on Chaîne de valeur and
 * « 9,7 % » on La Coopération (issue 14).
 *
 * @example
 * roundValue(1515781.3199999977) // 1515781.32
 * roundValue(0.09747014072005689) // 0.09747 (9,7 %)
 */
export function roundValue(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Number(value.toFixed(6));
}

/** The catalogue as the pages need it (the SQL stays on the Méthodologie page). */
export async function catalogueRows(conn: DuckDBConnection): Promise<Record<string, unknown>[]> {
  return (await queryRows(
    conn,
    `SELECT indicator_id AS id, label, definition, unit, stage, dimension, target, question,
       iso_subject, iso_issue, direction, disclosure, sources, sql_file
     FROM mart_indicator_catalogue ORDER BY position`,
  )).map((r) => ({ ...r, sources: Array.from(r.sources as Iterable<string>) }));
}

/** The structures of the registry, the Coopération's first. */
export async function structureRows(conn: DuckDBConnection): Promise<Record<string, unknown>[]> {
  return await queryRows(
    conn,
    `SELECT structure_id AS id, name, structure_type AS type, commune, insee_code AS insee,
       coalesce(in_cooperation, false) AS in_cooperation, coalesce(in_cluster, false) AS in_cluster
     FROM stg_structures
     ORDER BY NOT coalesce(in_cooperation, false), CASE structure_type WHEN 'EVS' THEN 1 ELSE 0 END, name`,
  );
}

/**
 * Everything « Chaîne de valeur » and « Socle commun » need. `values` rows are
 * `[indicator index, scope, year, value or null, hidden (1/0), structures with data, structures in scope]`;
 * `units` gives the unit of a scope where it differs from the catalogue's;
 * `baseline` rows are `[indicator index, scope, baseline or null, hidden (1/0), years]`.
 */
export async function publishIndicators(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const catalogue = (await catalogueRows(conn)).map(({ sql_file: _, definition: __, ...rest }) => rest);
  const index = new Map(catalogue.map((c, i) => [String(c.id), i]));
  const values = (await queryRows(
    conn,
    `SELECT indicator_id, scope, year, published_value, suppressed, structures_with_data, structures_in_scope
     FROM mart_indicator_values ORDER BY indicator_id, scope_level, scope, year`,
  )).filter((r) => index.has(String(r.indicator_id))).map((r) => [
    index.get(String(r.indicator_id)),
    String(r.scope),
    Number(r.year),
    r.suppressed ? null : roundValue(r.published_value === null ? null : Number(r.published_value)),
    r.suppressed ? 1 : 0,
    Number(r.structures_with_data),
    Number(r.structures_in_scope),
  ]);
  // The baseline as mart_indicator_baseline computes it (mean of the baseline years present); a
  // mean over small counts could reveal them: hidden when any baseline year is.
  const baseline = (await queryRows(
    conn,
    `SELECT indicator_id, scope, avg(value) AS baseline, bool_or(suppressed) AS hidden,
       list(year ORDER BY year) AS years
     FROM mart_indicator_values WHERE year BETWEEN $1 AND $2 AND value IS NOT NULL
     GROUP BY indicator_id, scope ORDER BY indicator_id, scope`,
    [...BASELINE_YEARS],
  )).filter((r) => index.has(String(r.indicator_id))).map((r) => [
    index.get(String(r.indicator_id)),
    String(r.scope),
    r.hidden ? null : roundValue(Number(r.baseline)),
    r.hidden ? 1 : 0,
    Array.from(r.years as Iterable<number>).map(Number),
  ]);
  const years = (await queryRows(conn, "SELECT DISTINCT year FROM mart_indicator_values ORDER BY year"))
    .map((r) => Number(r.year));
  return {
    threshold,
    baselineYears: BASELINE_YEARS,
    years,
    structures: await structureRows(conn),
    levels: LEVEL_SCOPES,
    catalogue,
    // {indicator id: {scope: unit}} where a scope's unit differs from the catalogue's (volunteers
    // counted once per structure: « bénévoles × structures »).
    units: volunteerUnitOverrides(await volunteerCountUnits(conn)),
    values,
    baseline,
  };
}
