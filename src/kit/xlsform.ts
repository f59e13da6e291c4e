/**
 * The participant questionnaire as an XLSForm (KoboToolbox, ODK): `survey`, `choices` and
 * `settings` sheets whose column names are the survey-form loader's own (loaders/survey_form.ts),
 * with the observatory's `dimension` and `reverse` columns; plus {@link checkXlsForm}, a checker
 * of the XLSForm conventions the form must meet before it is imported into Kobo.
 *
 * Structure of the form: consent first (nothing else is asked without « oui »), the wave
 * (avant / après), the respondent code that pairs the two waves (never a name), the structure,
 * then one group per socle commun dimension, and a free comment.
 *
 * @module
 */
import {
  surveyFormChoicesLoader,
  surveyFormItemsLoader,
  surveyFormSettingsLoader,
} from "../../loaders/survey_form.ts";
import { AGREE5, ITEM_BANK } from "./item_bank.ts";

/** The three sheets, as header + rows of text. */
export interface XlsForm {
  survey: string[][];
  choices: string[][];
  settings: string[][];
}

/** Options of {@link buildXlsForm}. */
export interface XlsFormOptions {
  year: number;
  /** Structure id answering (a hidden calculated field), or null: a question lists the registry. */
  structureId: string | null;
  /** Registry structures (id, name) for the structure question. */
  registry: readonly { id: string; name: string }[];
}

/** Header of a loader field: its first alias (« label », « list_name »…). */
const header = (fields: Record<string, { aliases: string[] }>, field: string) => fields[field].aliases[0];

/** Question types of XLSForm (without list), as ODK and Kobo know them. */
export const XLSFORM_TYPES = new Set([
  "integer",
  "decimal",
  "range",
  "text",
  "select_one",
  "select_multiple",
  "select_one_from_file",
  "select_multiple_from_file",
  "rank",
  "note",
  "geopoint",
  "geotrace",
  "geoshape",
  "date",
  "time",
  "datetime",
  "image",
  "audio",
  "video",
  "file",
  "barcode",
  "calculate",
  "acknowledge",
  "hidden",
  "begin_group",
  "end_group",
  "begin_repeat",
  "end_repeat",
  "start",
  "end",
  "today",
  "deviceid",
  "username",
  "phonenumber",
  "audit",
]);

/** The form id: `socle_commun_<year>` (and `_<structure>`). */
export function formId(year: number, structureId: string | null): string {
  return `socle_commun_${year}${structureId ? `_${structureId.replace(/[^A-Za-z0-9]/g, "_")}` : ""}`;
}

/**
 * The questionnaire.
 *
 * @example
 * ```ts
 * buildXlsForm({ year: 2025, structureId: "ors", registry: [] }).settings[1][0] // "socle_commun_2025_ors"
 * ```
 */
export function buildXlsForm(options: XlsFormOptions): XlsForm {
  const f = surveyFormItemsLoader.fields;
  const columns = [
    header(f, "type"),
    header(f, "name"),
    header(f, "label"),
    "hint",
    header(f, "required"),
    header(f, "relevant"),
    "constraint",
    "constraint_message",
    "calculation",
    header(f, "dimension"),
    header(f, "reverse"),
  ];
  const consented = "${consentement} = 'oui'";
  const rows: Record<string, string>[] = [
    { type: "start", name: "start" },
    { type: "end", name: "end" },
    {
      type: "select_one oui_non",
      name: "consentement",
      label:
        "Ce questionnaire est anonyme et sert à mesurer ce que le centre apporte. Vos réponses écrites pourront être citées sans votre nom. Acceptez-vous de répondre ?",
      required: "yes",
    },
    {
      type: "select_one vague",
      name: "vague",
      label: "Ce questionnaire est rempli :",
      required: "yes",
      relevant: consented,
    },
    {
      type: "text",
      name: "code_repondant",
      label: "Votre code personnel",
      hint:
        "Les 2 premières lettres du prénom de votre mère, puis votre jour de naissance (ex. MA14). Le même code avant et après : jamais votre nom.",
      required: "yes",
      relevant: consented,
      constraint: "regex(., '^[A-Za-z]{2}[0-9]{1,2}$')",
      constraint_message: "Deux lettres puis un ou deux chiffres, par exemple MA14.",
    },
  ];
  if (options.structureId) {
    rows.push({ type: "calculate", name: "structure", calculation: `'${options.structureId}'` });
  } else if (options.registry.length > 0) {
    rows.push({
      type: "select_one structures",
      name: "structure",
      label: "Votre centre social ou espace de vie sociale",
      required: "yes",
      relevant: consented,
    });
  } else {
    rows.push({
      type: "text",
      name: "structure",
      label: "Votre centre social ou espace de vie sociale",
      required: "yes",
      relevant: consented,
    });
  }
  for (const dim of ITEM_BANK) {
    rows.push({ type: "begin_group", name: dim.group, label: dim.title, relevant: consented });
    for (const item of dim.items) {
      rows.push({
        type: "select_one agree5",
        name: item.name,
        label: item.label,
        dimension: dim.dimension,
        reverse: item.reverse ? "1" : "",
      });
    }
    rows.push({ type: "end_group" });
  }
  rows.push({
    type: "text",
    name: "commentaire",
    label: "Voulez-vous ajouter quelque chose ? (sans nom de personne)",
    relevant: consented,
  });
  const survey = [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ""))];
  const c = surveyFormChoicesLoader.fields;
  const choiceColumns = [header(c, "list_name"), header(c, "name"), header(c, "label")];
  const choices = [
    choiceColumns,
    ...AGREE5.map((a) => ["agree5", a.name, a.label]),
    ["oui_non", "oui", "Oui"],
    ["oui_non", "non", "Non"],
    ["vague", "avant", "Au début de l'activité (avant)"],
    ["vague", "apres", "À la fin de l'activité (après)"],
    ...(options.structureId ? [] : options.registry.map((s) => ["structures", s.id, s.name])),
  ];
  const s = surveyFormSettingsLoader.fields;
  const settings = [
    [header(s, "form_id"), header(s, "form_title"), header(s, "version")],
    [
      formId(options.year, options.structureId),
      `Questionnaire des participants — socle commun ${options.year}`,
      `${options.year}.1`,
    ],
  ];
  return { survey, choices, settings };
}

