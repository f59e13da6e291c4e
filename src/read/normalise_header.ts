/**
 * Canonical form of a column title, so "Date d'agrément" and "DATE D AGREMENT" compare equal.
 * @module
 */

/**
 * Lowercases, removes accents, maps œ→oe and æ→ae, and drops everything but `[a-z0-9]`.
 *
 * @example
 * normaliseHeader("Date d'agrément") // "datedagrement"
 * normaliseHeader("Durée (h)") // "dureeh"
 */
export function normaliseHeader(s: string): string {
  return s
    .toLowerCase()
    // œ and æ are ligatures, not accented letters: NFD would leave them alone.
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}
