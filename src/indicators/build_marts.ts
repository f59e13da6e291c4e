/**
 * Computes every catalogue indicator into the indicator marts, after the other marts:
 *
 * - `mart_indicator_catalogue`: the catalogue as loaded (one row per valid indicator);
 * - `mart_indicator_values(indicator_id, scope_level, scope, year, value, numerator,
 *   denominator, structures_in_scope, structures_with_data, complete, suppressed,
 *   published_value)`: one row per scope and year the indicator's SQL returned; a scope-year
 *   without source rows has no row (missing is never 0). `complete` says whether every structure
 *   of the scope sent every required source that year; `suppressed` whether the value must be
 *   shown « < 5 » under the indicator's disclosure rule (`published_value` is then NULL);
 * - `mart_indicator_baseline`: the 2017–2018 baseline (mean of the years available) and each
 *   later year's change, absolute and relative, read in the indicator's direction;
 * - `mart_indicator_lineage(indicator_id, scope_level, scope, year, source, load_id)`: the
 *   loads of the required staging tables, for the structures of the scope and that year;
 * - `mart_indicator_issues(message)`: what could not be computed, in French.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { complementIndices, DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { ageBandMacroSql } from "../privacy/age_band.ts";
import { type Catalogue, formatIssue, type Indicator, readCatalogue } from "./read_catalogue.ts";
import { writeReferenceTables } from "./reference_tables.ts";
import { buildVolunteeringMarts } from "../volunteering/build_marts.ts";
import { SCOPE_LEVELS } from "./vocabulary.ts";

const VIEWS = new URL("../warehouse/sql/indicator_views.sql", import.meta.url);

/** First and last year of the baseline (the first evaluation of La Coopération). */
export const BASELINE_YEARS = [2017, 2018] as const;

/** Options of a rebuild. */
export interface BuildIndicatorOptions {
  /** The catalogue to compute (default: read from data/indicators/). */
  catalogue?: Catalogue;
  /** Disclosure threshold (default 5). */
  threshold?: number;
}

/** Outcome of a rebuild: indicators computed, and French messages for the rest. */
export interface BuildIndicatorResult {
  computed: string[];
  issues: string[];
}

/**
 * Creates the reference tables and the documented indicator views (`ind_*`). Volunteer time is
 * valued with the rate tables of the volunteering marts, built here when they are not yet.
 */
export async function createIndicatorViews(conn: DuckDBConnection): Promise<string[]> {
  await writeReferenceTables(conn);
  const [{ n }] = await queryRows(
    conn,
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'ref_volunteering_rates'",
  );
  const issues = Number(n) === 0 ? (await buildVolunteeringMarts(conn)).issues : [];
  await conn.run(ageBandMacroSql());
  await conn.run(await Deno.readTextFile(VIEWS));
  return issues;
}

async function writeCatalogueTable(conn: DuckDBConnection, indicators: readonly Indicator[]): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE mart_indicator_catalogue (
    indicator_id VARCHAR PRIMARY KEY, label VARCHAR, definition VARCHAR, unit VARCHAR, stage VARCHAR,
    dimension VARCHAR, target VARCHAR, question VARCHAR, iso_subject VARCHAR, iso_issue VARCHAR,
    direction VARCHAR, disclosure VARCHAR, sources VARCHAR[], sql_file VARCHAR, position INTEGER)`);
  for (const [i, x] of indicators.entries()) {
    await conn.run(
      `INSERT INTO mart_indicator_catalogue VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
        string_split($13, ','), $14, $15)`,
      [
        x.id,
        x.label,
        x.definition,
        x.unit,
        x.stage,
        x.dimension,
        x.target,
        x.question,
        x.isoSubject,
        x.isoIssue,
        x.direction,
        x.disclosure,
        x.sources.join(","),
        x.sqlFile,
        i + 1,
        // deno-lint-ignore no-explicit-any
      ] as any,
    );
  }
}

/**
 * Runs one indicator's SQL into `ind_raw`; a French message when it fails or returns a wrong
 * shape (the indicator then has no value).
 */
async function computeOne(conn: DuckDBConnection, x: Indicator): Promise<string | null> {
  const where = `indicateur « ${x.id} » (data/indicators/sql/${x.sqlFile})`;
  try {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ind_one AS SELECT * FROM (\n${x.sql}\n) q`);
  } catch (error) {
    return `${where} : la requête a échoué : ${(error as Error).message.split("\n")[0]}`;
  }
  const columns = new Set(
    (await queryRows(conn, "DESCRIBE ind_one")).map((r) => String(r.column_name).toLowerCase()),
  );
  const missing = ["scope_level", "scope", "year", "value"].filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return `${where} : colonne(s) ${missing.join(", ")} absente(s) du résultat ` +
      "(attendu : scope_level, scope, year, value, et facultativement numerator, denominator)";
  }
  const [check] = await queryRows(
    conn,
    `SELECT count(*) FILTER (WHERE scope_level NOT IN (${SCOPE_LEVELS.map((l) => `'${l}'`).join(", ")}))
       AS bad_levels,
     (SELECT count(*) FROM (SELECT 1 FROM ind_one GROUP BY scope_level, scope, year HAVING count(*) > 1)) AS dups
     FROM ind_one`,
  );
  if (Number(check.bad_levels) > 0) {
    return `${where} : scope_level doit valoir ${SCOPE_LEVELS.join(", ")} (grouper par ind_scopes)`;
  }
  if (Number(check.dups) > 0) {
    return `${where} : plusieurs lignes pour un même périmètre et une même année (GROUP BY scope_level, scope, year ?)`;
  }
  const num = columns.has("numerator") ? "TRY_CAST(numerator AS DOUBLE)" : "NULL";
  const den = columns.has("denominator") ? "TRY_CAST(denominator AS DOUBLE)" : "NULL";
  await conn.run(
    `INSERT INTO ind_raw SELECT $1, CAST(scope_level AS VARCHAR), CAST(scope AS VARCHAR), CAST(year AS INTEGER),
       TRY_CAST(value AS DOUBLE), ${num}, ${den}
     FROM ind_one WHERE scope IS NOT NULL AND year IS NOT NULL`,
    [x.id],
  );
  if (
    (x.disclosure === "taux_personnes" || x.disclosure === "moyenne_personnes") && !columns.has("denominator")
  ) {
    return `${where} : la règle de diffusion « ${x.disclosure} » demande une colonne denominator : ` +
      "valeurs calculées mais toutes masquées";
  }
  return null;
}

