/**
 * Participants' questionnaire of La Coopération: the XLSForm instrument at the inbox root
 * (`questionnaire_lien_social.xlsx`, sheets survey, choices, settings) and the KoboToolbox
 * answers of two centres, before and after a year of activities: the Ors as a `;` CSV with BOM
 * (select_multiple as one column and as 0/1 columns, structure from the folder), Saint-Nicolas as
 * a workbook with a `structure` column. Answers improve a little between the waves.
 *
 * Each response carries a `code_repondant` (the pairing convention of loaders/survey_answers.ts):
 * part of the « avant » respondents answer « après » again with the same code (sometimes typed
 * differently: « or-007 » for « OR007 »), their answers starting from their own first ones; the
 * others are new people. A `consentement` question (oui/non) follows the free comment.
 */
import type { Row } from "write-excel-file/node";
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { SurveyStats, Truth } from "./truth.ts";
import { csvLine, encodeText } from "./csv.ts";
import { buildWorkbook, textCell } from "./xlsx.ts";

/** Where the instrument is written. */
export const SURVEY_FORM_PATH = "questionnaire_lien_social.xlsx";
/** Where each structure's answers are written. */
export const SURVEY_ANSWER_PATHS: Record<string, string> = {
  "ors": "ors/kobo_lien_social.csv",
  "saint-nicolas": "saint-nicolas/kobo_lien_social.xlsx",
};
const FORM_ID = "lien_social_coop";

/** Likert items: name, group, label, dimension, reverse-coded. */
const LIKERT: [string, string, string, string, boolean][] = [
  ["q1_voisins", "groupe_lien", "Je connais des habitants de mon quartier", "cohésion sociale", false],
  ["q2_isole", "groupe_lien", "Je me sens seul·e", "cohésion sociale", true],
  ["q3_confiance", "groupe_agir", "J'ose donner mon avis en réunion", "épanouissement", false],
  ["q4_projet", "groupe_agir", "J'ai participé à un projet d'habitants", "gouvernance", false],
];
const ACTIVITIES = ["atelier_cuisine", "jardin", "sorties", "accompagnement_scolarite"];
const ACTIVITY_LABELS = [
  "Atelier cuisine",
  "Jardin partagé",
  "Sorties familles",
  "Accompagnement à la scolarité",
];

function instrument(): Promise<Uint8Array> {
  const t = (rows: (string | null)[][]): Row[] =>
    rows.map((r) => r.map((c) => (c === null ? null : textCell(c))));
  const survey: (string | null)[][] = [
    ["type", "name", "label::Français (fr)", "dimension", "reverse", "required"],
    ["start", "start", null, null, null, null],
    ["end", "end", null, null, null, null],
    ["select_one vague", "vague", "Moment du questionnaire", null, null, "yes"],
    ["text", "code_repondant", "Votre code personnel (donné au premier questionnaire)", null, null, "yes"],
  ];
  for (const group of ["groupe_lien", "groupe_agir"]) {
    survey.push([
      "begin_group",
      group,
      group === "groupe_lien" ? "Lien social" : "Pouvoir d'agir",
      null,
      null,
      null,
    ]);
    for (const [name, g, label, dimension, reverse] of LIKERT) {
      if (g === group) {
        survey.push(["select_one agree5", name, label, dimension, reverse ? "1" : null, "yes"]);
      }
    }
    if (group === "groupe_agir") {
      survey.push([
        "select_multiple activites",
        "q5_activites",
        "Activités fréquentées",
        "gouvernance",
        null,
        null,
      ]);
    }
    survey.push(["end_group", null, null, null, null, null]);
  }
  survey.push(["text", "q6_commentaire", "Un mot libre ?", null, null, null]);
  survey.push([
    "select_one oui_non",
    "consentement",
    "J'accepte que mon mot libre soit publié",
    null,
    null,
    null,
  ]);
  const choices: (string | null)[][] = [["list_name", "name", "label::Français (fr)"]];
  [
    "Pas du tout d'accord",
    "Plutôt pas d'accord",
    "Ni l'un ni l'autre",
    "Plutôt d'accord",
    "Tout à fait d'accord",
  ]
    .forEach((label, i) => choices.push(["agree5", String(i + 1), label]));
  ACTIVITIES.forEach((name, i) => choices.push(["activites", name, ACTIVITY_LABELS[i]]));
  choices.push(["vague", "avant", "Avant"], ["vague", "apres", "Après"]);
  choices.push(["oui_non", "oui", "Oui"], ["oui_non", "non", "Non"]);
  const settings = [["form_id", "form_title", "version"], [
    FORM_ID,
    "Lien social et pouvoir d'agir",
    "2024-01",
  ]];
  return buildWorkbook([
    { name: "survey", rows: t(survey) },
    { name: "choices", rows: t(choices) },
    { name: "settings", rows: t(settings) },
  ]);
}

/** Rows of the instrument's sheets, for expected.json. */
const FORM_SHEETS = {
  survey: 4 + 2 * 2 + LIKERT.length + 1 + 1 + 1,
  choices: 5 + ACTIVITIES.length + 2 + 2,
  settings: 1,
};

const COMMENTS = [
  "",
  "",
  "",
  "Merci à l'équipe",
  "On se sent accueillis",
  "Plus de sorties l'été svp",
  "J'ai rencontré des voisines",
];

