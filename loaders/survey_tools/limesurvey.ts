/**
 * LimeSurvey response exports (CSV, XLSX): metadata columns in the code, English and French
 * interface spellings, the anonymised date, answers meaning « no answer ». Layouts:
 * /work/shared/real-formats.md « LimeSurvey response exports ».
 *
 * Headers may be question codes (`Q1`, `Q1[SQ001]`, `Q2[other]`, `Q3[comment]`), full question
 * texts (`Question ? [Sous-question]`) or « code + texte » (`Q1 - texte`): they are kept as typed
 * as the question path. Only a response id is required.
 *
 * @module
 */
import { normaliseHeader } from "../../src/read/normalise_header.ts";

/** Response id: code, then French and English interface labels. */
export const LIME_ID = ["id", "ID de la réponse", "ID réponse", "Response ID", "ID de réponse"];
/** Submission date: empty for an incomplete response. */
export const LIME_SUBMITTED = ["submitdate", "Date de soumission", "Date submitted", "Date d'envoi"];

/** Metadata fields of the loader (never questions). */
export const LIME_META: Record<string, string[]> = {
  meta_lastpage: ["lastpage", "Dernière page", "Last page"],
  meta_startlanguage: ["startlanguage", "Langue de départ", "Start language", "Langue", "Language"],
  meta_seed: ["seed", "Tête de série", "Seed", "Graine"],
  meta_startdate: ["startdate", "Date de lancement", "Date de début", "Date started"],
  meta_datestamp: ["datestamp", "Date de la dernière action", "Date last action"],
  meta_refurl: ["refurl", "URL référente", "URL de référence", "Referrer URL", "Referring URL"],
  meta_ipaddr: ["ipaddr", "Adresse IP", "IP address", "IP-Adresse"],
  meta_token: ["token", "Code d'invitation", "Jeton", "Access code", "Token"],
};

/** Metadata that identifies a person or a machine: read, never stored, reported by header. */
export const LIME_PERSONAL: Record<string, string> = {
  meta_ipaddr: "adresse IP",
  meta_refurl: "URL référente (peut contenir un identifiant)",
  meta_token: "code d'invitation (lié à la liste des participants)",
};

/** LimeSurvey's date of anonymised surveys with « date stamp » off: an unknown date. */
export function isUnknownLimeDate(text: string | null): boolean {
  return text !== null && /^1980-01-01(?:[ T]00:00(?::00)?)?$/.test(text.trim());
}

/** A full-answer export writes « N/A » (or « Sans réponse ») where the code export is empty. */
export function isLimeNoAnswer(value: string): boolean {
  return /^(n\/a|sans réponse|no answer)$/i.test(value.trim());
}

const META_KEYS = new Set(
  [...LIME_SUBMITTED, ...Object.values(LIME_META).flat()].map(normaliseHeader),
);
// Q1[SQ001], Q2[other], G01Q03[SQ001][1]: a question code with sub-question brackets.
const CODE_WITH_SUB = /^[A-Za-z][A-Za-z0-9_]*(\[[^\]]+\])+$/;
// « Q1 - texte »: code + text headings.
const CODE_AND_TEXT = /^[A-Za-z][A-Za-z0-9_]*(\[[^\]]+\])* - \S/;

/**
 * Whether a header is LimeSurvey's: a specific id label (`ID réponse`, `Response ID`) is enough;
 * a bare `id` (a common column name) needs another LimeSurvey metadata column or a LimeSurvey
 * question heading beside it (`Q1[SQ001]`, `Q1 - texte`). Kobo's `_id` is not LimeSurvey's.
 */
export function isLimeHeader(headers: readonly string[]): boolean {
  const ids = headers.filter((h) =>
    normaliseHeader(h) === "id" || LIME_ID.slice(1).some((a) => normaliseHeader(a) === normaliseHeader(h))
  );
  if (ids.some((h) => h.trim() !== "" && normaliseHeader(h) !== "id")) return true;
  if (!ids.some((h) => h.trim().toLowerCase() === "id")) return false;
  return headers.some((h) =>
    META_KEYS.has(normaliseHeader(h)) || CODE_WITH_SUB.test(h.trim()) || CODE_AND_TEXT.test(h.trim())
  );
}
