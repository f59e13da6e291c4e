/**
 * The closed vocabularies of the indicator catalogue (value chain, socle commun, FONDA, ISO 26000,
 * direction, disclosure rule, sources), with the accent- and case-insensitive lookup the
 * catalogue reader uses.
 *
 * @module
 */
import { normaliseHeader } from "../read/normalise_header.ts";

/** FONDA value chain stages, in order. */
export const STAGES = ["ressources", "activités", "réalisations", "effets", "impacts"] as const;
/** The five dimensions of the Drôme socle commun. */
export const DIMENSIONS = [
  "cohésion sociale",
  "épanouissement",
  "gouvernance",
  "environnement",
  "richesses produites",
] as const;
/** FONDA transformation targets. */
export const TARGETS = ["habitants", "territoire", "communauté d'action"] as const;
/** Evaluative questions. */
export const QUESTIONS = ["pertinence", "efficacité", "efficience", "cohérence", "impact"] as const;
/** Direction of an indicator. */
export const DIRECTIONS = ["plus_est_mieux", "moins_est_mieux", "neutre"] as const;
/**
 * Disclosure rules:
 * - `effectif_personnes`: the value counts people; 1 to 4 is shown « < 5 »;
 * - `taux_personnes`: a share of people; hidden when the denominator is under 5 or when the
 *   numerator or the rest (denominator − numerator) is 1 to 4 (as `safeShare`);
 * - `moyenne_personnes`: a mean over people (survey score); hidden when fewer than 5 people;
 * - `montant`: euros of an organisation, never hidden;
 * - `aucune`: counts of actions, hours, ratios of organisations: never hidden.
 */
export const DISCLOSURE_RULES = [
  "effectif_personnes",
  "taux_personnes",
  "moyenne_personnes",
  "montant",
  "aucune",
] as const;
/** The scope levels, from the smallest. */
export const SCOPE_LEVELS = ["structure", "cooperation", "cluster", "departement"] as const;

/** Staging tables an indicator may require (loaders/sql/stg_*.sql holding a structure_id). */
export const SOURCES = [
  "stg_attendance",
  "stg_people",
  "stg_households",
  "stg_registrations",
  "stg_headcounts",
  "stg_activities",
  "stg_volunteering",
  "stg_staff",
  "stg_accounting_entries",
  "stg_funding",
  "stg_budgets",
  "stg_partnerships",
  "stg_timebank_exchanges",
  "stg_timebank_members",
  "stg_memberships",
  "stg_testimonies",
  "stg_senacs_answers",
  "stg_survey_answers",
  "stg_iso26000",
] as const;

export type Stage = typeof STAGES[number];
export type Dimension = typeof DIMENSIONS[number];
export type Target = typeof TARGETS[number];
export type Question = typeof QUESTIONS[number];
export type Direction = typeof DIRECTIONS[number];
export type DisclosureRule = typeof DISCLOSURE_RULES[number];
export type Source = typeof SOURCES[number];

/**
 * The canonical member of `values` matching `text` without case, accents, spaces or
 * punctuation; null when none does.
 *
 * @example
 * canonical(STAGES, "Réalisations") // "réalisations"
 * canonical(DIMENSIONS, "cohesion_sociale") // "cohésion sociale"
 * canonical(STAGES, "ressource") // null
 */
export function canonical<T extends string>(values: readonly T[], text: string): T | null {
  const key = normaliseHeader(text);
  return values.find((v) => normaliseHeader(v) === key) ?? null;
}