/**
 * Problems of an XLSForm against the conventions (French messages; empty when valid): the three
 * sheets present, `type`/`name`/`label` columns, known types, every `select_one` list defined in
 * `choices`, names unique and well formed, groups closed, choice names unique in their list,
 * `form_id` and `version` set, `${…}` references naming questions of the form.
 */
export function checkXlsForm(form: Partial<XlsForm>): string[] {
  const problems: string[] = [];
  for (const sheet of ["survey", "choices", "settings"] as const) {
    if (!form[sheet] || form[sheet]!.length < 2) problems.push(`feuille « ${sheet} » absente ou vide`);
  }
  if (problems.length) return problems;
  const table = (rows: string[][]) => {
    const [head, ...body] = rows;
    return body.map((r) => Object.fromEntries(head.map((h, i) => [h, String(r[i] ?? "").trim()])));
  };
  const survey = table(form.survey!);
  const choices = table(form.choices!);
  const settings = table(form.settings!);
  for (const column of ["type", "name", "label"]) {
    if (!form.survey![0].includes(column)) problems.push(`survey : colonne « ${column} » absente`);
  }
  for (const column of ["list_name", "name", "label"]) {
    if (!form.choices![0].includes(column)) problems.push(`choices : colonne « ${column} » absente`);
  }
  const lists = new Map<string, Set<string>>();
  choices.forEach((c, i) => {
    if (!c.list_name || !c.name) problems.push(`choices ligne ${i + 2} : list_name et name obligatoires`);
    const names = lists.get(c.list_name) ?? new Set();
    if (names.has(c.name)) {
      problems.push(`choices ligne ${i + 2} : « ${c.name} » en double dans la liste « ${c.list_name} »`);
    }
    names.add(c.name);
    lists.set(c.list_name, names);
  });
  const names = new Set<string>();
  const groups: string[] = [];
  survey.forEach((r, i) => {
    const line = i + 2;
    if (!r.type) return;
    const [word, list] = r.type.split(/\s+/);
    const type = word.toLowerCase();
    if (!XLSFORM_TYPES.has(type)) problems.push(`survey ligne ${line} : type « ${r.type} » inconnu`);
    if (type === "select_one" || type === "select_multiple" || type === "rank") {
      if (!list) problems.push(`survey ligne ${line} : liste manquante après « ${type} »`);
      else if (!lists.has(list)) problems.push(`survey ligne ${line} : liste « ${list} » absente de choices`);
    }
    if (type === "end_group" || type === "end_repeat") {
      if (!groups.pop()) problems.push(`survey ligne ${line} : « ${type} » sans groupe ouvert`);
      return;
    }
    if (type === "begin_group" || type === "begin_repeat") groups.push(r.name);
    if (!r.name) problems.push(`survey ligne ${line} : name manquant`);
    else if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(r.name)) {
      problems.push(`survey ligne ${line} : name « ${r.name} » invalide`);
    } else if (names.has(r.name)) problems.push(`survey ligne ${line} : name « ${r.name} » en double`);
    names.add(r.name);
    const needsLabel = ![
      "calculate",
      "hidden",
      "start",
      "end",
      "today",
      "deviceid",
      "username",
      "phonenumber",
      "audit",
    ]
      .includes(type);
    if (needsLabel && !r.label) problems.push(`survey ligne ${line} : label manquant`);
    if (type === "calculate" && !r.calculation) problems.push(`survey ligne ${line} : calculation manquante`);
  });
  if (groups.length) problems.push(`survey : groupe « ${groups.join(", ")} » jamais fermé (end_group)`);
  survey.forEach((r, i) => {
    for (const column of ["relevant", "constraint", "calculation", "required"]) {
      for (const m of (r[column] ?? "").matchAll(/\$\{([^}]+)\}/g)) {
        if (!names.has(m[1])) problems.push(`survey ligne ${i + 2} : \${${m[1]}} ne désigne aucune question`);
      }
    }
  });
  const [setting] = settings;
  if (!setting?.form_id) problems.push("settings : form_id manquant");
  else if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(setting.form_id)) {
    problems.push(`settings : form_id « ${setting.form_id} » invalide`);
  }
  if (!setting?.version) problems.push("settings : version manquante");
  return problems;
}
