/**
 * Participants' questionnaires (kind « surveys »): an XLSForm instrument and its answers exported
 * by KoboToolbox (CSV with BOM and `;`, blank line, bad date, a Likert answer outside its list, a
 * duplicated `_uuid`, a structure absent from the registry, an identity question, free text with
 * a name, an e-mail and a phone number), the same answers as a workbook with 0/1 columns,
 * LimeSurvey, Google Forms and paper questionnaires. Fixtures: tests/fixtures/surveys/.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const KEY = new Uint8Array(32).fill(5);
const FIXTURES = new URL("../fixtures/surveys/", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\nors;Maison de quartier des Ors;Centre social\n" +
  "saint-nicolas;Maison de quartier Saint-Nicolas;Centre social\n";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Copies fixtures (`[inbox path, fixture name]`) into a fresh inbox, ingests them in one call. */
async function withSurveys(
  files: [string, string][],
  run: (reports: Awaited<ReturnType<typeof ingestPaths>>, query: Query) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "more_kinds_surveys_" });
  const inbox = join(dir, "inbox");
  const wh = await openWarehouse(":memory:");
  try {
    await Deno.mkdir(join(inbox, "ors"), { recursive: true });
    await Deno.mkdir(join(inbox, "saint-nicolas"), { recursive: true });
    await Deno.writeTextFile(join(inbox, "structures.csv"), REGISTRY);
    for (const [path, name] of files) {
      await Deno.copyFile(new URL(name, FIXTURES), join(inbox, path));
    }
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
    await run(reports, (sql) => queryRows(wh.conn, sql));
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

const SELECTED = `SELECT response_ref, item_name, choice_name FROM survey_answers_resolved
  WHERE item_type = 'select_multiple' ORDER BY ALL`;

Deno.test("XLSForm sheets load as items, choices and settings of one form", async () => {
  await withSurveys(
    [["formulaire_lien_social.xlsx", "formulaire_lien_social.xlsx"]],
    async (reports, query) => {
      const mine = reports.filter((r) => r.file === "formulaire_lien_social.xlsx");
      assert.deepEqual(
        mine.map((r) => [r.sheet, r.kind, r.format, r.status, r.rowsLoaded]),
        [
          ["survey", "surveys", "xlsform-survey", "loaded", 12],
          ["choices", "surveys", "xlsform-choices", "loaded", 12],
          ["settings", "surveys", "xlsform-settings", "loaded", 1],
        ],
      );
      // The unknown dimension warns on its line and the item is kept without one.
      const survey = mine[0];
      assert.deepEqual(survey.issues.map((i) => [i.line, i.column, i.severity]), [[
        14,
        "dimension",
        "avertissement",
      ]]);
      const items = await query(
        `SELECT form_id, name, item_type, list_name, dimension, reverse_coded, group_path FROM survey_items
       ORDER BY position`,
      );
      // 14 rows, the two end_group rows closing groups are not items.
      assert.equal(items.length, 12);
      assert.ok(items.every((i) => i.form_id === "lien_social_2024"));
      const byName = Object.fromEntries(items.map((i) => [i.name, i]));
      assert.deepEqual(byName.q1_voisins, {
        form_id: "lien_social_2024",
        name: "q1_voisins",
        item_type: "select_one",
        list_name: "agree5",
        dimension: "cohesion_sociale",
        reverse_coded: false,
        group_path: "groupe_lien",
      });
      assert.equal(byName.q2_isole.reverse_coded, true);
      assert.equal(byName.q3_confiance.group_path, "groupe_agir");
      assert.equal(byName.q5_activites.item_type, "select_multiple");
      assert.equal(byName.q6_commentaire.group_path, null);
      assert.equal(byName.q6_commentaire.dimension, null);
      const [{ n }] = await query("SELECT count(*) AS n FROM survey_choices WHERE list_name = 'agree5'");
      assert.equal(n, 5);
    },
  );
});

Deno.test("Kobo CSV: duplicate, bad date, identity dropped, text redacted, Likert outside the list", async () => {
  await withSurveys([
    ["ors/kobo_lien_social.csv", "kobo_lien_social.csv"],
    ["formulaire_lien_social.xlsx", "formulaire_lien_social.xlsx"],
  ], async (reports, query) => {
    const [r] = reports.filter((x) => x.file === "ors/kobo_lien_social.csv");
    assert.equal(r.kind, "surveys");
    assert.equal(r.format, "kobotoolbox");
    assert.equal(r.status, "partial");
    // 5 responses read (the blank line is skipped), the repeated _uuid counted once, the
    // structure absent from the registry refused.
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsDuplicate, r.rowsRejected], [5, 3, 1, 1]);
    // Question columns are expected: only the columns set aside are reported on the header line.
    const header = r.issues.filter((i) => i.line === 1);
    assert.ok(header.every((i) => /écartée|colonne technique/.test(i.message)), JSON.stringify(header));
    assert.ok(
      header.some((i) => i.column === "identite/q0_prenom" && /identifie la personne/.test(i.message)),
    );
    const errors = r.issues.filter((i) => i.line !== 1);
    // Validation first, line by line, then the duplicates found among the valid rows.
    assert.deepEqual(errors.map((i) => [i.line, i.column, i.severity]), [
      [5, "_submission_time", "avertissement"],
      [7, "structure", "erreur"],
      [6, null, "avertissement"],
    ]);
    assert.match(errors[0].message, /« 32\/13\/2024 » illisible : réponse gardée sans date/);
    assert.match(errors[1].message, /structure « centre-inconnu » absente du registre des structures/);
    assert.match(errors[2].message, /ligne en double/);

    const responses = await query(
      `SELECT structure_id, wave, strftime(submitted_at, '%Y-%m-%d %H:%M') AS at, submitter_ref IS NOT NULL AS by
       FROM stg_survey_responses ORDER BY source_line`,
    );
    // Kobo's _submission_time is UTC: stored as Paris time, it meets the form's own `end`
    // (10:15 +01:00 in March, 14:09 +02:00 in October).
    assert.deepEqual(responses, [
      { structure_id: "ors", wave: "avant", at: "2024-03-12 10:15", by: true },
      { structure_id: "ors", wave: "apres", at: "2024-10-02 14:09", by: false },
      { structure_id: "saint-nicolas", wave: "avant", at: null, by: false },
    ]);
    // Nothing personal reached the warehouse: no first name, e-mail, phone, account or position.
    const all = JSON.stringify(await query("SELECT * FROM stg_survey_answers")) +
      JSON.stringify(await query("SELECT * FROM stg_survey_responses"));
    for (const secret of ["Awa", "awa.diallo", "06 12 34 56 78", "Martin", "enqueteur_ors", "45.04"]) {
      assert.ok(!all.includes(secret), secret);
    }
    const [{ value_text }] = await query(
      "SELECT value_text FROM stg_survey_answers WHERE question_path = 'q6_commentaire' AND source_line = 2",
    );
    assert.equal(value_text, "Merci [prénom] ! Écrivez-moi : [courriel] ou au [téléphone], [nom] est super");
    assert.deepEqual(
      await query("SELECT question_path, reason FROM stg_survey_dropped"),
      [{ question_path: "identite/q0_prenom", reason: "identite" }],
    );

    // The Likert « 7 » is kept, flagged, not scored.
    const problems = await query(
      "SELECT source_line, column_name, value, message FROM survey_answer_problems ORDER BY ALL",
    );
    assert.deepEqual(problems.map((p) => [p.source_line, p.column_name, p.value]), [
      [5, "groupe_lien/q1_voisins", "7"],
    ]);
    // Reverse-coded « je me sens isolé·e » = 2 scores 4 on a 1–5 scale.
    const scores = await query(
      `SELECT item_name, value_number, score, dimension FROM survey_answers_resolved
       WHERE source_line = 2 AND item_type = 'select_one' AND item_name LIKE 'q%' ORDER BY item_name`,
    );
    assert.deepEqual(scores, [
      { item_name: "q1_voisins", value_number: 4, score: 4, dimension: "cohesion_sociale" },
      { item_name: "q2_isole", value_number: 2, score: 4, dimension: "cohesion_sociale" },
      { item_name: "q3_confiance", value_number: 3, score: 3, dimension: "epanouissement" },
    ]);
    const [{ known }] = await query(
      "SELECT bool_and(structure_known) FILTER (WHERE structure_id <> 'centre-inconnu') AS known FROM survey_answers_resolved",
    );
    assert.equal(known, true);
  });
});

