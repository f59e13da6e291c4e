/**
 * Loaders for the answers to participants' questionnaires (kind « surveys »): KoboToolbox exports
 * (CSV `;` or `,`, or XLSX; repeat sheets: survey_tools/kobo_repeats.ts), LimeSurvey and Google
 * Forms (CSV or XLSX) and paper questionnaires typed into a spreadsheet. Every format goes long:
 * one `stg_survey_responses` row per response and one `stg_survey_answers` row per (response,
 * question column, value). What is specific to a tool (its metadata columns and their spellings,
 * GPS columns, « no answer » values, unknown dates, time zones) lives in `survey_tools/`; what is
 * said once per file (incomplete responses, columns set aside) in survey_tools/file_notes.ts.
 *
 * Design:
 * - Question columns are not known in advance: they are the columns the loader does not map
 *   (`keepUnknownColumns`), handed to `toRows` with the header as typed. The header is kept as
 *   `question_path` (`groupe_lien/q1_voisins`, `Q2[SQ001]`, a Google Forms question text):
 *   resolving it against an instrument (XLSForm) happens in SQL, in
 *   `loaders/sql/stg_survey_views.sql`, whatever the order in which form and answers arrive.
 *   Both shapes of a Kobo select_multiple (one column of space-separated names, and 0/1 columns
 *   `q5_activites/atelier_cuisine`) are stored as typed and give the same rows there.
 * - The response key is a keyed pseudonym of the export's own id (`_uuid`; LimeSurvey `id` with
 *   its dates; the « N° questionnaire » with structure and wave). Google Forms has no id: the
 *   timestamp and the answers themselves are used (the line is not visible to a loader, and the
 *   content survives a re-sorted re-export). A line repeating a response already read (duplicate
 *   `_uuid`) is reported once and counted once.
 * - Structure: a column (« structure », « centre »…) names it per response, so one Coopération-wide
 *   export loads from anywhere; each format exists a second time without that column, taking the
 *   structure from the folder (the generic pipeline gives the folder only to loaders that require
 *   one). The id is written the registry's way (« Saint-Nicolas » → `saint-nicolas`) and is not
 *   checked against the registry here (a loader cannot see it, as for SENACS): the view
 *   `survey_answers_resolved` flags `structure_known`.
 * - A wave column (« vague » avant/après, T0/T1, pré/post) is normalised to `avant` / `apres`.
 * - Respondent code (convention for pairing the waves): a question column whose last path
 *   segment is `code_repondant`, `code_participant`, `code_personnel`… (see
 *   {@link isRespondentCodeColumn}; an XLSForm `text` item of that name) holds a code the person
 *   keeps from one wave to the next (never a name). The code is normalised (case, accents, spaces
 *   and punctuation ignored: « ab-12 » = « AB 12 ») and only its keyed pseudonym, scoped by
 *   structure, is stored as `stg_survey_responses.respondent_ref`; the raw code is never stored
 *   as an answer nor repeated in a message.
 * - Submission times are stored as Europe/Paris local time (survey_tools/timestamp.ts). A bad
 *   submission date only warns (the answers are kept, the date left empty); LimeSurvey's
 *   `1980-01-01 00:00:00` is an unknown date, said once per file.
 * - LimeSurvey responses with an empty `submitdate` are incomplete: loaded with
 *   `complete = false`, counted in the load report, left out of `survey_answers_resolved`.
 * - Answers outside a choice list (a Likert « 7 » on a 1–5 scale) are not judged here, since the
 *   instrument may arrive later: they are kept and flagged by the view `survey_answer_problems`.
 *
 * Privacy: a question column whose name suggests identity (nom, prénom, e-mail, téléphone,
 * adresse…) is never loaded, only listed in `stg_survey_dropped` (no value); its name parts are
 * used to redact every answer of the same response, as for testimonies, and e-mail addresses and
 * phone numbers are replaced too. Kobo metadata (`_…`, `$edited`, `meta/instanceID`…) is not
 * loaded, GPS positions (geopoint, geotrace, geoshape, `_q_latitude`…) are dropped and reported;
 * `_submitted_by` becomes a keyed pseudonym; LimeSurvey's `ipaddr`, `token` and `refurl`, Google
 * Forms' e-mail and Kobo's `deviceid` are read but never stored, and reported by header.
 *
 * @module
 */
