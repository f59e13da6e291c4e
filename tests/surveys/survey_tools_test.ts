/**
 * Survey tools as they really export (issue 13): LimeSurvey (codes, French full texts, « code +
 * texte », anonymised dates, incomplete responses, XLSX), KoboToolbox (XML names with groups,
 * labels, rank, select_multiple, geopoint, metadata, XLSX repeat groups in any sheet order) and
 * Google Forms (French and English, every timestamp form, XLSX date cells). Fixtures written from
 * the tools' documented layouts: tests/fixtures/surveys/tools/; workbooks built here.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { openWarehouse } from "../../src/warehouse/connect.ts";
import { TEST_KEY, withInbox } from "../support/with_inbox.ts";
import { csvRows, surveyWorkbook, type TestCell } from "./survey_workbooks.ts";

const TOOLS = new URL("../fixtures/surveys/tools/", import.meta.url);
const fixture = (name: string) => Deno.readFile(new URL(name, TOOLS));
const fixtureText = (name: string) => Deno.readTextFile(new URL(name, TOOLS));

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Every row of the survey staging tables, as one text to search for personal values. */
async function surveyTables(query: Query): Promise<string> {
  const tables = await query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stg_survey_%'");
  let all = "";
  for (const { table_name } of tables) all += JSON.stringify(await query(`SELECT * FROM "${table_name}"`));
  return all;
}

/** Answers of the response on `line`, question → text. */
async function answersOf(query: Query, line: number): Promise<Record<string, unknown>> {
  const rows = await query(
    `SELECT question_path, value_text FROM stg_survey_answers WHERE source_line = ${line} ORDER BY question_path`,
  );
  return Object.fromEntries(rows.map((r) => [r.question_path, r.value_text]));
}

Deno.test("LimeSurvey codes: incomplete responses reported once and flagged, ipaddr/token/refurl dropped", async () => {
  await withInbox("lime_codes_", async ({ ingest, query }) => {
    const [r] = await ingest("limesurvey_codes.csv", await fixture("limesurvey_codes.csv"));
    assert.deepEqual([r.format, r.status, r.rowsRead, r.rowsLoaded], ["limesurvey", "loaded", 6, 6]);
    const incomplete = r.issues.filter((i) => /incomplète/.test(i.message));
    assert.equal(incomplete.length, 1);
    assert.match(
      incomplete[0].message,
      /^2 réponses incomplètes \(« submitdate » vide, lignes 5, 7\) : chargées/,
    );
    const dropped = r.issues.filter((i) => /écartée/.test(i.message)).map((i) => i.column).sort();
    assert.deepEqual(dropped, ["ipaddr", "refurl", "token"]);
    const responses = await query(
      "SELECT complete, strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS at FROM stg_survey_responses ORDER BY source_line",
    );
    assert.deepEqual(responses.map((x) => x.complete), [true, true, true, false, true, false]);
    assert.equal(responses[1].at, "2024-05-03 16:40:05");
    assert.equal(responses[3].at, null);
    // Counted apart: the incomplete responses are left out of the results.
    const [{ kept }] = await query(
      "SELECT count(DISTINCT response_ref) AS kept FROM survey_answers_resolved",
    );
    assert.equal(kept, 4);
    assert.deepEqual(await answersOf(query, 2), {
      "Q1": "A4",
      "Q2[SQ001]": "Y",
      "Q2[SQ003]": "Y",
      "Q3": "Y",
      "Q3[comment]": "Super ambiance le jeudi",
      "Q4": "3",
    });
    assert.deepEqual(await answersOf(query, 3), {
      "Q1": "A2",
      "Q2[SQ002]": "Y",
      "Q2[other]": "Cours de couture",
      "Q3": "N",
      "Q4": "1",
    });
    const all = await surveyTables(query);
    for (const secret of ["192.168", "tk8Jq2LmP0", "centre-lesors.fr", "1402741586"]) {
      assert.ok(!all.includes(secret), secret);
    }
  });
});