function hex(rng: Random, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += "0123456789abcdef"[rng.int(0, 15)];
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** One response: header name → cell text. */
type Answer = Record<string, string>;

/** A respondent: the code typed on the questionnaire and a starting level per Likert item. */
interface Person {
  code: string;
  base: number[];
}

function onePerson(rng: Random, code: string): Person {
  return { code, base: LIKERT.map(() => rng.int(1, 4)) };
}

function oneAnswer(
  rng: Random,
  wave: "avant" | "apres",
  index: number,
  person: Person,
  code: string,
): Answer {
  const lift = wave === "apres" ? 1 : 0;
  const answer: Answer = {};
  const month = wave === "avant" ? 3 : 10;
  const day = rng.int(1, 28);
  const [h, m] = [rng.int(9, 18), rng.int(0, 59)];
  const date = `2024-${pad(month)}-${pad(day)}`;
  answer.start = `${date}T${pad(h)}:${pad(m)}:00.000+01:00`;
  answer.end = `${date}T${pad(h)}:${pad(Math.min(59, m + rng.int(3, 12)))}:00.000+01:00`;
  answer.vague = wave;
  answer.code_repondant = code;
  for (const [k, [name, group, , , reverse]] of LIKERT.entries()) {
    const base = person.base[k] + (rng.chance(0.6) ? lift : 0);
    const value = Math.min(5, reverse ? 6 - base : base);
    answer[`${group}/${name}`] = String(value);
  }
  const chosen = ACTIVITIES.filter(() => rng.chance(0.4));
  if (chosen.length === 0) chosen.push(rng.pick(ACTIVITIES));
  answer["groupe_agir/q5_activites"] = chosen.join(" ");
  for (const a of ACTIVITIES) answer[`groupe_agir/q5_activites/${a}`] = chosen.includes(a) ? "1" : "0";
  answer.q6_commentaire = rng.pick(COMMENTS);
  answer.consentement = answer.q6_commentaire === "" ? "" : rng.chance(0.7) ? "oui" : "non";
  answer._id = String(100000 + index);
  answer._uuid = `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`;
  answer._submission_time = `${date}T${pad(h - 1)}:${pad(m)}:30`;
  answer._validation_status = "";
  answer.__version__ = "vA8kLq3Xb2";
  answer._index = String(index);
  return answer;
}

/**
 * Writes the instrument and the answers of two Coopération centres, and records per structure
 * and wave the responses written and the choices ticked in « Activités fréquentées ».
 * @param rng random stream of the surveys
 * @param inbox output
 * @param truth ground truth
 */
export async function writeSurveys(rng: Random, inbox: Inbox, truth: Truth): Promise<void> {
  await inbox.write(
    { path: SURVEY_FORM_PATH, rows: FORM_SHEETS.survey, encoding: "xlsx", sheets: FORM_SHEETS },
    await instrument(),
  );
  // The two end_group rows close groups: they are not items.
  const stats: SurveyStats = {
    form_id: FORM_ID,
    items: FORM_SHEETS.survey - 2,
    responses: {},
    paired: {},
    activities_ticked: 0,
  };
  let index = 0;
  for (const id of Object.keys(SURVEY_ANSWER_PATHS)) {
    const r = rng.fork(id);
    const answers: Answer[] = [];
    const perWave: Record<string, number> = {};
    const prefix = id === "ors" ? "OR" : "SN";
    const code = (n: number) => `${prefix}${String(n).padStart(3, "0")}`;
    // « avant »: new people; « après »: part of them again (same code), then new people.
    const before = Array.from({ length: r.int(34, 42) }, (_, i) => onePerson(r, code(i + 1)));
    const afterCount = r.int(34, 42);
    const paired = Math.min(
      afterCount,
      r.int(Math.round(before.length * 0.5), Math.round(before.length * 0.7)),
    );
    const after = [
      ...before.slice(0, paired),
      ...Array.from({ length: afterCount - paired }, (_, i) => onePerson(r, code(before.length + i + 1))),
    ];
    perWave.avant = before.length;
    perWave.apres = after.length;
    for (const p of before) answers.push(oneAnswer(r, "avant", ++index, p, p.code));
    for (const p of after) {
      // Codes are typed by hand: now and then in lower case with a dash.
      const typed = r.chance(0.1) ? `${p.code.slice(0, 2).toLowerCase()}-${p.code.slice(2)}` : p.code;
      answers.push(oneAnswer(r, "apres", ++index, p, typed));
    }
    stats.responses[id] = perWave;
    stats.paired[id] = paired;
    for (const a of answers) stats.activities_ticked += a["groupe_agir/q5_activites"].split(" ").length;
    const header = Object.keys(answers[0]);
    const path = SURVEY_ANSWER_PATHS[id];
    if (id === "ors") {
      const lines = [csvLine(header, ";"), ...answers.map((a) => csvLine(header.map((h) => a[h]), ";"))];
      await inbox.write(
        { path, rows: answers.length, encoding: "utf-8-bom" },
        encodeText(lines.join("\r\n") + "\r\n", "utf-8-bom"),
      );
    } else {
      // The centre exported the workbook with a structure column added by hand.
      const rows: Row[] = [["structure", ...header].map(textCell)];
      for (const a of answers) rows.push([textCell("Saint-Nicolas"), ...header.map((h) => textCell(a[h]))]);
      await inbox.write(
        { path, rows: answers.length, encoding: "xlsx", sheets: { "Lien social": answers.length } },
        await buildWorkbook([{ name: "Lien social", rows }]),
      );
    }
  }
  truth.surveys = stats;
  inbox.mess({
    path: SURVEY_ANSWER_PATHS.ors,
    kind: "respondent_code_typed_differently",
    detail:
      "« code_repondant » parfois saisi en minuscules avec un tiret à la deuxième vague (« or-007 » pour « OR007 »)",
  });
  inbox.mess({
    path: SURVEY_ANSWER_PATHS.ors,
    kind: "select_multiple_two_shapes",
    detail: "« Activités fréquentées » en une colonne et en colonnes 0/1 (à ne compter qu'une fois)",
  });
}