import { NOT_A_PERSON } from "../src/privacy/detect_personal.ts";
import { z } from "zod";
import type { FieldSpec, LoadContext, LoaderSpec, RowExtras, TableRow } from "../src/ingest/loader_spec.ts";
import { nameParts, redactNames } from "../src/privacy/redact_text.ts";
import { parseNumber } from "../src/read/parse_number.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { type NaiveTime, surveyTimestamp } from "./survey_tools/timestamp.ts";
import { isGeoValue, koboColumnRole, type KoboRole } from "./survey_tools/kobo.ts";
import {
  isLimeHeader,
  isLimeNoAnswer,
  isUnknownLimeDate,
  LIME_ID,
  LIME_META,
  LIME_PERSONAL,
  LIME_SUBMITTED,
} from "./survey_tools/limesurvey.ts";
import { FORMS_META, FORMS_PERSONAL, FORMS_TIMESTAMP } from "./survey_tools/google_forms.ts";
import { fileNotes } from "./survey_tools/file_notes.ts";

/** Words of a question name that make it an identity question. */
const IDENTITY_WORDS = new Set([
  "nom",
  "noms",
  "prenom",
  "prenoms",
  "nomprenom",
  "prenomnom",
  "name",
  "firstname",
  "lastname",
  "surname",
  "fullname",
  "email",
  "mail",
  "courriel",
  "telephone",
  "tel",
  "phone",
  "portable",
  "mobile",
  "adresse",
  "address",
  "username",
  "signature",
]);
/** Identity words that hold a person's name (used to redact the other answers). */
const NAME_WORDS = new Set([
  "nom",
  "prenom",
  "nomprenom",
  "prenomnom",
  "name",
  "firstname",
  "lastname",
  "surname",
]);

function fold(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Words of the last segment of a question path (« groupe/q12_prenom » → q12, prenom). */
function lastSegmentWords(path: string): string[] {
  const last = path.replace(/\[[^\]]*\]$/, "").split("/").pop() ?? path;
  return fold(last).replace(/e-mail/g, "email").split(/[^a-z0-9]+/).filter((w) => w !== "");
}

/**
 * Whether a question column holds a respondent's identity (by its name: « nom », « prénom »,
 * « e-mail », « téléphone », « adresse »…), and whether it holds a name.
 *
 * @example
 * ```ts
 * identityOf("identite/q0_prenom") // { identity: true, name: true }
 * identityOf("Nom du quartier") // { identity: false, name: false }
 * ```
 */
export function identityOf(path: string): { identity: boolean; name: boolean } {
  const words = lastSegmentWords(path);
  if (words.some((w) => NOT_A_PERSON.has(w))) return { identity: false, name: false };
  const identity = words.some((w) => IDENTITY_WORDS.has(w));
  return { identity, name: identity && words.some((w) => NAME_WORDS.has(w)) };
}

/** Last path segments (folded, `_` between words) of a respondent-code question. */
const RESPONDENT_CODE_NAMES = new Set([
  "code_repondant",
  "code_repondante",
  "code_repondant_e",
  "code_participant",
  "code_participante",
  "code_participant_e",
  "code_personnel",
  "code_anonyme",
  "code_anonymat",
  "code_pseudo",
  "respondent_code",
  "participant_code",
  "respondent_key",
]);

/**
 * Whether a question column holds the respondent code used to pair waves (by its last path
 * segment, case, accents and separators ignored).
 *
 * @example
 * ```ts
 * isRespondentCodeColumn("identite/code_repondant") // true
 * isRespondentCodeColumn("Code participant") // true
 * isRespondentCodeColumn("q1_voisins") // false
 * ```
 */
export function isRespondentCodeColumn(path: string): boolean {
  const words = lastSegmentWords(path);
  return RESPONDENT_CODE_NAMES.has(words.join("_"));
}

/**
 * A respondent code as compared across waves: accents, case, spaces and punctuation ignored.
 * Null when nothing is left.
 *
 * @example
 * ```ts
 * normaliseRespondentCode(" ab-12 ") // "AB12"
 * normaliseRespondentCode("Éa 7") // "EA7"
 * ```
 */