Deno.test("LimeSurvey « 1980-01-01 00:00:00 » is an unknown date, said once per file", async () => {
  await withInbox("lime_1980_", async ({ ingest, query }) => {
    const [r] = await ingest("limesurvey_anonyme.csv", await fixture("limesurvey_anonyme.csv"));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["limesurvey", "loaded", 5]);
    const said = r.issues.filter((i) => i.message.includes("1980-01-01"));
    assert.equal(said.length, 1);
    assert.match(
      said[0].message,
      /^4 réponses datées « 1980-01-01 00:00:00 » .* date de réponse inconnue, laissée vide/,
    );
    assert.ok(!r.issues.some((i) => /illisible/.test(i.message)));
    assert.equal(r.issues.filter((i) => /incomplète/.test(i.message)).length, 1);
    const [{ dated }] = await query("SELECT count(submitted_at) AS dated FROM stg_survey_responses");
    assert.equal(dated, 0);
  });
});

Deno.test("LimeSurvey French full texts with only « ID réponse » and « Langue » load (was refused)", async () => {
  await withInbox("lime_textes_", async ({ ingest, query }) => {
    const [r] = await ingest("limesurvey_textes_fr.csv", await fixture("limesurvey_textes_fr.csv"));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["limesurvey", "loaded", 7]);
    const cuisine = await query(
      `SELECT source_line, value_text FROM stg_survey_answers
       WHERE question_path = 'Quelles activités pratiquez-vous ? [Atelier cuisine]' ORDER BY source_line`,
    );
    assert.deepEqual(cuisine, [
      { source_line: 2, value_text: "Oui" },
      { source_line: 5, value_text: "Oui" },
      { source_line: 8, value_text: "Oui" },
    ]);
    // « N/A » is LimeSurvey's « no answer »; the language is metadata.
    const [{ na, langue }] = await query(
      `SELECT count(*) FILTER (WHERE value_text = 'N/A') AS na,
              count(*) FILTER (WHERE question_path = 'Langue') AS langue FROM stg_survey_answers`,
    );
    assert.deepEqual([na, langue], [0, 0]);
    assert.deepEqual(await answersOf(query, 7), { "Fréquentez-vous le centre social ?": "Non" });
    assert.deepEqual(await answersOf(query, 6), {
      "Fréquentez-vous le centre social ?": "Oui",
      "Quelles activités pratiquez-vous ? [Sorties familles]": "Oui",
      "Vous sentez-vous moins seul·e depuis que vous venez ?": "Plutôt pas d'accord",
    });
    const [{ complete }] = await query("SELECT count(complete) AS complete FROM stg_survey_responses");
    assert.equal(complete, 0);
  });
});