Deno.test("select_multiple: one column, 0/1 columns, or both give the same rows", async () => {
  const selected: unknown[] = [];
  // Answers before the form, in the same call: resolution happens in SQL afterwards.
  for (
    const files of [
      [["ors/kobo_lien_social.csv", "kobo_lien_social.csv"]],
      [["ors/kobo_lien_social_01.xlsx", "kobo_lien_social_01.xlsx"]],
    ] as [string, string][][]
  ) {
    await withSurveys(
      [...files, ["zz_formulaire.xlsx", "formulaire_lien_social.xlsx"]],
      async (reports, query) => {
        // (The CSV's response from a structure absent from the registry is refused: « partial ».)
        assert.ok(reports.every((r) => r.status !== "rejected"), JSON.stringify(reports.map((r) => r.file)));
        selected.push(await query(SELECTED));
      },
    );
  }
  const [csv, xlsx] = selected as Record<string, unknown>[][];
  assert.ok(xlsx.length > 0);
  // The CSV carries both shapes (as Kobo exports by default): no choice is counted twice. It
  // holds a fourth response the workbook lacks.
  const refs = new Set(xlsx.map((r) => r.response_ref));
  assert.deepEqual(csv.filter((r) => refs.has(r.response_ref)), xlsx);
  assert.deepEqual(xlsx.map((r) => r.choice_name).sort(), [
    "atelier_cuisine",
    "atelier_cuisine",
    "jardin",
    "sorties",
    "sorties",
  ]);
});

