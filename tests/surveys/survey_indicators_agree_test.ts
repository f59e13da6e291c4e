/**
 * The `score_*` and `evolution_*` indicators and the « Enquêtes » page's mart
 * (`mart_survey_results`) on one fixture: both use per-person scores, and the evolution is paired.
 *
 * `formulaire_apparie.xlsx` (agree5 1–5; cohésion sociale = q1, q2 reversed (6 − x), q7;
 * épanouissement = q3; gouvernance = q4) + `kobo_scores_par_personne.csv` (the Ors, 2024):
 *
 *                 q1  q2 (rev)  q7   cohésion          q3   q4
 *   avant  A01    2   4 → 2     5    (2+2+5)/3 = 3     2    1
 *   avant  A02    1   —         3    (1+3)/2 = 2       3    —   (q4: 0 of 1, no score)
 *   avant  A03    5   1 → 5     5    5                 5    4   (no « après »)
 *   après  A01    4   2 → 4     —    (4+4)/2 = 4       4    2
 *   après  A02    3   3 → 3     3    3                 3    3
 *   après  A04    2   5 → 1     —    (2+1)/2 = 1,5     1    1   (no « avant »)
 *
 * Cohésion: per person, all waves (3 + 2 + 5 + 4 + 3 + 1,5) / 6 = 18,5 / 6 over 4 people; paired
 * change (A01 4 − 3, A02 3 − 2) = 1 over 2 pairs. The former item-by-item figures were 48 / 15 = 3,2
 * and 20 / 7 − 28 / 8 = −0,64 (unpaired): a change of sign.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { buildSurveyMarts } from "../../src/surveys/build_marts.ts";
import { buildIndicatorMarts } from "../../src/indicators/build_marts.ts";

const KEY = new Uint8Array(32).fill(7);
const FIXTURES = new URL("../fixtures/surveys/", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type;Coopération\nors;Maison de quartier des Ors;Centre social;oui\n";

function close(actual: unknown, expected: number, what: string): void {
  assert.ok(
    typeof actual === "number" && Math.abs(actual - expected) <= 1e-12,
    `${what}: ${actual} ≠ ${expected}`,
  );
}

Deno.test("survey indicators use per-person scores and paired evolution, as the Enquêtes page", async () => {
  const dir = await Deno.makeTempDir({ prefix: "survey_indicators_" });
  const wh = await openWarehouse(":memory:");
  try {
    await Deno.mkdir(join(dir, "ors"), { recursive: true });
    await Deno.writeTextFile(join(dir, "structures.csv"), REGISTRY);
    for (const name of ["formulaire_apparie.xlsx", "ors/kobo_scores_par_personne.csv"]) {
      await Deno.copyFile(new URL(name.split("/").pop()!, FIXTURES), join(dir, name));
    }
    const reports = await ingestPaths(wh.conn, { paths: [dir], key: KEY });
    assert.ok(reports.every((r) => r.status === "loaded" || r.status === "partial"), JSON.stringify(reports));
    // Threshold 1: the means of 2 to 4 people are compared, not withheld.
    const { issues } = await buildIndicatorMarts(wh.conn, { threshold: 1 });
    assert.deepEqual(issues.filter((i) => /score_|evolution_/.test(i)), []);
    await buildSurveyMarts(wh.conn, { threshold: 1, bootstrap: { resamples: 200, seed: 1 } });

    const indicator = async (id: string, scope: string) => {
      const rows = await queryRows(
        wh.conn,
        `SELECT value, denominator, published_value FROM mart_indicator_values
         WHERE indicator_id = '${id}' AND scope = '${scope}' AND year = 2024`,
      );
      assert.equal(rows.length, 1, `${id} ${scope}`);
      return rows[0];
    };
    const page = async (dimension: string, scope: string) => {
      const rows = await queryRows(
        wh.conn,
        `SELECT * FROM mart_survey_results WHERE form_id = 'lien_social_apparie' AND dimension = '${dimension}'
         AND scope = '${scope}'`,
      );
      assert.equal(rows.length, 1, `${dimension} ${scope}`);
      return rows[0];
    };

    for (const scope of ["ors", "cooperation"]) {
      // Cohésion sociale: the paired change of both, over the same 2 people.
      const evolution = await indicator("evolution_cohesion_sociale", scope);
      const cohesion = await page("cohesion_sociale", scope);
      close(evolution.value, 1, `evolution_cohesion_sociale ${scope}`);
      close(cohesion.mean_change, 1, `page, cohésion ${scope}`);
      assert.equal(evolution.denominator, 2);
      assert.equal(cohesion.paired_n, "2");
      close(evolution.published_value, Number(cohesion.mean_change), "indicator = page");
      // The page's wave means: per person, A03 and A04 included (3 + 2 + 5) / 3 and (4 + 3 + 1,5) / 3.
      close(cohesion.mean_before, 10 / 3, "mean before");
      close(cohesion.mean_after, 8.5 / 3, "mean after");
      // score_: every person-wave score weighs one: the page's two waves pooled.
      const score = await indicator("score_cohesion_sociale", scope);
      close(score.value, 18.5 / 6, `score_cohesion_sociale ${scope}`);
      assert.equal(score.denominator, 4); // A01, A02, A03, A04
      close(
        score.value,
        (3 * Number(cohesion.mean_before) + 3 * Number(cohesion.mean_after)) / 6,
        "score = page",
      );
    }

    // Épanouissement (one item): pairs A01 4 − 2, A02 3 − 3 → 1; all waves (2+3+5+4+3+1) / 6 = 3.
    close((await indicator("evolution_epanouissement", "ors")).value, 1, "evolution_epanouissement");
    close((await page("epanouissement", "ors")).mean_change, 1, "page, épanouissement");
    close((await indicator("score_epanouissement", "ors")).value, 3, "score_epanouissement");
    // Gouvernance: A02 did not answer q4 « avant »: one pair (A01 2 − 1); scores (1+4+2+3+1) / 5.
    const gouvernance = await indicator("evolution_gouvernance", "ors");
    close(gouvernance.value, 1, "evolution_gouvernance");
    assert.equal(gouvernance.denominator, 1);
    close((await page("gouvernance", "ors")).mean_change, 1, "page, gouvernance");
    close((await indicator("score_gouvernance", "ors")).value, 11 / 5, "score_gouvernance");
    // No environnement item in this form: no row (missing, never 0).
    const environment = await queryRows(
      wh.conn,
      "SELECT count(*) AS n FROM mart_indicator_values WHERE indicator_id LIKE '%_environnement'",
    );
    assert.equal(Number(environment[0].n), 0);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