export function normaliseRespondentCode(code: string): string | null {
  const folded = fold(code).replace(/[^a-z0-9]/g, "").toUpperCase();
  return folded === "" ? null : folded;
}

const EMAIL = /[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}/gu;
// French numbers « 06 12 34 56 78 », « 06.12.34.56.78 », « +33 6 12 34 56 78 », « 0612345678 ».
const PHONE =
  /(?<![\p{N}])(?:(?:\+|00)33[\s.\-]?(?:\(0\)[\s.\-]?)?[1-9]|0[1-9])(?:[\s.\-]?\d{2}){4}(?![\p{N}])/gu;

/**
 * Free text with names (the respondent's own, and civility + name), e-mail addresses and phone
 * numbers replaced by « [prénom] », « [nom] », « [courriel] », « [téléphone] ».
 *
 * @example
 * ```ts
 * redactAnswer("Merci Awa ! awa@exemple.fr 06 12 34 56 78", ["Awa"])
 * // "Merci [prénom] ! [courriel] [téléphone]"
 * ```
 */
export function redactAnswer(text: string, names: readonly string[]): string {
  return redactNames(text.replace(EMAIL, "[courriel]").replace(PHONE, "[téléphone]"), names);
}

/**
 * A structure id written the registry's way: « Saint-Nicolas » → `saint-nicolas`, « Noël
 * Guichard » → `noel-guichard`. Null when nothing is left.
 */
export function structureSlug(text: string): string | null {
  const slug = fold(text.trim()).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug === "" ? null : slug;
}

const BEFORE = new Set([
  "avant",
  "pre",
  "t0",
  "0",
  "debut",
  "entree",
  "initial",
  "initiale",
  "baseline",
  "before",
]);
const AFTER = new Set(["apres", "post", "t1", "1", "fin", "sortie", "final", "finale", "after"]);

/**
 * The wave of a response: `avant` (avant, T0, pré, entrée…), `apres` (après, T1, post,
 * sortie…), or the cell lower-cased (`t2`) for other waves.
 */
export function normaliseWave(cell: string | null): string | null {
  if (cell === null || cell.trim() === "") return null;
  const key = fold(cell.trim()).replace(/[^a-z0-9]/g, "");
  if (BEFORE.has(key)) return "avant";
  if (AFTER.has(key)) return "apres";
  return fold(cell.trim());
}

/**
 * A submission time as Europe/Paris local time `YYYY-MM-DD HH:MM:SS` (an offset is converted,
 * a time without one is taken as Paris time), or `YYYY-MM-DD 00:00:00` without time. Null when
 * the date cannot be read. See survey_tools/timestamp.ts.
 *
 * @example
 * ```ts
 * parseTimestamp("2024-03-12T10:15:32.123+01:00") // "2024-03-12 10:15:32"
 * parseTimestamp("12/03/2024 10:15:32") // "2024-03-12 10:15:32"
 * ```
 */
export function parseTimestamp(text: string): string | null {
  return surveyTimestamp(text);
}

/** A response record after validation. */
export interface SurveyResponse extends Record<string, string | number | boolean | null> {
  response_id: string | null;
  submitted: string | null;
  /** Submission time, Europe/Paris local time; null when absent, unknown or unreadable. */
  submitted_at: string | null;
  /** The tool's placeholder for an unknown date (LimeSurvey's 1980-01-01). */
  date_unknown: boolean;
  /** When the respondent started, as exported (LimeSurvey `startdate`): part of the key. */
  started: string | null;
  /** The unreadable submission date, for the warning. */
  submitted_bad: string | null;
  structure: string | null;
  wave: string | null;
  form_id: string | null;
  form_version: string | null;
  validation: string | null;
  submitter: string | null;
}

