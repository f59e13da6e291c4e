/**
 * Testimonies as a reader meets them: the list markers a collection sheet leaves in front of a
 * quote (« + », « - », « -> », « • », « * ») are removed, and a quote published twice (the same
 * words, once per sheet or per wave) is shown once, at its most recent date.
 *
 * @module
 */

/** A testimony row as published (text already redacted and consented). */
export type TestimonyRow = Record<string, unknown> & { text?: unknown };

const MARKER = /^\s*(?:->|=>|→|[-+*•–—>·])+\s*/u;

/** The quote without a leading list marker: « + J'échange des heures » → « J'échange des heures ». */
export function cleanTestimony(text: string): string {
  return text.replace(MARKER, "").trim();
}

/** The words that make two quotes the same: case, spacing and final punctuation aside. */
function sameWords(text: string): string {
  return text.toLocaleLowerCase("fr").replace(/[\s.!?…]+/g, " ").trim();
}

/**
 * Cleans each quote and keeps the first row of each quote (rows come most recent first), so no
 * testimony is shown twice on the page.
 *
 * @example
 * ```ts
 * distinctTestimonies([{ structure_id: "ors", text: "+ Merci !" }, { structure_id: "ors", text: "Merci" }]);
 * // [{ structure_id: "ors", text: "Merci !" }]
 * ```
 */
export function distinctTestimonies<T extends TestimonyRow>(rows: T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const row of rows) {
    const text = cleanTestimony(String(row.text ?? ""));
    const key = sameWords(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ ...row, text });
  }
  return out;
}