Deno.test("LimeSurvey French full texts also load with --kind surveys and --structure", async () => {
  const dir = await Deno.makeTempDir({ prefix: "lime_kind_" });
  const wh = await openWarehouse(":memory:");
  try {
    const file = join(dir, "export_reponses.csv");
    await Deno.copyFile(new URL("limesurvey_textes_fr.csv", TOOLS), file);
    await Deno.writeTextFile(
      join(dir, "structures.csv"),
      "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n",
    );
    await ingestPaths(wh.conn, { paths: [join(dir, "structures.csv")], key: TEST_KEY });
    const reports = await ingestPaths(wh.conn, {
      paths: [file],
      key: TEST_KEY,
      kind: "surveys",
      structureId: "demo",
    });
    assert.deepEqual(reports.map((r) => [r.format, r.status, r.rowsLoaded]), [["limesurvey", "loaded", 7]]);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("LimeSurvey « code + texte » headings with French metadata labels", async () => {
  await withInbox("lime_code_texte_", async ({ ingest, query }) => {
    const [r] = await ingest("limesurvey_code_texte.csv", await fixture("limesurvey_code_texte.csv"));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["limesurvey", "loaded", 5]);
    assert.match(
      r.issues.find((i) => /incomplète/.test(i.message))!.message,
      /^1 réponse incomplète \(« Date de soumission » vide, ligne 5\)/,
    );
    assert.deepEqual(
      r.issues.filter((i) => /écartée/.test(i.message)).map((i) => i.column).sort(),
      ["Adresse IP", "URL référente"],
    );
    assert.deepEqual(await answersOf(query, 6), {
      "Q1 - Fréquentez-vous le centre social ?": "Oui",
      "Q2 - Combien d'ateliers par mois ?": "8",
      "Q3[SQ001] - Activités [Atelier cuisine]": "Oui",
      "Q3[SQ002] - Activités [Jardin partagé]": "Oui",
    });
    const all = await surveyTables(query);
    assert.ok(!all.includes("10.0.0.2") && !all.includes("lesors.fr"));
  });
});

Deno.test("LimeSurvey XLSX export loads like its CSV", async () => {
  await withInbox("lime_xlsx_", async ({ ingest, query }) => {
    const rows = csvRows(await fixtureText("limesurvey_codes.csv"));
    const bytes = await surveyWorkbook([{ name: "Résultats", rows }]);
    const [r] = await ingest("limesurvey_codes.xlsx", bytes);
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["limesurvey", "loaded", 6]);
    assert.equal(r.issues.filter((i) => /incomplète/.test(i.message)).length, 1);
    assert.equal((await answersOf(query, 6))["Q3[comment]"], "Merci pour les sorties");
  });
});

Deno.test("a bare « id » column alone is not a LimeSurvey export", async () => {
  await withInbox("lime_bare_id_", async ({ ingest }) => {
    const [r] = await ingest("liste.csv", new TextEncoder().encode("id,couleur\n1,bleu\n2,vert\n"));
    assert.notEqual(r.format, "limesurvey");
  });
});

Deno.test("Kobo XML names: $edited, meta/instanceID, formhub/uuid are metadata; rank kept; GPS never stored", async () => {
  await withInbox("kobo_xml_", async ({ ingest, query }) => {
    const [r] = await ingest("kobo_noms_xml.csv", await fixture("kobo_noms_xml.csv"));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["kobotoolbox", "loaded", 5]);
    const paths = (await query("SELECT DISTINCT question_path AS p FROM stg_survey_answers ORDER BY p")).map((
      x,
    ) => x.p);
    assert.deepEqual(paths, [
      "commentaire",
      "group_ab12/activites",
      "group_ab12/activites/cuisine",
      "group_ab12/activites/jardin",
      "group_ab12/activites/sorties",
      "group_ab12/frequence",
      "group_ab12/satisfaction",
      "rank_them",
      "rank_them/_1st_choice",
      "rank_them/_2nd_choice",
      "rank_them/_3rd_choice",
      "rank_them/_4th_choice",
    ]);
    // The rank positions of the third submission, in order.
    const ranks = await query(
      `SELECT value_text FROM stg_survey_answers WHERE source_line = 4 AND question_path LIKE 'rank_them/%'
       ORDER BY question_path`,
    );
    assert.deepEqual(ranks.map((x) => x.value_text), ["sorties", "jardin", "cuisine", "couture"]);
    // Each GPS column is reported once, by header.
    for (const column of ["lieu", "trajet", "_lieu_latitude"]) {
      assert.equal(r.issues.filter((i) => i.column === column).length, 1, column);
    }
    assert.ok(r.issues.some((i) => i.column === "deviceid" && /écartée/.test(i.message)));
    const dropped = await query(
      "SELECT question_path, reason FROM stg_survey_dropped WHERE reason = 'gps' ORDER BY ALL",
    );
    assert.deepEqual(dropped.map((d) => d.question_path), [
      "_lieu_altitude",
      "_lieu_latitude",
      "_lieu_longitude",
      "_lieu_precision",
    ]);
    // The points themselves are set aside by their content (src/ingest/personal_columns.ts).
    for (const column of ["lieu", "trajet"]) {
      assert.ok(r.issues.some((i) => i.column === column && /coordonnées GPS/.test(i.message)), column);
    }
    // Kobo's _submission_time is UTC: 15:33:12 UTC is 16:33:12 in Paris in March.
    const [{ at }] = await query(
      "SELECT strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS at FROM stg_survey_responses WHERE source_line = 2",
    );
    assert.equal(at, "2024-03-14 16:33:12");
    const all = await surveyTables(query);
    for (const secret of ["45.76", "4.835", "collect:", "animatrice_ors", "uuid:0b6e"]) {
      assert.ok(!all.includes(secret), secret);
    }
  });
});

