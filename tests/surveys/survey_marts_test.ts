/**
 * Survey scores, pairing and marts on fixtures (tests/fixtures/surveys/):
 * - the existing Kobo export of `lien_social_2024`: dimension scores and reverse coding checked by
 *   hand;
 * - `formulaire_apparie.xlsx` + `kobo_apparie.csv`: 16 respondents of the Ors and 3 of
 *   Saint-Nicolas answering both waves with a `code_repondant`, one code typed differently
 *   (« p-07 »), one « avant » answered twice (the later counts), one « après » with 1 of the 3
 *   cohesion items (no cohesion score), comments with and without `consentement`. The expected
 *   statistics were printed by `python3 tests/surveys/reference_values.py`, which recomputes
 *   scores and pairs from the CSV and the tests with scipy 1.17.1 (see the script's notes).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { buildSurveyMarts } from "../../src/surveys/build_marts.ts";
import type { DuckDBConnection } from "@duckdb/node-api";

const KEY = new Uint8Array(32).fill(5);
const FIXTURES = new URL("../fixtures/surveys/", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type;Coopération\nors;Maison de quartier des Ors;Centre social;oui\n" +
  "saint-nicolas;Maison de quartier Saint-Nicolas;Centre social;oui\n";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

async function withSurveys(
  files: string[],
  run: (query: Query, conn: DuckDBConnection) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "survey_marts_" });
  const inbox = join(dir, "inbox");
  const wh = await openWarehouse(":memory:");
  try {
    await Deno.mkdir(join(inbox, "ors"), { recursive: true });
    await Deno.writeTextFile(join(inbox, "structures.csv"), REGISTRY);
    for (const name of files) {
      await Deno.copyFile(new URL(name.split("/").pop()!, FIXTURES), join(inbox, name));
    }
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
    assert.ok(reports.every((r) => r.status === "loaded" || r.status === "partial"), JSON.stringify(reports));
    await run((sql) => queryRows(wh.conn, sql), wh.conn);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

function close(actual: unknown, expected: number, what: string, tolerance = 1e-12): void {
  assert.ok(
    typeof actual === "number" && Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} ≠ ${expected}`,
  );
}

Deno.test("dimension scores: mean of the answered Likert items, reverse-coded, outside answers left out", async () => {
  await withSurveys(["formulaire_lien_social.xlsx", "ors/kobo_lien_social.csv"], async (query) => {
    const rows = await query(
      `SELECT structure_id, wave, dimension, score, items_answered, items_in_dimension
       FROM survey_dimension_scores ORDER BY structure_id, wave DESC, dimension`,
    );
    // By hand from kobo_lien_social.csv (agree5 is 1–5, q2_isole reversed: 6 − answer):
    // Ors avant: q1 4, q2 2 → 4, q3 3; Ors après: q1 5, q2 1 → 5, q3 4;
    // Saint-Nicolas avant: q1 « 7 » outside the list (not an answer), q2 4 → 2, q3 2.
    // q5_activites (select_multiple) has a dimension but no score: not a Likert item.
    assert.deepEqual(rows, [
      {
        structure_id: "ors",
        wave: "avant",
        dimension: "cohesion_sociale",
        score: 4,
        items_answered: 2,
        items_in_dimension: 2,
      },
      {
        structure_id: "ors",
        wave: "avant",
        dimension: "epanouissement",
        score: 3,
        items_answered: 1,
        items_in_dimension: 1,
      },
      {
        structure_id: "ors",
        wave: "apres",
        dimension: "cohesion_sociale",
        score: 5,
        items_answered: 2,
        items_in_dimension: 2,
      },
      {
        structure_id: "ors",
        wave: "apres",
        dimension: "epanouissement",
        score: 4,
        items_answered: 1,
        items_in_dimension: 1,
      },
      {
        structure_id: "saint-nicolas",
        wave: "avant",
        dimension: "cohesion_sociale",
        score: 2,
        items_answered: 1,
        items_in_dimension: 2,
      },
      {
        structure_id: "saint-nicolas",
        wave: "avant",
        dimension: "epanouissement",
        score: 2,
        items_answered: 1,
        items_in_dimension: 1,
      },
    ]);
    // No respondent code in this export: no pair, no individual change.
    assert.deepEqual(await query("SELECT count(*) AS n FROM survey_dimension_pairs"), [{ n: 0 }]);
  });
});

Deno.test("pairing by respondent code: pseudonymised, normalised, latest response per wave, half rule", async () => {
  await withSurveys(["formulaire_apparie.xlsx", "kobo_apparie.csv"], async (query) => {
    // The raw codes never reach the warehouse; every coded response has a pseudonym.
    const all = JSON.stringify(await query("SELECT * FROM stg_survey_answers")) +
      JSON.stringify(await query("SELECT * FROM stg_survey_responses"));
    for (const code of ["P01", "p-07", "S02", "code_repondant"]) assert.ok(!all.includes(code), code);
    const [refs] = await query(
      `SELECT count(*) AS responses, count(respondent_ref) AS coded, count(DISTINCT respondent_ref) AS people
       FROM stg_survey_responses`,
    );
    // 43 lines: 42 coded (one « après » without a code), 22 people (P01–P19, S01–S03).
    assert.deepEqual(refs, { responses: 43, coded: 42, people: 22 });
    const pairs = await query(
      `SELECT structure_id, dimension, count(*) AS n FROM survey_dimension_pairs GROUP BY ALL ORDER BY ALL`,
    );
    // Ors: 16 pairs (« P07 » / « p-07 » pair), 15 for cohesion: P12's « après » answered 1 of 3
    // cohesion items, under half, so it has no cohesion score.
    assert.deepEqual(pairs, [
      { structure_id: "ors", dimension: "cohesion_sociale", n: 15 },
      { structure_id: "ors", dimension: "epanouissement", n: 16 },
      { structure_id: "ors", dimension: "gouvernance", n: 16 },
      { structure_id: "saint-nicolas", dimension: "cohesion_sociale", n: 3 },
      { structure_id: "saint-nicolas", dimension: "epanouissement", n: 3 },
      { structure_id: "saint-nicolas", dimension: "gouvernance", n: 3 },
    ]);
    // P05 answered « avant » twice: cohesion 1 (1, 5 reversed, 1), then 2 (2, 3 reversed, 1); the
    // later one is paired with « après » (1, 2 reversed → 4, 3: 8/3).
    const [p05] = await query(
      `SELECT p.score_before, p.score_after FROM survey_dimension_pairs p
       JOIN survey_dimension_scores s ON s.respondent_ref = p.respondent_ref AND s.dimension = p.dimension
       WHERE p.dimension = 'cohesion_sociale' AND p.structure_id = 'ors' GROUP BY ALL
       HAVING count(DISTINCT s.response_ref) = 3`,
    );
    assert.equal(p05.score_before, 2);
    close(p05.score_after, 8 / 3, "P05 after");
  });
});

Deno.test("mart_survey_results matches the Python reference; n < 10 is descriptive, counts < 5 hidden", async () => {
  await withSurveys(["formulaire_apparie.xlsx", "kobo_apparie.csv"], async (query, conn) => {
    await buildSurveyMarts(conn);
    const rows = await query("SELECT * FROM mart_survey_results ORDER BY scope, dimension");
    const by = (scope: string, dimension: string) =>
      rows.find((r) => r.scope === scope && r.dimension === dimension)!;

    // Ors, cohesion: reference_values.py « ## ors cohesion_sociale ».
    const cohesion = by("ors", "cohesion_sociale");
    assert.deepEqual([cohesion.wave_before_n, cohesion.wave_after_n, cohesion.paired_n], ["18", "17", "15"]);
    close(cohesion.mean_before, 2.574074074074074, "mean before");
    close(cohesion.mean_after, 3.3333333333333335, "mean after");
    close(cohesion.mean_change, 0.5777777777777777, "mean change");
    close(cohesion.wilcoxon_p, 0.00476864743981852, "p");
    close(cohesion.wilcoxon_w, 5, "W");
    close(cohesion.effect_r, 0.7827541345981394, "r");
    close(cohesion.ci_low, 0.26572046280578565, "ci low", 1e-9);
    close(cohesion.ci_high, 0.9601139758395371, "ci high", 1e-9);
    assert.equal(cohesion.test_method, "normale");
    assert.equal(cohesion.warning, null);

    const governance = by("ors", "gouvernance");
    close(governance.wilcoxon_p, 0.09498881521663782, "p");
    close(governance.wilcoxon_w, 18, "W");
    close(governance.effect_r, 0.48198617083670886, "r");
    close(governance.ci_low, -0.1112415530396813, "ci low", 1e-9);
    close(governance.ci_high, 1.1112415530396813, "ci high", 1e-9);

    // Ors, épanouissement: 16 pairs but only 9 changed: descriptive.
    const growth = by("ors", "epanouissement");
    close(growth.mean_change, 0.25, "mean change");
    assert.equal(growth.wilcoxon_p, null);
    assert.match(String(growth.warning), /résultats descriptifs seulement/);

    // The Coopération (both structures): « ## cooperation … ».
    const coop = by("cooperation", "cohesion_sociale");
    assert.deepEqual([coop.wave_before_n, coop.wave_after_n, coop.paired_n], ["21", "20", "18"]);
    close(coop.wilcoxon_p, 0.0011066115415739966, "p");
    close(coop.effect_r, 0.8154794967807167, "r");
    close(coop.ci_low, 0.35182908395801304, "ci low", 1e-9);
    close(coop.ci_high, 0.926036510058464, "ci high", 1e-9);
    const coopGrowth = by("cooperation", "epanouissement");
    close(coopGrowth.wilcoxon_p, 0.11995214296162778, "p");
    close(coopGrowth.wilcoxon_w, 16.5, "W");
    close(coopGrowth.effect_r, 0.46884245179658496, "r");

    // Saint-Nicolas: 3 pairs. Warning, no p-value, counts « < 5 », means resting on 3 people withheld.
    for (const dimension of ["cohesion_sociale", "epanouissement", "gouvernance"]) {
      const r = by("saint-nicolas", dimension);
      assert.equal(r.warning, "effectif inférieur à 10 : résultats descriptifs seulement");
      assert.deepEqual(
        [r.wave_before_n, r.wave_after_n, r.paired_n, r.wilcoxon_p, r.ci_low, r.effect_r, r.mean_change],
        ["< 5", "< 5", "< 5", null, null, null, null],
      );
    }
  });
});

Deno.test("free text only with consent, escaped; response rates over the cible or the participants", async () => {
  await withSurveys(["formulaire_apparie.xlsx", "kobo_apparie.csv"], async (query, conn) => {
    // Participants of the year, as the activity marts would give them.
    await conn.run(`CREATE TABLE mart_activity_year AS
      SELECT * FROM (VALUES ('ors', 2024, 90), ('saint-nicolas', 2024, 210), ('cooperation', 2024, 2000),
        ('autre', 2024, 500)) t(scope, year, participants)`);
    const summary = await buildSurveyMarts(conn);
    const texts = await query("SELECT structure_id, wave, text_html FROM mart_survey_free_text ORDER BY ALL");
    // P01 (oui, both waves), P02 (« Oui »), P06 (oui) are published; P03 (non) and P04 (no
    // answer to the consent question) are not.
    assert.deepEqual(texts, [
      { structure_id: "ors", wave: "apres", text_html: "&lt;b&gt;Super&lt;/b&gt; atelier &amp; sortie" },
      { structure_id: "ors", wave: "avant", text_html: "&#39;-Moins de bruit le soir" },
      { structure_id: "ors", wave: "avant", text_html: "&#39;=SOMME(A1)" },
      { structure_id: "ors", wave: "avant", text_html: "&lt;b&gt;Super&lt;/b&gt; atelier &amp; sortie" },
    ]);
    assert.equal(summary.freeTextWithheld, 2);
    const withheld = JSON.stringify(await query("SELECT * FROM mart_survey_free_text"));
    assert.ok(!withheld.includes("privé") && !withheld.includes("Pas de réponse"));

    const rates = await query(
      "SELECT scope, wave, year, responses, reached, reached_source, rate FROM mart_survey_response_rates ORDER BY ALL",
    );
    assert.deepEqual(rates, [
      // 21 people per wave over 90 + 210 = 300 participants of the two structures that answered
      // (not the 2 000 of the whole Coopération, whose other structures ran no survey).
      {
        scope: "cooperation",
        wave: "apres",
        year: 2024,
        responses: "21",
        reached: "300",
        reached_source: "participants",
        rate: 0.07,
      },
      {
        scope: "cooperation",
        wave: "avant",
        year: 2024,
        responses: "21",
        reached: "300",
        reached_source: "participants",
        rate: 0.07,
      },
      // settings.cible = 60 for the whole form.
      {
        scope: "ensemble",
        wave: "apres",
        year: 2024,
        responses: "21",
        reached: "60",
        reached_source: "cible",
        rate: 0.35,
      },
      {
        scope: "ensemble",
        wave: "avant",
        year: 2024,
        responses: "21",
        reached: "60",
        reached_source: "cible",
        rate: 0.35,
      },
      {
        scope: "ors",
        wave: "apres",
        year: 2024,
        responses: "18",
        reached: "90",
        reached_source: "participants",
        rate: 0.2,
      },
      {
        scope: "ors",
        wave: "avant",
        year: 2024,
        responses: "18",
        reached: "90",
        reached_source: "participants",
        rate: 0.2,
      },
      // Saint-Nicolas: fewer than 5 responses, no rate.
      {
        scope: "saint-nicolas",
        wave: "apres",
        year: 2024,
        responses: "< 5",
        reached: "210",
        reached_source: "participants",
        rate: null,
      },
      {
        scope: "saint-nicolas",
        wave: "avant",
        year: 2024,
        responses: "< 5",
        reached: "210",
        reached_source: "participants",
        rate: null,
      },
    ]);
  });
});
