/**
 * Response rates of a questionnaire: responses ÷ people reached. Pure: no I/O, no state.
 *
 * Denominator (document of the convention):
 * - for the form as a whole (scope `ensemble`, every structure together), the `cible` of the
 *   form's `settings` sheet when it is given (people the survey aims to reach);
 * - for a structure, the participants of that structure in the year of the responses
 *   (`mart_activity_year.participants`: distinct people present at least once);
 * - for the Coopération, the sum of the participants of the structures of La Coopération that
 *   have responses in that wave and year (not of all four: a structure that did not run the
 *   survey reached nobody); no rate when one of them has no participants known;
 * - otherwise no rate (never a rate over an unknown denominator).
 *
 * Disclosure: the rate is withheld when the responses, the people reached, or the people reached
 * who did not answer are 1 to 4 (a 38-of-40 rate reveals the two who did not answer). A rate above
 * 1 is kept: it says the denominator misses people (participants not recorded).
 *
 * @module
 */
import { DEFAULT_THRESHOLD, isSmall } from "../privacy/disclosure.ts";

/** Where the denominator of a rate comes from. */
export type ReachedSource = "cible" | "participants";

/**
 * The published response rate, or null.
 *
 * @example
 * ```ts
 * responseRate(30, 120) // 0.25
 * responseRate(3, 120) // null (fewer than 5 responses)
 * responseRate(37, 40) // null (3 people did not answer)
 * responseRate(30, null) // null
 * ```
 */
export function responseRate(
  responses: number,
  reached: number | null,
  threshold = DEFAULT_THRESHOLD,
): number | null {
  if (reached === null || reached <= 0 || responses <= 0) return null;
  if (isSmall(responses, threshold) || isSmall(reached, threshold)) return null;
  if (responses < reached && isSmall(reached - responses, threshold)) return null;
  return responses / reached;
}

/**
 * The denominator of a scope: the form's `cible` for the whole form, the participants of the year
 * for a structure or the Coopération.
 *
 * @example
 * ```ts
 * reachedFor("ensemble", 80, null) // { reached: 80, source: "cible" }
 * reachedFor("ors", 80, 412) // { reached: 412, source: "participants" }
 * reachedFor("ors", null, null) // { reached: null, source: null }
 * ```
 */
export function reachedFor(
  scope: string,
  target: number | null,
  participants: number | null,
): { reached: number | null; source: ReachedSource | null } {
  if (scope === "ensemble") {
    return target === null ? { reached: null, source: null } : { reached: target, source: "cible" };
  }
  return participants === null
    ? { reached: null, source: null }
    : { reached: participants, source: "participants" };
}
