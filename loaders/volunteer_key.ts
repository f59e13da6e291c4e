/**
 * The cross-structure key of a volunteer: the same person volunteering in two structures gets
 * one key, so the counts above the structure (Coopération, cluster, département) count them once.
 * Same rule as `person_key` of the people exports (people_common.ts): a keyed pseudonym of the
 * normalised name and the birth date, and no key without a birth date (two namesakes are never
 * merged). Volunteering logs write the whole name in one column, in either order (« Martin
 * Claire », « Claire MARTIN »): its words are sorted before pseudonymisation.
 *
 * @module
 */
import type { LoadContext } from "../src/ingest/loader_spec.ts";
import { normaliseIdentity } from "../src/privacy/pseudonymise.ts";

/**
 * The volunteer's cross-structure pseudonym, or null without a birth date.
 *
 * @example
 * ```ts
 * volunteerKey(ctx, "Claire Martin", "1984-03-02") === volunteerKey(ctx, "MARTIN Claire", "1984-03-02") // true
 * volunteerKey(ctx, "Claire Martin", null) // null
 * ```
 */
export function volunteerKey(ctx: LoadContext, name: string, birthDate: string | null): string | null {
  if (!birthDate) return null;
  const words = normaliseIdentity(name).split(" ").filter((w) => w !== "").sort().join(" ");
  // A tag of its own: never equal to a per-structure volunteer_ref nor to a person_key.
  return ctx.pseudonym(["benevole-reseau", words, birthDate]);
}