Deno.test("LimeSurvey, Google Forms and paper questionnaires load, without personal data", async () => {
  await withSurveys([
    ["ors/limesurvey_reponses.csv", "limesurvey_reponses.csv"],
    ["google_forms_reponses.csv", "google_forms_reponses.csv"],
    ["saint-nicolas/questionnaires_papier.xlsx", "questionnaires_papier.xlsx"],
  ], async (reports, query) => {
    const byFile = Object.fromEntries(reports.filter((r) => r.kind === "surveys").map((r) => [r.file, r]));
    assert.deepEqual(
      Object.entries(byFile).map(([f, r]) => [f, r.format, r.status, r.rowsLoaded]).sort(),
      [
        ["google_forms_reponses.csv", "google-forms", "loaded", 2],
        ["ors/limesurvey_reponses.csv", "limesurvey", "loaded", 2],
        ["saint-nicolas/questionnaires_papier.xlsx", "questionnaire-papier", "loaded", 3],
      ],
    );
    const responses = await query(
      "SELECT source_format, structure_id, wave, count(*) AS n FROM stg_survey_responses GROUP BY ALL ORDER BY ALL",
    );
    assert.deepEqual(responses, [
      { source_format: "google-forms", structure_id: "ors", wave: null, n: 1 },
      { source_format: "google-forms", structure_id: "saint-nicolas", wave: null, n: 1 },
      { source_format: "limesurvey", structure_id: "ors", wave: "avant", n: 2 },
      { source_format: "questionnaire-papier", structure_id: "saint-nicolas", wave: "apres", n: 1 },
      { source_format: "questionnaire-papier", structure_id: "saint-nicolas", wave: "avant", n: 2 },
    ]);
    const paths = (await query("SELECT DISTINCT question_path AS p FROM stg_survey_answers ORDER BY p")).map((
      r,
    ) => r.p);
    assert.deepEqual(paths, [
      "Je connais mes voisins (1 à 5)",
      "Q1",
      "Q5[SQ001]",
      "Q5[SQ002]",
      "Q6",
      "Quelles activités fréquentez-vous ?",
      "q1_voisins",
      "q3_confiance",
    ]);
    const all = JSON.stringify(await query("SELECT * FROM stg_survey_answers")) +
      JSON.stringify(await query("SELECT * FROM stg_survey_responses"));
    for (const secret of ["marie.durand", "Marie", "Durand", "192.168"]) {
      assert.ok(!all.includes(secret), secret);
    }
    assert.deepEqual(
      (await query("SELECT question_path FROM stg_survey_dropped")).map((r) => r.question_path),
      ["Votre nom et prénom"],
    );
  });
});