Deno.test("Kobo labels without groups: 0/1 choice columns, geopoint by label dropped", async () => {
  await withInbox("kobo_labels_", async ({ ingest, query }) => {
    const [r] = await ingest("kobo_libelles.csv", await fixture("kobo_libelles.csv"));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["kobotoolbox", "loaded", 5]);
    assert.deepEqual(await answersOf(query, 2), {
      "Quelles activités ?": "Atelier cuisine Jardin partagé",
      "Quelles activités ?/Atelier cuisine": "1",
      "Quelles activités ?/Jardin partagé": "1",
      "Quelles activités ?/Sorties familles": "0",
      "Vous venez au centre…": "Chaque semaine",
      "Êtes-vous satisfait·e des ateliers ? (1 à 5)": "5",
    });
    assert.ok(
      r.issues.some((i) =>
        i.column === "Où habitez-vous ?" && /position GPS|coordonnées GPS/.test(i.message)
      ),
    );
    assert.ok(!(await surveyTables(query)).includes("45.762"));
  });
});

const MAIN = "Ateliers du centre";
const SUB = [
  "_submission__id",
  "_submission__uuid",
  "_submission__submission_time",
  "_submission__validation_status",
  "_submission__notes",
  "_submission__status",
  "_submission__submitted_by",
  "_submission___version__",
  "_submission__tags",
];
const UUIDS = [
  "7c1e0a52-1111-4a0b-9c3d-0e1f2a3b4c01",
  "7c1e0a52-2222-4a0b-9c3d-0e1f2a3b4c02",
  "7c1e0a52-3333-4a0b-9c3d-0e1f2a3b4c03",
];
const submission = (i: number): TestCell[] => [
  String(501 + i),
  UUIDS[i],
  `2024-05-1${i}T08:30:00`,
  "",
  "",
  "submitted_via_web",
  "animatrice_ors",
  "vAtel1",
  "",
];

/** A Kobo XLSX export of a workshop form with three repeat groups (one nested), sheets in `order`. */
function koboRepeatWorkbook(order: string[]): Promise<Uint8Array> {
  const sheets: Record<string, TestCell[][]> = {
    [MAIN]: [
      [
        "start",
        "end",
        "atelier/type_atelier",
        "atelier/nb_participants",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "_index",
      ],
      ...[0, 1, 2].map((i): TestCell[] => [
        `2024-05-1${i}T10:00:00.000+02:00`,
        `2024-05-1${i}T10:30:00.000+02:00`,
        ["cuisine", "jardin", "sorties"][i],
        [2, 2, 1][i],
        501 + i,
        UUIDS[i],
        new Date(Date.UTC(2024, 4, 10 + i, 8, 30, 0)),
        null,
        null,
        "submitted_via_web",
        "animatrice_ors",
        "vAtel1",
        null,
        i + 1,
      ]),
    ],
    themes: [
      ["themes/theme", "themes/duree_minutes", "_index", "_parent_table_name", "_parent_index", ...SUB],
      ["alimentation", 45, 1, MAIN, 1, ...submission(0)],
      ["budget", 30, 2, MAIN, 1, ...submission(0)],
      ["compost", 60, 3, MAIN, 2, ...submission(1)],
      ["sortie nature", 120, 4, MAIN, 3, ...submission(2)],
    ],
    participants: [
      [
        "participants/Participant_name",
        "participants/age_participant",
        "participants/lieu_habitation",
        "participants/_lieu_habitation_latitude",
        "participants/_lieu_habitation_longitude",
        "participants/_lieu_habitation_altitude",
        "participants/_lieu_habitation_precision",
        "_index",
        "_parent_table_name",
        "_parent_index",
        ...SUB,
      ],
      [
        "Awa Diallo",
        34,
        "45.764043 4.835659 170 5",
        45.764043,
        4.835659,
        170,
        5,
        1,
        MAIN,
        1,
        ...submission(0),
      ],
      ["Jean Martin", 61, null, null, null, null, null, 2, MAIN, 1, ...submission(0)],
      [
        "Sophie Bernard",
        45,
        "45.758120 4.832210 165 8",
        45.75812,
        4.83221,
        165,
        8,
        3,
        MAIN,
        2,
        ...submission(1),
      ],
      ["Karim Haddad", 29, null, null, null, null, null, 4, MAIN, 2, ...submission(1)],
      ["Lucie Petit", 52, null, null, null, null, null, 5, MAIN, 3, ...submission(2)],
    ],
    retours: [
      ["retours/retour_texte", "retours/note", "_index", "_parent_table_name", "_parent_index", ...SUB],
      [
        "Très bien, merci Mme Diallo, appelez-moi au 06 12 34 56 78",
        5,
        1,
        "participants",
        1,
        ...submission(0),
      ],
      ["Trop court", 3, 2, "participants", 3, ...submission(1)],
      ["Super sortie", 4, 3, "participants", 5, ...submission(2)],
    ],
  };
  return surveyWorkbook(order.map((name) => ({ name, rows: sheets[name] })));
}

