/**
 * Survey marts, computed from the survey views (loaders/sql/stg_survey_views.sql): what SQL does
 * well (scores per dimension, pairing by respondent code, consent) stays in the views; the
 * bootstrap and the Wilcoxon test are computed here. To be called after the other marts (it reads
 * `mart_activity_year` for the response rates' denominators when that table exists):
 * `await buildSurveyMarts(conn)`.
 *
 * Tables written (scope = a structure id, `cooperation` for the structures of La Coopération
 * together, and for the rates `ensemble` = every structure of the form):
 * - `mart_survey_results(form_id, scope, dimension, wave_before_n, wave_after_n, paired_n,
 *   mean_before, mean_after, mean_change, ci_low, ci_high, wilcoxon_p, wilcoxon_w, test_method,
 *   effect_r, warning)`: see src/surveys/paired_change.ts. Counts are published text (« < 5 » for
 *   1 to 4); a mean resting on 1 to 4 people is withheld (NULL).
 * - `mart_survey_response_rates(form_id, scope, wave, year, responses, reached, reached_source,
 *   rate)`: see src/surveys/response_rate.ts; `responses` and `reached` are published text.
 * - `mart_survey_free_text(form_id, structure_id, wave, item_name, text_html)`: free-text answers
 *   of the responses that consented, HTML-escaped (insert as HTML) with formula-like starts
 *   neutralised.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { DEFAULT_THRESHOLD, isSmall } from "../privacy/disclosure.ts";
import type { BootstrapOptions } from "./bootstrap.ts";
import { type PairedChange, pairedChange, type ScorePair } from "./paired_change.ts";
import { publishedCount } from "./published_count.ts";
import { reachedFor, responseRate } from "./response_rate.ts";
import { publishableText } from "./free_text.ts";

/** Options of a rebuild. */
export interface SurveyMartOptions {
  threshold?: number;
  bootstrap?: BootstrapOptions;
}

/** One computed result before disclosure (for tests and other modules). */
export interface SurveyResult extends PairedChange {
  form_id: string;
  scope: string;
  dimension: string;
}

/** What a rebuild computed (raw counts, before disclosure). */
export interface SurveyMartSummary {
  results: SurveyResult[];
  rates: {
    form_id: string;
    scope: string;
    wave: string | null;
    year: number | null;
    responses: number;
    reached: number | null;
    reached_source: string | null;
    rate: number | null;
  }[];
  freeTextPublished: number;
  freeTextWithheld: number;
}

const SCOPED = (inner: string) => `
  WITH base AS (${inner})
  SELECT b.structure_id AS scope, b.* FROM base b
  UNION ALL
  SELECT 'cooperation' AS scope, b.* FROM base b JOIN stg_structures st USING (structure_id)
  WHERE st.in_cooperation`;

async function tableExists(conn: DuckDBConnection, name: string): Promise<boolean> {
  const rows = await queryRows(
    conn,
    `SELECT 1 FROM duckdb_tables() WHERE table_name = '${name}' UNION ALL
     SELECT 1 FROM duckdb_views() WHERE view_name = '${name}'`,
  );
  return rows.length > 0;
}

/** Per-dimension results of every form and scope, before disclosure. */
export async function computeSurveyResults(
  conn: DuckDBConnection,
  bootstrap: BootstrapOptions = {},
): Promise<SurveyResult[]> {
  const waves = await queryRows(
    conn,
    SCOPED(`SELECT s.form_id, s.structure_id, s.wave, s.dimension, s.score
      FROM survey_dimension_scores s JOIN survey_wave_responses USING (form_id, response_ref)
      WHERE s.wave IN ('avant', 'apres')`) + " ORDER BY form_id, scope, dimension, wave, score",
  );
  const pairs = await queryRows(
    conn,
    SCOPED(`SELECT form_id, structure_id, dimension, score_before, score_after FROM survey_dimension_pairs`) +
      " ORDER BY form_id, scope, dimension, score_before, score_after",
  );
  const groups = new Map<string, { before: number[]; after: number[]; pairs: ScorePair[] }>();
  const group = (r: Record<string, unknown>) => {
    const key = JSON.stringify([r.form_id, r.scope, r.dimension]);
    let g = groups.get(key);
    if (!g) groups.set(key, g = { before: [], after: [], pairs: [] });
    return g;
  };
  for (const r of waves) (r.wave === "avant" ? group(r).before : group(r).after).push(Number(r.score));
  for (const r of pairs) {
    group(r).pairs.push({ before: Number(r.score_before), after: Number(r.score_after) });
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => {
    const [form_id, scope, dimension] = JSON.parse(key) as string[];
    return { form_id, scope, dimension, ...pairedChange(g.before, g.after, g.pairs, bootstrap) };
  });
}

