/**
 * Publishes the page data of « Enquêtes » from the survey marts (src/surveys/build_marts.ts),
 * which are already disclosure-controlled: counts are text (« < 5 » for 1 to 4 people), a mean
 * resting on 1 to 4 people is NULL, intervals, p-values and effect sizes exist only from 10
 * pairs. Free-text answers come consented and HTML-escaped (`text_html`, inserted as HTML by the
 * page); testimonies come from `stg_testimonies`, consented and redacted but raw: the page
 * escapes them. Testimonies are dated to the month only.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { distinctTestimonies } from "./testimony_text.ts";

/** Everything the page needs, as one JSON-ready object. */
export async function publishSurveys(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const safe = (sql: string) => queryRows(conn, sql).catch(() => [] as Record<string, unknown>[]);
  const forms = await safe(
    `WITH used AS (SELECT DISTINCT form_id FROM mart_survey_results
                   UNION SELECT DISTINCT form_id FROM mart_survey_response_rates)
     SELECT u.form_id AS id, coalesce(max(f.form_title), u.form_id) AS title, max(f.target_n) AS target
     FROM used u LEFT JOIN stg_survey_forms f USING (form_id) GROUP BY u.form_id ORDER BY u.form_id`,
  );
  // The Likert scale of each form's scored items (1–4, 1–5…), read from its choice lists.
  const scales = await safe(
    `SELECT i.form_id, min(try_cast(c.name AS DOUBLE)) AS scale_min, max(try_cast(c.name AS DOUBLE)) AS scale_max
     FROM survey_items i
     JOIN survey_scored_items s ON s.form_id = i.form_id AND s.item_name = i.name
     JOIN survey_choices c ON c.form_id = i.form_id AND c.list_name = i.list_name
     GROUP BY i.form_id`,
  );
  const scaleOf = new Map(scales.map((r) => [String(r.form_id), r]));
  const results = await safe(
    `SELECT form_id, scope, dimension, wave_before_n, wave_after_n, paired_n, mean_before, mean_after,
       mean_change, ci_low, ci_high, wilcoxon_p, test_method, effect_r, warning
     FROM mart_survey_results ORDER BY form_id, scope, dimension`,
  );
  const rates = await safe(
    `SELECT form_id, scope, wave, year, responses, reached, reached_source, rate
     FROM mart_survey_response_rates ORDER BY form_id, scope, year, wave`,
  );
  const freeText = await safe(
    `SELECT t.form_id, t.structure_id, t.wave, t.item_name,
       (SELECT max(i.label) FROM stg_survey_items i WHERE i.name = t.item_name) AS item_label, t.text_html
     FROM mart_survey_free_text t ORDER BY t.form_id, t.structure_id, t.wave, t.item_name`,
  );
  const testimonies = await safe(
    `SELECT structure_id, strftime(testimony_date, '%Y-%m') AS month, dimensions, public, text
     FROM stg_testimonies WHERE consent AND text IS NOT NULL AND trim(text) <> ''
     ORDER BY testimony_date DESC, testimony_ref`,
  );
  const [withheld] = await safe(
    "SELECT count(*) FILTER (WHERE NOT consent OR text IS NULL) AS n FROM stg_testimonies",
  );
  const structures = await safe(
    "SELECT structure_id AS id, name, in_cooperation FROM stg_structures ORDER BY name",
  );
  const [period] = await safe(
    `SELECT strftime(min(submitted_at), '%Y-%m') AS first, strftime(max(submitted_at), '%Y-%m') AS last
     FROM stg_survey_responses`,
  );
  return {
    threshold,
    period: period ?? { first: null, last: null },
    structures,
    forms: forms.map((f) => ({
      ...f,
      scale_min: scaleOf.get(String(f.id))?.scale_min ?? null,
      scale_max: scaleOf.get(String(f.id))?.scale_max ?? null,
    })),
    results,
    rates,
    free_text: freeText,
    // No list marker in front of a quote, no quote twice (issue 15).
    testimonies: distinctTestimonies(testimonies).map((t) => ({
      ...t,
      dimensions: Array.from(t.dimensions as string[]),
    })),
    testimonies_withheld: Number(withheld?.n ?? 0),
  };
}