Deno.test("Kobo XLSX repeat groups load in any sheet order, queryable with their submission", async () => {
  for (
    const order of [["retours", "participants", MAIN, "themes"], [MAIN, "themes", "participants", "retours"]]
  ) {
    await withInbox("kobo_repeats_", async ({ ingest, query }) => {
      const reports = await ingest("ateliers.xlsx", await koboRepeatWorkbook(order));
      const bySheet = Object.fromEntries(reports.map((r) => [r.sheet, [r.format, r.status, r.rowsLoaded]]));
      assert.deepEqual(bySheet, {
        [MAIN]: ["kobotoolbox", "loaded", 3],
        themes: ["kobotoolbox-repetition", "loaded", 4],
        participants: ["kobotoolbox-repetition", "loaded", 5],
        retours: ["kobotoolbox-repetition", "loaded", 3],
      });
      // Each theme with its submission's structure, date (UTC → Paris) and workshop type.
      const themes = await query(
        `SELECT t.structure_id, strftime(t.submitted_at, '%Y-%m-%d %H:%M') AS at, a.value_text AS atelier,
                t.repeat_index, t.value_text AS theme
         FROM survey_repeat_answers t
         JOIN stg_survey_answers a ON a.response_ref = t.response_ref AND a.question_path = 'atelier/type_atelier'
         WHERE t.question_path = 'themes/theme' ORDER BY t.repeat_index`,
      );
      assert.deepEqual(themes, [
        {
          structure_id: "demo",
          at: "2024-05-10 10:30",
          atelier: "cuisine",
          repeat_index: 1,
          theme: "alimentation",
        },
        {
          structure_id: "demo",
          at: "2024-05-10 10:30",
          atelier: "cuisine",
          repeat_index: 2,
          theme: "budget",
        },
        {
          structure_id: "demo",
          at: "2024-05-11 10:30",
          atelier: "jardin",
          repeat_index: 3,
          theme: "compost",
        },
        {
          structure_id: "demo",
          at: "2024-05-12 10:30",
          atelier: "sorties",
          repeat_index: 4,
          theme: "sortie nature",
        },
      ]);
      // The nested repeat names its parent; free text is redacted.
      const retours = await query(
        `SELECT parent_table, parent_index, value_text FROM survey_repeat_answers
         WHERE question_path = 'retours/retour_texte' ORDER BY repeat_index`,
      );
      assert.deepEqual(retours[0], {
        parent_table: "participants",
        parent_index: 1,
        value_text: "Très bien, merci [nom], appelez-moi au [téléphone]",
      });
      const [{ ages }] = await query(
        "SELECT sum(value_number) AS ages FROM survey_repeat_answers WHERE question_path = 'participants/age_participant'",
      );
      assert.equal(ages, 34 + 61 + 45 + 29 + 52);
      const dropped = await query(
        "SELECT DISTINCT question_path, reason FROM stg_survey_dropped ORDER BY ALL",
      );
      assert.deepEqual(dropped.map((d) => `${d.question_path}:${d.reason}`), [
        "participants/Participant_name:identite",
        "participants/_lieu_habitation_altitude:gps",
        "participants/_lieu_habitation_latitude:gps",
        "participants/_lieu_habitation_longitude:gps",
        "participants/_lieu_habitation_precision:gps",
      ]);
      const all = await surveyTables(query);
      for (
        const secret of ["Awa", "Diallo", "Martin", "Sophie", "06 12 34", "45.76", "4.8356", "animatrice_ors"]
      ) {
        assert.ok(!all.includes(secret), secret);
      }
    });
  }
});