/** SQL of the « < 5 » decision for one row of values `v` joined to its catalogue line `c`. */
export function suppressedSql(threshold: number): string {
  const t = Math.trunc(threshold);
  const small = (x: string) => `(${x} > 0 AND ${x} < ${t})`;
  return `CASE
    WHEN v.value IS NULL THEN false
    WHEN c.disclosure = 'effectif_personnes' THEN ${small("v.value")}
    WHEN c.disclosure = 'taux_personnes' THEN v.denominator IS NULL OR v.denominator < ${t}
      OR ${small("coalesce(v.numerator, 0)")} OR ${small("v.denominator - coalesce(v.numerator, 0)")}
    WHEN c.disclosure = 'moyenne_personnes' THEN v.denominator IS NULL OR v.denominator < ${t}
    ELSE false
  END`;
}

/**
 * Secondary suppression: a people count hidden for one structure could be recovered from the
 * total its Coopération, cluster or département publishes and the other structures' values.
 * When exactly one structure of such a group is hidden for an indicator (rule
 * `effectif_personnes`) and year, the smallest other one is hidden too (repeated until stable).
 */
export async function suppressComplements(conn: DuckDBConnection): Promise<void> {
  const groups = new Map<string, Set<string>>();
  for (const { scope_level, scope, structure_id } of await queryRows(conn, "SELECT * FROM ind_scopes")) {
    if (scope_level === "structure") continue;
    const key = `${scope_level}|${scope}`;
    if (!groups.has(key)) groups.set(key, new Set());
    groups.get(key)!.add(String(structure_id));
  }
  const rows = await queryRows(
    conn,
    `SELECT v.indicator_id, v.scope, v.year, v.value, v.suppressed FROM mart_indicator_values v
     JOIN mart_indicator_catalogue c USING (indicator_id)
     WHERE c.disclosure = 'effectif_personnes' AND v.scope_level = 'structure'`,
  );
  const byIndicatorYear = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.indicator_id}|${r.year}`;
    if (!byIndicatorYear.has(key)) byIndicatorYear.set(key, []);
    byIndicatorYear.get(key)!.push(r);
  }
  for (const cells of byIndicatorYear.values()) {
    const extra = complementIndices(
      cells.map((r) => String(r.scope)),
      cells.map((r) => (r.value === null ? null : Number(r.value))),
      cells.map((r) => r.suppressed === true),
      [...groups.values()],
    );
    for (const r of extra.map((i) => cells[i])) {
      await conn.run(
        `UPDATE mart_indicator_values SET suppressed = true, published_value = NULL
         WHERE indicator_id = $1 AND scope_level = 'structure' AND scope = $2 AND year = $3`,
        [r.indicator_id, r.scope, r.year] as never,
      );
    }
  }
}

/**
 * Rebuilds the indicator marts. Never throws for a bad catalogue or indicator: each problem is
 * returned (and stored in `mart_indicator_issues`) and the other indicators are computed.
 *
 * @example
 * ```ts
 * const { computed, issues } = await buildIndicatorMarts(conn);
 * ```
 */
export async function buildIndicatorMarts(
  conn: DuckDBConnection,
  options: BuildIndicatorOptions = {},
): Promise<BuildIndicatorResult> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const issues = await createIndicatorViews(conn);
  const catalogue = options.catalogue ?? await readCatalogue();
  issues.push(...catalogue.issues.map(formatIssue));
  await writeCatalogueTable(conn, catalogue.indicators);

  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ind_raw (indicator_id VARCHAR, scope_level VARCHAR, scope VARCHAR,
    year INTEGER, value DOUBLE, numerator DOUBLE, denominator DOUBLE)`,
  );
  const computed: string[] = [];
  for (const x of catalogue.indicators) {
    const problem = await computeOne(conn, x);
    if (problem) issues.push(problem);
    if (problem === null || problem.includes("toutes masquées")) computed.push(x.id);
  }
  await conn.run("DROP TABLE IF EXISTS ind_one");
  await conn.run("CREATE OR REPLACE TEMP TABLE ind_cov AS SELECT DISTINCT * FROM ind_source_loads");

  await conn.run(`CREATE OR REPLACE TABLE mart_indicator_values AS
    WITH req AS (SELECT indicator_id, unnest(sources) AS source FROM mart_indicator_catalogue),
    nreq AS (SELECT indicator_id, count(DISTINCT source) AS n FROM req GROUP BY ALL),
    per_structure AS (
      SELECT r.indicator_id, r.scope_level, r.scope, r.year, sc.structure_id,
        count(DISTINCT q.source) FILTER (WHERE cv.source IS NOT NULL) AS present
      FROM (SELECT DISTINCT indicator_id, scope_level, scope, year FROM ind_raw) r
      JOIN ind_scopes sc USING (scope_level, scope)
      JOIN req q USING (indicator_id)
      LEFT JOIN ind_cov cv ON cv.source = q.source AND cv.structure_id = sc.structure_id
        AND (cv.year = r.year OR cv.year IS NULL)
      GROUP BY ALL
    ),
    cover AS (
      SELECT p.indicator_id, p.scope_level, p.scope, p.year, count(*) AS structures_in_scope,
        count(*) FILTER (WHERE p.present = n.n) AS structures_with_data
      FROM per_structure p JOIN nreq n USING (indicator_id) GROUP BY ALL
    ),
    v AS (
      SELECT r.*, coalesce(cv.structures_in_scope, 0) AS structures_in_scope,
        coalesce(cv.structures_with_data, 0) AS structures_with_data
      FROM ind_raw r LEFT JOIN cover cv USING (indicator_id, scope_level, scope, year)
    )
    SELECT v.indicator_id, v.scope_level, v.scope, v.year, v.value, v.numerator, v.denominator,
      v.structures_in_scope, v.structures_with_data,
      v.structures_in_scope > 0 AND v.structures_with_data = v.structures_in_scope AS complete,
      ${suppressedSql(threshold)} AS suppressed,
      CASE WHEN ${suppressedSql(threshold)} THEN NULL ELSE v.value END AS published_value
    FROM v JOIN mart_indicator_catalogue c USING (indicator_id)
    ORDER BY c.position, v.scope_level, v.scope, v.year`);
  await suppressComplements(conn);

  await conn.run(`CREATE OR REPLACE TABLE mart_indicator_baseline AS
    WITH base AS (
      SELECT indicator_id, scope_level, scope, avg(value) AS baseline, list(year ORDER BY year) AS baseline_years,
        bool_or(suppressed) AS baseline_suppressed
      FROM mart_indicator_values
      WHERE year BETWEEN ${BASELINE_YEARS[0]} AND ${BASELINE_YEARS[1]} AND value IS NOT NULL
      GROUP BY ALL
    )
    SELECT v.indicator_id, v.scope_level, v.scope, b.baseline, b.baseline_years, v.year, v.value,
      v.value - b.baseline AS change_abs,
      (v.value - b.baseline) / nullif(abs(b.baseline), 0) AS change_rel,
      c.direction,
      CASE
        WHEN c.direction = 'neutre' THEN 'sans objet'
        WHEN abs(v.value - b.baseline) <= 1e-9 * greatest(1, abs(b.baseline)) THEN 'stable'
        WHEN (v.value > b.baseline) = (c.direction = 'plus_est_mieux') THEN 'amélioration'
        ELSE 'dégradation'
      END AS trend,
      b.baseline_suppressed OR v.suppressed AS suppressed
    FROM mart_indicator_values v
    JOIN base b USING (indicator_id, scope_level, scope)
    JOIN mart_indicator_catalogue c USING (indicator_id)
    WHERE v.year > ${BASELINE_YEARS[1]} AND v.value IS NOT NULL
    ORDER BY c.position, v.scope_level, v.scope, v.year`);

  await conn.run(`CREATE OR REPLACE TABLE mart_indicator_lineage AS
    WITH req AS (SELECT indicator_id, unnest(sources) AS source FROM mart_indicator_catalogue)
    SELECT DISTINCT v.indicator_id, v.scope_level, v.scope, v.year, q.source, cv.load_id
    FROM mart_indicator_values v
    JOIN ind_scopes sc USING (scope_level, scope)
    JOIN req q USING (indicator_id)
    JOIN ind_cov cv ON cv.source = q.source AND cv.structure_id = sc.structure_id
      AND (cv.year = v.year OR cv.year IS NULL)
    ORDER BY ALL`);

  await conn.run("CREATE OR REPLACE TABLE mart_indicator_issues (message VARCHAR)");
  for (const message of issues) await conn.run("INSERT INTO mart_indicator_issues VALUES ($1)", [message]);
  await conn.run("DROP TABLE IF EXISTS ind_raw");
  await conn.run("DROP TABLE IF EXISTS ind_cov");
  return { computed, issues };
}
