/**
 * The sample's questionnaire: respondents who answered both waves with the same code (some typed
 * « or-007 » for « OR007 ») are paired as the ground truth says, and the marts compute a result
 * for every dimension with its test when enough people are paired.
 */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { SURVEY_ANSWER_PATHS, SURVEY_FORM_PATH } from "../../src/sample/surveys_files.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { buildSurveyMarts } from "../../src/surveys/build_marts.ts";

Deno.test("sample surveys: pairs by respondent code match the ground truth", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sample_surveys_" });
  const wh = await openWarehouse(":memory:");
  try {
    const { expected } = await generateSample({ out: dir, scale: 0.02, seed: 2017 });
    const inbox = join(dir, "surveys_only");
    for (const path of ["structures.csv", SURVEY_FORM_PATH, ...Object.values(SURVEY_ANSWER_PATHS)]) {
      await Deno.mkdir(join(inbox, dirname(path)), { recursive: true });
      await Deno.copyFile(join(dir, "inbox", path), join(inbox, path));
    }
    await ingestPaths(wh.conn, { paths: [inbox], key: new Uint8Array(32).fill(9) });
    const query = (sql: string) => queryRows(wh.conn, sql);

    const pairs = await query(
      `SELECT structure_id, count(DISTINCT respondent_ref) AS n FROM survey_dimension_pairs GROUP BY ALL ORDER BY ALL`,
    );
    assert.deepEqual(
      Object.fromEntries(pairs.map((p) => [p.structure_id, p.n])),
      expected.surveys.paired,
    );
    const raw = JSON.stringify(await query("SELECT * FROM stg_survey_answers"));
    assert.ok(!/"(OR|SN)\d{3}"/.test(raw) && !raw.includes("or-0"), "raw respondent codes stored");

    await buildSurveyMarts(wh.conn);
    const results = await query(
      "SELECT scope, dimension, paired_n, wilcoxon_p, warning FROM mart_survey_results ORDER BY ALL",
    );
    // Three dimensions (cohésion, épanouissement, gouvernance) × (two structures + the Coopération).
    assert.equal(results.length, 9);
    for (const r of results) {
      assert.ok(Number(r.paired_n) >= 10, JSON.stringify(r));
      assert.ok(
        r.warning !== null || (typeof r.wilcoxon_p === "number" && r.wilcoxon_p >= 0),
        JSON.stringify(r),
      );
    }
    // Only comments with « oui » are published.
    const [{ published, consented }] = await query(
      `SELECT (SELECT count(*) FROM mart_survey_free_text) AS published,
         (SELECT count(*) FROM survey_free_text WHERE consent) AS consented`,
    );
    assert.equal(published, consented);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