/** What distinguishes one export format. */
export interface AnswerFormat {
  format: string;
  label: string;
  /** The export's own response id column, or null (Google Forms). */
  idAliases: string[] | null;
  /** The id column must exist (it is the signature of the format). */
  idRequired: boolean;
  submittedAliases: string[];
  submittedRequired: boolean;
  /** Columns that are neither questions nor kept (metadata), mapped so they are not questions. */
  meta: Record<string, string[]>;
  /** Metadata columns whose presence is the signature of the format. */
  metaRequired?: string[];
  /** Columns of metadata that are personal (never repeated in messages). */
  personalMeta?: string[];
  /** Why each personal metadata field is set aside (reported by header, never stored). */
  personalMetaReasons?: Record<string, string>;
  /** Parts of the response key besides the id (see the module's notes). */
  keyParts(r: SurveyResponse, ctx: LoadContext, structure: string, extras?: RowExtras): string[];
  /** How a submission time without offset is read (Kobo's `_submission_time` is UTC). */
  naiveTime?: NaiveTime;
  /** The role of an unmapped column by the tool's semantics (metadata, GPS…); default question. */
  columnRole?(header: string, headers: readonly string[]): KoboRole;
  /** A cell holding a position by the tool's own format (a Kobo geopoint). */
  isGeoValue?(value: string): boolean;
  /** A value the tool writes for « no answer » (LimeSurvey « N/A »): not an answer. */
  isNoAnswer?(value: string): boolean;
  /** The tool's placeholder for an unknown date. */
  isUnknownDate?(text: string | null): boolean;
  /** An empty submission date means an incomplete response (LimeSurvey). */
  emptySubmittedIsIncomplete?: boolean;
  /** The export holds submitted (complete) responses only (Kobo, Google Forms). */
  submittedOnly?: boolean;
  /** A last check of the header (see LoaderSpec.acceptsHeader). */
  acceptsHeader?(headers: readonly string[]): boolean;
}

const STRUCTURE_ALIASES = [
  "structure",
  "Structure",
  "centre",
  "Centre social",
  "Votre centre",
  "Votre structure",
  "Structure d'accueil",
  "Lieu",
  "Maison de quartier",
  "Nom de la structure",
  "Identifiant structure",
  "Code structure",
];
const WAVE_ALIASES = [
  "vague",
  "Vague",
  "Vague d'enquête",
  "wave",
  "temps",
  "Temps de mesure",
  "Moment",
  "Avant / après",
  "Avant/après",
  "Passation",
  "T0/T1",
];

const KOBO: AnswerFormat = {
  format: "kobotoolbox",
  label: "réponses KoboToolbox",
  idAliases: ["_uuid", "meta/instanceID", "instanceID"],
  idRequired: true,
  submittedAliases: ["_submission_time"],
  submittedRequired: false,
  meta: {
    meta_start: ["start"],
    meta_end: ["end"],
    meta_today: ["today"],
    meta_kobo_id: ["_id"],
    meta_index: ["_index"],
    meta_parent: ["_parent_index", "_parent_table_name"],
    meta_status: ["_status"],
    meta_notes: ["_notes"],
    meta_tags: ["_tags"],
    meta_geolocation: ["_geolocation"],
    meta_attachments: ["_attachments"],
    meta_deviceid: ["deviceid", "imei"],
    meta_phonenumber: ["phonenumber"],
    meta_username: ["username"],
    meta_audit: ["audit"],
  },
  personalMeta: ["meta_geolocation", "meta_deviceid", "meta_phonenumber", "meta_username"],
  personalMetaReasons: {
    meta_geolocation: "position GPS de la soumission",
    meta_deviceid: "identifiant de l'appareil",
    meta_phonenumber: "numéro de téléphone de l'appareil",
    meta_username: "compte de l'enquêteur",
  },
  // `meta/instanceID` writes « uuid:… », `_uuid` and the repeat sheets' `_submission__uuid` not.
  keyParts: (r) => ["kobotoolbox", r.response_id!.replace(/^uuid:/i, "")],
  naiveTime: "utc",
  submittedOnly: true,
  columnRole: koboColumnRole,
  isGeoValue,
};

const LIMESURVEY: AnswerFormat = {
  format: "limesurvey",
  label: "réponses LimeSurvey",
  idAliases: LIME_ID,
  idRequired: true,
  submittedAliases: LIME_SUBMITTED,
  submittedRequired: false,
  meta: LIME_META,
  personalMeta: Object.keys(LIME_PERSONAL),
  personalMetaReasons: LIME_PERSONAL,
  isNoAnswer: isLimeNoAnswer,
  isUnknownDate: isUnknownLimeDate,
  emptySubmittedIsIncomplete: true,
  acceptsHeader: isLimeHeader,
  // LimeSurvey numbers responses 1, 2, 3… in every survey: a date makes the id unique. The start
  // date does not change when an incomplete response is completed and exported again.
  keyParts: (r, _ctx, structure) => [
    "limesurvey",
    structure,
    r.response_id!,
    (r.started !== null && !isUnknownLimeDate(r.started) ? r.started : r.submitted) ?? "",
  ],
};

