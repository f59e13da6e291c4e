/**
 * The door of an analysis: a result that could identify someone is refused before anything is
 * published — a column of pseudonyms, personal values (names, e-mails, birth dates…), a result
 * with no count of people, or one row per person. The message is in French and names the column.
 *
 * @module
 */
import { detectPersonal, PERSONAL_LABELS } from "../privacy/detect_personal.ts";
import type { AnalysisSpec } from "./analysis_spec.ts";

/** A result refused at the door; `column` names the culprit when there is one. */
export class AnalysisRefused extends Error {
  constructor(message: string, readonly column?: string) {
    super(message);
    this.name = "AnalysisRefused";
  }
}

/** Pseudonyms written by the pipeline: 20 base64url characters, maybe after `structure:`. */
const PSEUDONYM = /^(?:[a-z0-9_-]+:)?[A-Za-z0-9_-]{20}$/;
/** Column names of the person-level views that hold pseudonyms. */
const PSEUDONYM_COLUMN =
  /(^|_)(person|personne|volunteer|benevole|respondent|member|adherent)_?(ref|key|id)$|_ref$|_key$/i;

/** Whether most filled values of a column look like the pipeline's pseudonyms. */
export function looksLikePseudonyms(values: readonly unknown[]): boolean {
  const texts = values.filter((v): v is string => typeof v === "string" && v !== "");
  if (texts.length === 0) return false;
  const hits = texts.filter((t) => PSEUDONYM.test(t) && /\d/.test(t) && /[A-Z]/.test(t) && /[a-z]/.test(t));
  return hits.length / texts.length >= 0.5;
}

/**
 * Throws {@link AnalysisRefused} when the result must not be published.
 *
 * @example
 * ```ts
 * refuseResult([{ person_key: "ors:aB3dE5fG7hJ9kL1mN3pQ", n: 1 }], { counts: ["n"], shares: {}, labels: {} }, "revenants.sql")
 * // throws « … la colonne « person_key » contient des pseudonymes … »
 * ```
 */
export function refuseResult(
  rows: readonly Record<string, unknown>[],
  spec: AnalysisSpec,
  source: string,
): void {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  for (const column of columns) {
    const values = rows.map((r) => r[column]);
    if (PSEUDONYM_COLUMN.test(column) || looksLikePseudonyms(values)) {
      throw new AnalysisRefused(
        `${source} : la colonne « ${column} » contient des pseudonymes de personnes. Un résultat ` +
          `publié ne montre que des comptes : regroupez (GROUP BY) et comptez (count(DISTINCT ${column})).`,
        column,
      );
    }
    const texts = values.filter((v): v is string => typeof v === "string");
    const personal = texts.length ? detectPersonal(column, texts) : null;
    if (personal) {
      throw new AnalysisRefused(
        `${source} : la colonne « ${column} » contient ${PERSONAL_LABELS[personal]}. ` +
          `Retirez-la de la requête : seuls des comptes et des catégories sont publiés.`,
        column,
      );
    }
  }
  if (spec.counts.length === 0) {
    throw new AnalysisRefused(
      `${source} : aucune colonne de comptage n'est déclarée. Déclarez les colonnes qui comptent ` +
        `des personnes (counts: ["personnes"]) : la règle de diffusion s'applique à elles.`,
    );
  }
  if (rows.length === 0) return;
  for (const count of [...spec.counts, ...Object.values(spec.shares).flatMap((s) => [s.part, s.whole])]) {
    if (!columns.includes(count)) {
      throw new AnalysisRefused(
        `${source} : la colonne de comptage « ${count} » est déclarée mais absente du résultat ` +
          `(colonnes : ${columns.join(", ")}).`,
        count,
      );
    }
    const bad = rows.findIndex((r) => r[count] !== null && typeof r[count] !== "number");
    if (bad >= 0) {
      throw new AnalysisRefused(
        `${source} : la colonne de comptage « ${count} » contient « ${rows[bad][count]} » à la ` +
          `ligne ${bad + 1} du résultat : un compte est un nombre.`,
        count,
      );
    }
  }
  // One row per person: every row counts at most one person in every count column.
  const perPerson = rows.length > 1 &&
    spec.counts.every((c) => rows.every((r) => r[c] === null || (r[c] as number) <= 1));
  if (perPerson) {
    throw new AnalysisRefused(
      `${source} : chaque ligne du résultat compte au plus une personne (colonne « ${spec.counts[0]} ») : ` +
        `c'est une ligne par personne. Regroupez les lignes (GROUP BY) pour publier des comptes.`,
      spec.counts[0],
    );
  }
}
