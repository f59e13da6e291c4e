// Pure helpers of the glossary links (no import: tested under Deno, tests/pages/glossary_terms_test.ts).
// The glossary itself is data/reference/glossaire.csv, published as glossaire.json and printed
// on the Méthodologie page, one `#glossaire-<id>` anchor a term (src/site/glossary.ts).

/** The page where the glossary is printed. */
export const GLOSSARY_PAGE = "/methodologie";

/** Link to a term's entry: « /methodologie#glossaire-van ». */
export function glossaryHref(id) {
  return `${GLOSSARY_PAGE}#glossaire-${id}`;
}

/**
 * The tooltip and accessible description of a term: its definition, then its scale.
 *
 * @param {{definition: string, scale?: string}} entry
 */
export function termTitle(entry) {
  const definition = entry.definition.trim();
  return entry.scale ? `${definition} Échelle : ${entry.scale}.` : definition;
}

/** Whether the shown text is an abbreviation (« VAN », « p5 », « QPV », « ETP »): it gets an <abbr>. */
export function isAbbreviation(text) {
  return /^(?:[A-Z]{2,6}|p\d{1,2})$/.test(text.trim());
}

/**
 * The glossary entry of an id, or of a catalogue indicator (`{indicator: "diversite_ages"}`);
 * null when there is none.
 *
 * @param {{id: string, indicator?: string|null}[]} terms
 * @param {string | {indicator: string}} key
 */
export function findTerm(terms, key) {
  if (typeof key === "string") return terms.find((t) => t.id === key) ?? null;
  return terms.find((t) => t.indicator === key.indicator) ?? null;
}
