/**
 * Google Forms responses (CSV download, or the linked Google Sheet saved as XLSX): the timestamp
 * column in French and English, and the respondent's e-mail that « collect e-mail addresses »
 * adds. One column per question titled with its text; a checkbox question holds its choices
 * joined by `, ` or `;` (split when resolved, see stg_survey_views.sql); a grid question gives
 * one column per row, `Question [Ligne]`. Layouts: /work/shared/real-formats.md « Google Forms ».
 *
 * @module
 */

/** The timestamp column: French, English, and older French spellings. */
export const FORMS_TIMESTAMP = ["Horodateur", "Horodatage", "Timestamp", "Marque temporelle"];

/** Metadata fields of the loader. */
export const FORMS_META: Record<string, string[]> = {
  meta_email: [
    "Adresse e-mail",
    "Adresse email",
    "Email Address",
    "Email address",
    "Adresse courriel",
    "E-mail",
  ],
  meta_score: ["Score", "Total score"],
};

/** Metadata that identifies a person: read, never stored, reported by header. */
export const FORMS_PERSONAL: Record<string, string> = { meta_email: "adresse e-mail du répondant" };
