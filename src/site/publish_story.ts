/**
 * The value-chain story of one scope (a structure or La Coopération), as page data: every
 * catalogue indicator that has a value there, year by year, with its completeness, the « < 5 »
 * decision of the indicator marts, and the change since the 2017–2018 baseline. Suppressed values
 * are published as `null` with `s: true`, never as a number; neither is a change computed on one.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { EXPORT_COUNT } from "./exports_summary.ts";
import { volunteerCountUnits, withVolunteerUnits } from "../volunteering/count_unit.ts";

/** One indicator as the pages describe it (from `mart_indicator_catalogue`). */
export interface StoryIndicator {
  id: string;
  label: string;
  definition: string;
  unit: string;
  stage: string;
  dimension: string;
  target: string;
  direction: string;
  disclosure: string;
}

/**
 * One value: indicator `i`, year `y`, published value `v` (null when suppressed: `s`), whether
 * every structure of the scope sent the sources (`c`), how many did (`w`) out of `n`, and for a
 * share of people its published numerator `k` (only when the share itself is published).
 */
export interface StoryValue {
  i: string;
  y: number;
  v: number | null;
  s: boolean;
  c: boolean;
  w: number;
  n: number;
  k?: number;
}

/** Change since the baseline: `b` baseline (mean of 2017 and 2018 available), `d` absolute, `r` relative, `t` trend. */
export interface StoryChange {
  i: string;
  y: number;
  b: number;
  years: number[];
  d: number;
  r: number | null;
  t: string;
}

/** The story of one scope. */
export interface Story {
  /** The scope's id (« cooperation », « ors »…): the pages tag each value with it (`data-scope`). */
  scope?: string;
  indicators: StoryIndicator[];
  values: StoryValue[];
  changes: StoryChange[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Reads the indicator marts for `scopeLevel`/`scope` and returns the published story. Only
 * indicators with at least one row for the scope are listed (a structure that never sent its
 * accounts has no budget line, not a zero).
 *
 * @example
 * ```ts
 * const story = await publishStory(conn, "cooperation", "cooperation");
 * ```
 */
export async function publishStory(
  conn: DuckDBConnection,
  scopeLevel: string,
  scope: string,
): Promise<Story> {
  const listed = (await queryRows(
    conn,
    `SELECT indicator_id AS id, label, definition, unit, stage, dimension, target, direction, disclosure
     FROM mart_indicator_catalogue c
     WHERE EXISTS (SELECT 1 FROM mart_indicator_values v
       WHERE v.indicator_id = c.indicator_id AND v.scope_level = $1 AND v.scope = $2)
     ORDER BY position`,
    [scopeLevel, scope] as never,
  )) as unknown as StoryIndicator[];
  // Above the structure, unlinked volunteers count once per structure: say so in the unit.
  const indicators = scopeLevel === "structure"
    ? listed
    : withVolunteerUnits(listed, scope, await volunteerCountUnits(conn));
  const values = (await queryRows(
    conn,
    `SELECT v.indicator_id AS i, v.year AS y, v.published_value AS v, v.suppressed AS s, v.complete AS c,
       v.structures_with_data AS w, v.structures_in_scope AS n,
       CASE WHEN c.disclosure = 'taux_personnes' AND NOT v.suppressed THEN v.numerator END AS k
     FROM mart_indicator_values v JOIN mart_indicator_catalogue c USING (indicator_id)
     WHERE v.scope_level = $1 AND v.scope = $2 AND (v.value IS NOT NULL OR v.suppressed)
     ORDER BY c.position, v.year`,
    [scopeLevel, scope] as never,
  )).map((r) => {
    const out: StoryValue = {
      i: String(r.i),
      y: Number(r.y),
      v: r.v === null ? null : round(Number(r.v)),
      s: Boolean(r.s),
      c: Boolean(r.c),
      w: Number(r.w),
      n: Number(r.n),
    };
    if (r.k !== null && r.k !== undefined) out.k = Number(r.k);
    return out;
  });
  const changes = (await queryRows(
    conn,
    `SELECT b.indicator_id AS i, b.year AS y, b.baseline AS b, b.baseline_years AS years, b.change_abs AS d,
       b.change_rel AS r, b.trend AS t
     FROM mart_indicator_baseline b JOIN mart_indicator_catalogue c USING (indicator_id)
     WHERE b.scope_level = $1 AND b.scope = $2 AND NOT b.suppressed
     ORDER BY c.position, b.year`,
    [scopeLevel, scope] as never,
  )).map((r) => ({
    i: String(r.i),
    y: Number(r.y),
    b: round(Number(r.b)),
    years: (r.years as unknown[]).map(Number),
    d: round(Number(r.d)),
    r: r.r === null ? null : round(Number(r.r)),
    t: String(r.t),
  }));
  return { scope, indicators, values, changes };
}

/**
 * The latest export of each kind a structure sent: number of files, last load date, and the
 * period its rows cover (first to last month, when the kind has dates). Months, not days: a
 * published day could coincide with someone's birth date.
 */
export async function publishFreshness(
  conn: DuckDBConnection,
  structureIds?: string[],
): Promise<Record<string, unknown>[]> {
  const rows = await queryRows(
    conn,
    `SELECT structure_id, kind, ${EXPORT_COUNT} AS files, sum(rows_loaded) AS rows_loaded,
       strftime(max(loaded_at), '%Y-%m-%d') AS last_loaded,
       strftime(min(period_start), '%Y-%m') AS period_start,
       strftime(max(period_end), '%Y-%m') AS period_end
     FROM loads WHERE superseded_by IS NULL AND structure_id IS NOT NULL
     GROUP BY ALL ORDER BY structure_id, kind`,
  );
  return structureIds ? rows.filter((r) => structureIds.includes(String(r.structure_id))) : rows;
}