/** Response rates of every form, scope, wave and year, before disclosure. */
export async function computeResponseRates(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<SurveyMartSummary["rates"]> {
  const participants = await tableExists(conn, "mart_activity_year");
  const counts = await queryRows(
    conn,
    `WITH people AS (
       SELECT DISTINCT a.form_id, r.structure_id, r.wave, year(r.submitted_at) AS year,
         coalesce(r.respondent_ref, r.response_ref) AS person
       FROM survey_answers_resolved a JOIN stg_survey_responses r USING (response_ref)
       WHERE a.form_id IS NOT NULL AND a.structure_known
     ), scoped AS (
       ${SCOPED("SELECT * FROM people")}
       UNION ALL SELECT 'ensemble' AS scope, * FROM people
     ), targets AS (
       SELECT w.form_id, max(f.target_n) AS target
       FROM survey_form_workbooks w JOIN loads l ON l.sha256 = w.sha256 JOIN stg_survey_forms f USING (load_id)
       GROUP BY ALL
     )
     ${
      participants
        ? `, responding AS (
       SELECT DISTINCT p.form_id, p.wave, p.year, p.structure_id
       FROM people p JOIN stg_structures st USING (structure_id) WHERE st.in_cooperation
     ), coop_reached AS (
       SELECT r.form_id, r.wave, r.year,
         CASE WHEN count(m.participants) = count(*) THEN sum(m.participants) END AS participants
       FROM responding r LEFT JOIN mart_activity_year m ON m.scope = r.structure_id AND m.year = r.year
       GROUP BY ALL
     )`
        : ""
    }
     SELECT s.form_id, s.scope, s.wave, s.year, count(DISTINCT s.person) AS responses, t.target,
       ${
      participants ? "CASE WHEN s.scope = 'cooperation' THEN c.participants ELSE m.participants END" : "NULL"
    } AS participants
     FROM scoped s LEFT JOIN targets t USING (form_id)
     ${
      participants
        ? `LEFT JOIN mart_activity_year m ON m.scope = s.scope AND m.year = s.year
     LEFT JOIN coop_reached c ON c.form_id = s.form_id AND c.wave IS NOT DISTINCT FROM s.wave
       AND c.year IS NOT DISTINCT FROM s.year`
        : ""
    }
     GROUP BY ALL ORDER BY s.form_id, s.scope, s.wave NULLS LAST, s.year NULLS LAST`,
  );
  return counts.map((r) => {
    const responses = Number(r.responses);
    const { reached, source } = reachedFor(
      String(r.scope),
      r.target == null ? null : Number(r.target),
      r.participants == null ? null : Number(r.participants),
    );
    return {
      form_id: String(r.form_id),
      scope: String(r.scope),
      wave: r.wave == null ? null : String(r.wave),
      year: r.year == null ? null : Number(r.year),
      responses,
      reached,
      reached_source: source,
      rate: responseRate(responses, reached, threshold),
    };
  });
}

/** Rebuilds the three survey marts; returns what was computed (raw counts, before disclosure). */
export async function buildSurveyMarts(
  conn: DuckDBConnection,
  options: SurveyMartOptions = {},
): Promise<SurveyMartSummary> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const results = await computeSurveyResults(conn, options.bootstrap);
  const rates = await computeResponseRates(conn, threshold);
  const count = (n: number | null) => publishedCount(n, threshold);
  const meanOf = (value: number | null, n: number) => (isSmall(n, threshold) ? null : value);

  await conn.run(`CREATE OR REPLACE TABLE mart_survey_results (
    form_id VARCHAR, scope VARCHAR, dimension VARCHAR, wave_before_n VARCHAR, wave_after_n VARCHAR,
    paired_n VARCHAR, mean_before DOUBLE, mean_after DOUBLE, mean_change DOUBLE, ci_low DOUBLE,
    ci_high DOUBLE, wilcoxon_p DOUBLE, wilcoxon_w DOUBLE, test_method VARCHAR, effect_r DOUBLE,
    warning VARCHAR)`);
  for (const r of results) {
    await conn.run(
      "INSERT INTO mart_survey_results VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
      [
        r.form_id,
        r.scope,
        r.dimension,
        count(r.wave_before_n),
        count(r.wave_after_n),
        count(r.paired_n),
        meanOf(r.mean_before, r.wave_before_n),
        meanOf(r.mean_after, r.wave_after_n),
        meanOf(r.mean_change, r.paired_n),
        r.ci_low,
        r.ci_high,
        r.wilcoxon_p,
        r.wilcoxon_w,
        r.test_method,
        r.effect_r,
        r.warning,
      ],
    );
  }

  await conn.run(`CREATE OR REPLACE TABLE mart_survey_response_rates (
    form_id VARCHAR, scope VARCHAR, wave VARCHAR, year INTEGER, responses VARCHAR, reached VARCHAR,
    reached_source VARCHAR, rate DOUBLE)`);
  for (const r of rates) {
    await conn.run("INSERT INTO mart_survey_response_rates VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [
      r.form_id,
      r.scope,
      r.wave,
      r.year,
      count(r.responses),
      count(r.reached),
      r.reached_source,
      r.rate,
    ]);
  }

  await conn.run(`CREATE OR REPLACE TABLE mart_survey_free_text (
    form_id VARCHAR, structure_id VARCHAR, wave VARCHAR, item_name VARCHAR, text_html VARCHAR)`);
  const texts = await queryRows(
    conn,
    `SELECT form_id, structure_id, wave, item_name, text, consent FROM survey_free_text
     ORDER BY form_id, structure_id, wave, item_name, load_id, source_line`,
  );
  let published = 0;
  for (const t of texts) {
    if (t.consent !== true) continue;
    published++;
    await conn.run("INSERT INTO mart_survey_free_text VALUES ($1, $2, $3, $4, $5)", [
      t.form_id as string,
      t.structure_id as string,
      (t.wave as string | null) ?? null,
      t.item_name as string,
      publishableText(String(t.text)),
    ]);
  }
  return { results, rates, freeTextPublished: published, freeTextWithheld: texts.length - published };
}
