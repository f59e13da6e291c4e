/**
 * Loaders for a questionnaire instrument written in XLSForm (the format of KoboToolbox, ODK and
 * others): a workbook whose sheets `survey`, `choices` and `settings` each load as a table of the
 * kind « surveys » (formats `xlsform-survey`, `xlsform-choices`, `xlsform-settings`).
 *
 * Design:
 * - Each sheet is a separate table for the generic pipeline, and a loader sees neither the file
 *   nor its other sheets. Rows are therefore keyed by their own load (`load_id` is part of the
 *   key: the pipeline adds it before writing), and the form a sheet belongs to is resolved later
 *   in SQL (`loaders/sql/stg_survey_views.sql`, view `survey_form_workbooks`): the `form_id` of
 *   the `settings` sheet of the same workbook (same SHA-256 in `loads`); else a `form_id` column
 *   typed in the `survey` sheet; else `classeur-<12 first hex digits of the SHA-256>`. A newer
 *   version of the workbook (other bytes, same form_id) is a new load; the views use the latest.
 * - `survey` rows keep their type (`select_one agree5` → type `select_one`, list `agree5`), label
 *   (`label` or `label::Français (fr)`), socle commun dimension, reverse coding and the group path
 *   built from `begin_group`/`end_group` (or `begin_repeat`/`end_repeat`) rows above them.
 * - An unknown dimension or an unreadable reverse flag only warns: the item is kept.
 *
 * @module
 */
import { z } from "zod";
import type { LoadContext, LoaderSpec, TableRow } from "../src/ingest/loader_spec.ts";
import { parseDimensions } from "./testimonies.ts";

/** Label columns of the survey and choices sheets: the default language first. */
const LABEL_ALIASES = [
  "label",
  "label::Français (fr)",
  "label::French (fr)",
  "label::Français",
  "label::French",
  "label::fr",
  "libellé",
  "libelle",
];

const TRUE_WORDS = new Set(["1", "oui", "yes", "true", "vrai", "o", "y", "x", "inverse", "inversé"]);
const FALSE_WORDS = new Set(["0", "non", "no", "false", "faux", "n"]);