const GOOGLE_FORMS: AnswerFormat = {
  format: "google-forms",
  label: "réponses Google Forms",
  idAliases: null,
  idRequired: false,
  submittedAliases: FORMS_TIMESTAMP,
  submittedRequired: true,
  meta: FORMS_META,
  personalMeta: Object.keys(FORMS_PERSONAL),
  personalMetaReasons: FORMS_PERSONAL,
  submittedOnly: true,
  keyParts: (r, _ctx, structure, extras) => [
    "google-forms",
    structure,
    r.submitted ?? "",
    ...(extras?.unknownCells ?? []).map((c) => `${c.header}\u0001${c.value}`),
  ],
};

const PAPER: AnswerFormat = {
  format: "questionnaire-papier",
  label: "questionnaires papier saisis",
  idAliases: [
    "N° questionnaire",
    "N° de questionnaire",
    "Numéro de questionnaire",
    "Numéro questionnaire",
    "Questionnaire n°",
    "N° du questionnaire",
    "Num questionnaire",
  ],
  idRequired: true,
  submittedAliases: ["Date", "Date de passation", "Date du questionnaire", "Date de saisie"],
  submittedRequired: false,
  meta: { meta_saisie: ["Saisi par", "Saisie par", "Enquêteur", "Enquêtrice"] },
  personalMeta: ["meta_saisie"],
  keyParts: (
    r,
    _ctx,
    structure,
  ) => ["questionnaire-papier", structure, r.wave ?? "", r.form_id ?? "", r.response_id!],
};

/** Every answer format, in detection order. */
export const ANSWER_FORMATS: readonly AnswerFormat[] = [KOBO, LIMESURVEY, GOOGLE_FORMS, PAPER];