Deno.test("Google Forms French: Horodateur dd/mm/yyyy, checkbox answers kept whole, grid rows", async () => {
  await withInbox("forms_fr_", async ({ ingest, query }) => {
    const [r] = await ingest("google_forms_fr.csv", await fixture("google_forms_fr.csv"));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["google-forms", "loaded", 5]);
    const at = await query(
      "SELECT strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS at FROM stg_survey_responses ORDER BY source_line",
    );
    assert.deepEqual(at.map((x) => x.at), [
      "2024-01-17 18:07:45",
      "2024-01-18 09:15:02",
      "2024-01-19 14:30:59",
      "2024-01-22 20:01:10",
      "2024-01-23 12:00:00",
    ]);
    assert.deepEqual(await answersOf(query, 4), {
      "Quelles activités pratiquez-vous ?": "Atelier cuisine, Sorties familles, Jardin partagé",
      "Un mot pour l'équipe ?": "Continuez comme ça",
      "Votre avis sur [L'accueil]": "Très satisfait",
      "Votre avis sur [Les horaires]": "Très satisfait",
      "Votre avis sur [Les tarifs]": "Très satisfait",
      "Vous venez au centre social…": "Chaque semaine",
    });
  });
});

Deno.test("Google Forms « 4:20:37 pm CET » keeps the afternoon hour; every timestamp form in Paris time", async () => {
  await withInbox("forms_en_", async ({ ingest, query }) => {
    const [r] = await ingest("google_forms_en.csv", await fixture("google_forms_en.csv"));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["google-forms", "loaded", 5]);
    const at = await query(
      "SELECT strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS at FROM stg_survey_responses ORDER BY source_line",
    );
    assert.deepEqual(at.map((x) => x.at), [
      "2023-11-13 16:20:37",
      "2023-11-13 09:05:12",
      "2024-01-17 18:07:45",
      "2024-07-02 12:30:00",
      "2024-07-03 10:15:00",
    ]);
    assert.ok(r.issues.some((i) => i.column === "Email Address" && /écartée/.test(i.message)));
    assert.equal(
      (await answersOf(query, 4))["Which activities do you take part in?"],
      "Cooking workshop;Family outings;Community garden",
    );
    const all = await surveyTables(query);
    for (const secret of ["awa.diallo", "jean.martin", "sophie.bernard"]) {
      assert.ok(!all.includes(secret), secret);
    }
  });
});

Deno.test("Google Forms XLSX: real date cells keep their time", async () => {
  await withInbox("forms_xlsx_", async ({ ingest, query }) => {
    const rows = csvRows(await fixtureText("google_forms_fr.csv"));
    const dated = rows.map((row, i) =>
      i === 0
        ? row
        : [new Date(Date.UTC(2024, 0, 16 + i, [18, 9, 14, 20, 12][i - 1], 7, 45)), ...row.slice(1)]
    );
    const [r] = await ingest(
      "reponses.xlsx",
      await surveyWorkbook([{ name: "Réponses au formulaire 1", rows: dated }]),
    );
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["google-forms", "loaded", 5]);
    const at = await query(
      "SELECT strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS at FROM stg_survey_responses ORDER BY source_line",
    );
    assert.deepEqual(at.map((x) => x.at), [
      "2024-01-17 18:07:45",
      "2024-01-18 09:07:45",
      "2024-01-19 14:07:45",
      "2024-01-20 20:07:45",
      "2024-01-21 12:07:45",
    ]);
  });
});