/** Reads a reverse-coding cell: true, false, or null when it is not a yes/no word. */
export function parseReverse(cell: string | null): boolean | null {
  if (cell === null) return false;
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/**
 * Splits an XLSForm type cell: `select_one agree5` → `{ type: "select_one", list: "agree5" }`;
 * `select_multiple activites or_other` keeps the list only. Types are lower-cased, « begin group »
 * is read as `begin_group`.
 *
 * @example
 * ```ts
 * splitType("select_multiple activites") // { type: "select_multiple", list: "activites" }
 * ```
 */
export function splitType(cell: string): { type: string; list: string | null } {
  const words = cell.trim().split(/\s+/);
  let type = words[0].toLowerCase();
  if ((type === "begin" || type === "end") && words[1]) {
    return { type: `${type}_${words[1].toLowerCase()}`, list: null };
  }
  if (type === "select_one" || type === "select_multiple" || type === "rank") {
    return { type, list: words[1] ?? null };
  }
  // ODK shorthand « select_one_from_file x.csv » and the like keep their own type.
  if (type.startsWith("select_one_") || type.startsWith("select_multiple_")) {
    type = type.replace(/_from_file$/, "");
  }
  return { type, list: null };
}

const itemSchema = z.object({
  type: z.string().min(1),
  name: z.string().nullable(),
  label: z.string().nullable(),
  dimension: z.string().nullable(),
  reverse: z.string().nullable(),
  required: z.string().nullable(),
  relevant: z.string().nullable(),
  form_id: z.string().nullable(),
}).superRefine((r, ctx) => {
  const { type } = splitType(r.type);
  // Closing a group needs no name; every other row is a question or a group and needs one.
  if (!type.startsWith("end_") && !r.name) {
    ctx.addIssue({ code: "custom", path: ["name"], message: "nom de la question (colonne name) manquant" });
  } else if (r.name && !/^[\p{L}_][\p{L}\p{N}_.\-]*$/u.test(r.name)) {
    ctx.addIssue({
      code: "custom",
      path: ["name"],
      message: `« ${r.name} » : nom de question invalide (lettres, chiffres, _ sans espace)`,
    });
  }
});

/** One row of the `survey` sheet. */
export type SurveyItem = z.infer<typeof itemSchema>;

/** Columns of the XLSForm `survey` sheet that are read by Kobo/ODK, not by the observatory. */
const XLSFORM_OTHER_COLUMNS = new Set([
  "hint",
  "guidance_hint",
  "constraint",
  "constraint_message",
  "required_message",
  "calculation",
  "default",
  "appearance",
  "choice_filter",
  "parameters",
  "read_only",
  "repeat_count",
  "media",
  "image",
  "audio",
  "video",
  "trigger",
  "note",
]);

/**
 * Group stacks per table load. The pipeline builds a fresh context for each table it loads and
 * hands records to `toRows` in line order, so the context identifies one `survey` sheet.
 */
const groupStacks = new WeakMap<LoadContext, string[]>();

/** The `survey` sheet: one item per question (groups and notes included). */
export const surveyFormItemsLoader: LoaderSpec<SurveyItem> = {
  kind: "surveys",
  format: "xlsform-survey",
  label: "questionnaire XLSForm (feuille survey)",
  tables: { stg_survey_items: ["load_id", "name"] },
  needsStructure: false,
  fields: {
    type: { type: "text", aliases: ["type"], required: true },
    name: { type: "text", aliases: ["name"], required: true, optional: true },
    label: { type: "text", aliases: LABEL_ALIASES, optional: true },
    dimension: {
      type: "text",
      aliases: ["dimension", "dimensions", "socle commun", "dimension du socle", "dimension socle commun"],
      optional: true,
    },
    reverse: {
      type: "text",
      aliases: ["reverse", "inverse", "inversé", "codage inversé", "reverse_coded", "reversed"],
      optional: true,
    },
    required: { type: "text", aliases: ["required", "obligatoire"], optional: true },
    relevant: { type: "text", aliases: ["relevant", "condition"], optional: true },
    form_id: { type: "text", aliases: ["form_id", "id du formulaire"], optional: true },
  },
  schema: itemSchema,
  unknownColumnIssue(header) {
    // Standard XLSForm columns the observatory does not need: part of a valid form, not a mistake.
    const bare = header.trim().toLowerCase().split("::")[0];
    if (XLSFORM_OTHER_COLUMNS.has(bare)) return null;
    return {
      severity: "avertissement",
      message:
        `colonne inconnue « ${header} » : ignorée pour ce type d'export (questionnaire XLSForm (feuille survey))`,
    };
  },
  warnings(r) {
    const out: { field: string; message: string }[] = [];
    const { unknown } = parseDimensions(r.dimension);
    for (const label of unknown) {
      out.push({
        field: "dimension",
        message:
          `dimension « ${label} » inconnue (attendu : cohésion sociale, épanouissement, gouvernance, environnement, richesses produites) : question gardée sans dimension`,
      });
    }
    if (parseReverse(r.reverse) === null) {
      out.push({
        field: "reverse",
        message:
          `« ${r.reverse} » : codage inversé illisible (1/oui ou vide attendu) : question gardée non inversée`,
      });
    }
    return out;
  },
  toRows(r, ctx): TableRow[] {
    let stack = groupStacks.get(ctx);
    if (!stack) groupStacks.set(ctx, stack = []);
    const { type, list } = splitType(r.type);
    const groupPath = stack.join("/") || null;
    if (type === "begin_group" || type === "begin_repeat") stack.push(r.name!);
    if (type === "end_group" || type === "end_repeat") {
      stack.pop();
      return [];
    }
    return [{
      table: "stg_survey_items",
      row: {
        form_id: r.form_id,
        name: r.name,
        item_type: type,
        list_name: list,
        label: r.label,
        dimension: parseDimensions(r.dimension).codes[0] ?? null,
        reverse_coded: parseReverse(r.reverse) ?? false,
        required: r.required,
        relevant: r.relevant,
        group_path: groupPath,
      },
    }];
  },
};

const choiceSchema = z.object({
  list_name: z.string(),
  name: z.string(),
  label: z.string().nullable(),
});

/** One row of the `choices` sheet. */
export type SurveyChoice = z.infer<typeof choiceSchema>;

/** The `choices` sheet: the answers allowed for each list. */
export const surveyFormChoicesLoader: LoaderSpec<SurveyChoice> = {
  kind: "surveys",
  format: "xlsform-choices",
  label: "questionnaire XLSForm (feuille choices)",
  tables: { stg_survey_choices: ["load_id", "list_name", "name"] },
  needsStructure: false,
  fields: {
    list_name: { type: "text", aliases: ["list_name", "list name", "liste"], required: true },
    name: { type: "text", aliases: ["name", "value"], required: true },
    label: { type: "text", aliases: LABEL_ALIASES, optional: true },
  },
  schema: choiceSchema,
  toRows(r): TableRow[] {
    return [{ table: "stg_survey_choices", row: { list_name: r.list_name, name: r.name, label: r.label } }];
  },
};

const settingsSchema = z.object({
  form_id: z.string().regex(/^[\p{L}\p{N}_.\-]+$/u, {
    error: "identifiant de formulaire invalide (lettres, chiffres, _ - . sans espace)",
  }),
  form_title: z.string().nullable(),
  version: z.string().nullable(),
  default_language: z.string().nullable(),
  target: z.number().int({ error: "cible : nombre entier de personnes attendu" }).nonnegative({
    error: "cible : nombre de personnes positif attendu",
  }).nullable(),
});

/** The `settings` sheet. */
export type SurveySettings = z.infer<typeof settingsSchema>;

/**
 * The `settings` sheet: the form's identifier, title and version, and an optional `cible` column
 * (people the survey aims to reach, for the response rate).
 */
export const surveyFormSettingsLoader: LoaderSpec<SurveySettings> = {
  kind: "surveys",
  format: "xlsform-settings",
  label: "questionnaire XLSForm (feuille settings)",
  tables: { stg_survey_forms: ["load_id", "form_id"] },
  needsStructure: false,
  fields: {
    form_id: { type: "text", aliases: ["form_id", "id_string"], required: true },
    form_title: { type: "text", aliases: ["form_title", "titre"], optional: true },
    version: { type: "text", aliases: ["version"], optional: true },
    default_language: { type: "text", aliases: ["default_language"], optional: true },
    // Convention of the observatory (not XLSForm's): people the survey aims to reach, the
    // denominator of the form-wide response rate (see src/surveys/response_rate.ts).
    target: {
      type: "number",
      aliases: ["cible", "effectif cible", "population cible", "target"],
      optional: true,
      lenient: true,
    },
  },
  schema: settingsSchema,
  toRows(r): TableRow[] {
    return [{
      table: "stg_survey_forms",
      row: { form_id: r.form_id, form_title: r.form_title, form_version: r.version, target_n: r.target },
    }];
  },
};