/** Builds the loader of `format`, with the structure from a column or from the folder. */
function answersLoader(format: AnswerFormat, structureFrom: "column" | "folder"): LoaderSpec<SurveyResponse> {
  const fields: Record<string, FieldSpec> = {};
  if (format.idAliases) {
    fields.response_id = { type: "text", aliases: format.idAliases, required: format.idRequired };
  }
  fields.submitted = {
    type: "datetime",
    aliases: format.submittedAliases,
    required: format.submittedRequired,
    optional: true,
  };
  if (structureFrom === "column") {
    fields.structure = { type: "text", aliases: STRUCTURE_ALIASES, required: true };
  }
  fields.wave = { type: "text", aliases: WAVE_ALIASES, optional: true };
  fields.form_id = { type: "text", aliases: ["form_id", "_xform_id_string", "Formulaire"], optional: true };
  fields.form_version = { type: "text", aliases: ["__version__", "_version", "version"], optional: true };
  fields.validation = { type: "text", aliases: ["_validation_status"], optional: true };
  fields.submitter = { type: "text", aliases: ["_submitted_by"], optional: true, personal: true };
  for (const [name, aliases] of Object.entries(format.meta)) {
    fields[name] = {
      // The start date keys a LimeSurvey response: a spreadsheet cell keeps its time.
      type: name === "meta_startdate" ? "datetime" : "text",
      aliases,
      optional: true,
      required: format.metaRequired?.includes(name),
      personal: format.personalMeta?.includes(name),
    };
  }
  const schema = z.object({
    response_id: z.string().nullable().optional(),
    submitted: z.string().nullable(),
    structure: z.string().nullable().optional(),
    wave: z.string().nullable(),
    form_id: z.string().nullable(),
    form_version: z.string().nullable(),
    validation: z.string().nullable(),
    submitter: z.string().nullable(),
    meta_startdate: z.string().nullable().optional(),
  }).superRefine((r, ctx) => {
    if (structureFrom === "column" && (r.structure == null || structureSlug(r.structure) === null)) {
      ctx.addIssue({
        code: "custom",
        path: ["structure"],
        message: "structure manquante : indiquez l'identifiant du registre (ex. « saint-nicolas »)",
      });
    }
    if (format.idAliases && format.idRequired && !r.response_id) {
      ctx.addIssue({ code: "custom", path: ["response_id"], message: "identifiant de la réponse manquant" });
    }
    if (!format.idAliases && !r.submitted) {
      ctx.addIssue({ code: "custom", path: ["submitted"], message: "horodatage de la réponse manquant" });
    }
  }).transform((r): SurveyResponse => {
    const unknown = format.isUnknownDate?.(r.submitted) ?? false;
    const submittedAt = r.submitted && !unknown ? surveyTimestamp(r.submitted, format.naiveTime) : null;
    return {
      response_id: r.response_id ?? null,
      submitted: r.submitted,
      submitted_at: submittedAt,
      date_unknown: unknown,
      submitted_bad: r.submitted && !unknown && submittedAt === null ? r.submitted : null,
      structure: r.structure ? structureSlug(r.structure) : null,
      wave: normaliseWave(r.wave),
      form_id: r.form_id,
      form_version: r.form_version,
      validation: r.validation,
      submitter: r.submitter,
      started: r.meta_startdate ?? null,
    };
  }) as unknown as z.ZodType<SurveyResponse>;

  return {
    kind: "surveys",
    format: format.format,
    label: format.label,
    tables: {
      stg_survey_responses: ["response_ref"],
      stg_survey_answers: ["response_ref", "question_path"],
      stg_survey_dropped: ["load_id", "question_path"],
    },
    // No period replacement: two questionnaires of one structure over the same months are
    // different surveys, and a cumulative re-export updates its responses by their key anyway.
    needsStructure: structureFrom === "folder",
    fields,
    schema,
    keepUnknownColumns: true,
    acceptsHeader(headers) {
      if (format.acceptsHeader && !format.acceptsHeader(headers)) return false;
      // A Kobo geopoint named « lieu » is not the structure column.
      if (structureFrom !== "column" || !format.columnRole) return true;
      const aliases = new Set(STRUCTURE_ALIASES.map(normaliseHeader));
      const column = headers.find((h) => aliases.has(normaliseHeader(h)));
      return column === undefined || format.columnRole(column, headers) !== "gps";
    },
    fileIssues: (file) => fileNotes(format, file),
    // A structure named on each row must be in the registry.
    structureField: structureFrom === "column" ? "structure" : undefined,
    // Question columns are expected (kept and resolved against the form): only the columns set
    // aside are reported.
    unknownColumnIssue(header) {
      if (identityOf(header).identity) {
        return {
          severity: "avertissement",
          message:
            `colonne « ${header} » écartée : elle identifie la personne qui répond, ses réponses ne sont jamais chargées`,
        };
      }
      const role = format.columnRole?.(header, [header]);
      if (role === "gps") {
        return {
          severity: "avertissement",
          message: `colonne « ${header} » écartée : position GPS, jamais chargée`,
        };
      }
      if (role === "personal-metadata") {
        return {
          severity: "avertissement",
          message:
            `colonne « ${header} » écartée : métadonnée personnelle (appareil, compte), jamais chargée`,
        };
      }
      const last = header.split("/").pop() ?? header;
      if (role === "metadata" || (!format.columnRole && last.startsWith("_"))) {
        return {
          severity: "avertissement",
          message:
            `colonne technique « ${header} » ignorée : métadonnée de l'outil d'enquête, jamais chargée`,
        };
      }
      return null;
    },
    warnings(r) {
      return r.submitted_bad === null ? [] : [{
        field: "submitted",
        message: `date de réponse « ${r.submitted_bad} » illisible : réponse gardée sans date`,
      }];
    },
    toRows(r, ctx, extras): TableRow[] {
      const structure = r.structure ?? ctx.structureId!;
      const ref = ctx.pseudonym(["enquete", ...format.keyParts(r, ctx, structure, extras)]);
      const rows: TableRow[] = [{
        table: "stg_survey_responses",
        row: {
          response_ref: ref,
          structure_id: structure,
          source_format: format.format,
          form_id: r.form_id,
          form_version: r.form_version,
          submitted_at: r.submitted_at,
          wave: r.wave,
          validation_status: r.validation,
          submitter_ref: r.submitter ? ctx.pseudonym(["enqueteur", r.submitter.trim().toLowerCase()]) : null,
          respondent_ref: null as string | null,
          complete: null as boolean | null,
        },
      }];
      const cells = extras?.unknownCells ?? [];
      // The respondent code: only its keyed pseudonym is kept (the first non-empty code column).
      for (const { header, value } of cells) {
        const code = isRespondentCodeColumn(header) ? normaliseRespondentCode(value) : null;
        if (code !== null) {
          rows[0].row.respondent_ref = ctx.pseudonym(["repondant", structure, code]);
          break;
        }
      }
      const { answers, dropped } = answerCells(format, cells);
      for (const { header, reason } of dropped) {
        rows.push({
          table: "stg_survey_dropped",
          row: { structure_id: structure, question_path: header, reason },
        });
      }
      for (const { header, text, number } of answers) {
        rows.push({
          table: "stg_survey_answers",
          row: {
            response_ref: ref,
            structure_id: structure,
            question_path: header,
            value_text: text,
            value_number: number,
          },
        });
      }
      // Kobo and Google Forms hold submitted responses only; LimeSurvey says it by submitdate.
      rows[0].row.complete = format.emptySubmittedIsIncomplete
        ? (extras?.headers.submitted === undefined ? null : r.submitted !== null)
        : format.submittedOnly
        ? true
        : null;
      return rows;
    },
  };
}