Deno.test("Kobo select_multiple in one column and True/False columns counts each choice once", async () => {
  await withInbox("kobo_multiple_", async ({ ingest, query }) => {
    const form = await surveyWorkbook([
      {
        name: "survey",
        rows: [
          ["type", "name", "label"],
          ["begin_group", "group_ab12", "Votre venue"],
          ["select_one freq", "frequence", "Vous venez…"],
          ["select_multiple act", "activites", "Quelles activités ?"],
          ["end_group", null, null],
          ["rank act", "rank_them", "Classez les activités"],
        ],
      },
      {
        name: "choices",
        rows: [
          ["list_name", "name", "label"],
          ["freq", "hebdo", "Chaque semaine"],
          ["freq", "mensuel", "Chaque mois"],
          ["freq", "rarement", "Rarement"],
          ["act", "cuisine", "Atelier cuisine"],
          ["act", "jardin", "Jardin partagé"],
          ["act", "sorties", "Sorties familles"],
          ["act", "couture", "Couture"],
        ],
      },
      { name: "settings", rows: [["form_id", "form_title"], ["venue_centre", "Venue au centre"]] },
    ]);
    await ingest("formulaire.xlsx", form);
    await ingest("kobo_noms_xml.csv", await fixture("kobo_noms_xml.csv"));
    const chosen = await query(
      `SELECT source_line, choice_name FROM survey_answers_resolved WHERE item_type = 'select_multiple'
       ORDER BY source_line, choice_name`,
    );
    assert.deepEqual(chosen.map((c) => `${c.source_line}:${c.choice_name}`), [
      "2:cuisine",
      "2:jardin",
      "3:sorties",
      "4:cuisine",
      "4:jardin",
      "4:sorties",
      "6:jardin",
    ]);
  });
});

Deno.test("Google Forms: two questions with the same title are both kept", async () => {
  await withInbox("forms_twice_", async ({ ingest, query }) => {
    const csv = "Horodateur,Un commentaire ?,Vous venez…,Un commentaire ?\n" +
      '17/01/2024 18:07:45,Très bien,Chaque semaine,"Plus de sorties, svp"\n' +
      "18/01/2024 09:15:02,Rien à dire,Chaque mois,Merci\n";
    const [r] = await ingest("reponses.csv", new TextEncoder().encode(csv));
    assert.deepEqual([r.format, r.status, r.rowsLoaded], ["google-forms", "loaded", 2]);
    assert.deepEqual(await answersOf(query, 2), {
      "Un commentaire ?": "Très bien",
      "Un commentaire ? (2)": "Plus de sorties, svp",
      "Vous venez…": "Chaque semaine",
    });
    assert.equal(
      r.issues.filter((i) => /plusieurs colonnes « Un commentaire \? »/.test(i.message)).length,
      1,
    );
  });
});

Deno.test("LimeSurvey: an incomplete response completed in a later export replaces itself", async () => {
  await withInbox("lime_later_", async ({ ingest, query }) => {
    const text = await fixtureText("limesurvey_codes.csv");
    await ingest("semaine_1.csv", new TextEncoder().encode(text));
    // The next export: response 4 was completed meanwhile (same id, same startdate).
    const later = text.replace(
      '"4",,"1","fr","774102985","tkM2d8PqS1","2024-05-05 09:00:00","2024-05-05 09:02:10","192.168.1.13","","A3",,,,,,,',
      '"4","2024-05-05 09:12:00","3","fr","774102985","tkM2d8PqS1","2024-05-05 09:00:00","2024-05-05 09:12:00","192.168.1.13","","A3","Y","","","","Y","","2"',
    );
    assert.notEqual(later, text);
    const [r] = await ingest("semaine_2.csv", new TextEncoder().encode(later));
    assert.equal(r.rowsLoaded, 6);
    const rows = await query(
      "SELECT complete, count(*) AS n FROM stg_survey_responses GROUP BY ALL ORDER BY ALL",
    );
    assert.deepEqual(rows, [{ complete: false, n: 1 }, { complete: true, n: 5 }]);
  });
});