/** Why a question column is not stored: identity, GPS position, personal metadata. */
export type DropReason = "identite" | "gps" | "metadonnee";

/**
 * The answers of one response (or one repeat row) as they are stored, and the columns set
 * aside: the respondent code is skipped (only its pseudonym is kept), identity columns and
 * GPS positions are dropped, the tool's metadata ignored, « no answer » values skipped, and free
 * text loses the respondent's names, e-mail addresses and phone numbers.
 */
export function answerCells(
  format: Pick<AnswerFormat, "columnRole" | "isGeoValue" | "isNoAnswer">,
  cells: readonly { header: string; value: string }[],
): {
  answers: { header: string; text: string; number: number | null }[];
  dropped: { header: string; reason: DropReason }[];
} {
  const headers = cells.map((c) => c.header);
  const names: string[] = [];
  for (const { header, value } of cells) if (identityOf(header).name) names.push(...nameParts(value));
  const answers: { header: string; text: string; number: number | null }[] = [];
  const dropped: { header: string; reason: DropReason }[] = [];
  const seen = new Map<string, number>();
  for (const cell of cells) {
    // Two questions with the same heading (a Google Forms title used twice) both stay:
    // the second is « titre (2) », said once per file (survey_tools/file_notes.ts).
    const n = (seen.get(cell.header) ?? 0) + 1;
    seen.set(cell.header, n);
    const { value } = cell;
    const header = n === 1 ? cell.header : `${cell.header} (${n})`;
    if (isRespondentCodeColumn(header)) continue;
    if (identityOf(header).identity) {
      dropped.push({ header, reason: "identite" });
      continue;
    }
    const role = format.columnRole?.(header, headers) ??
      ((header.split("/").pop() ?? header).startsWith("_") ? "metadata" : "question");
    if (role === "gps" || (role === "question" && format.isGeoValue?.(value))) {
      dropped.push({ header, reason: "gps" });
      continue;
    }
    if (role === "personal-metadata") {
      dropped.push({ header, reason: "metadonnee" });
      continue;
    }
    if (role === "metadata" || format.isNoAnswer?.(value)) continue;
    const text = redactAnswer(value, names);
    const number = parseNumber(text);
    answers.push({ header, text, number: number.ok ? number.value : null });
  }
  return { answers, dropped };
}

/**
 * The answer loaders: each format with a structure column first (it matches one more column, so
 * it wins when the column exists), then from the folder.
 */
export const surveyAnswerLoaders: LoaderSpec<SurveyResponse>[] = ANSWER_FORMATS.flatMap((f) => [
  answersLoader(f, "column"),
  answersLoader(f, "folder"),
]);
