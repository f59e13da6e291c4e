/**
 * Free-text answers made safe to publish: HTML escaped, and a start that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@`, tab, carriage return) neutralised by a leading apostrophe,
 * exactly as `pages/components/csv_export.js` does for CSV cells. Names, e-mails and phone numbers
 * were already masked at ingestion (loaders/survey_answers.ts). Whether an answer may be published
 * at all (consent) is decided in SQL (view `survey_free_text`). Pure: no I/O, no state.
 *
 * @module
 */

/** Same rule as `neutraliseCell` in pages/components/csv_export.js. */
const FORMULA_START = /^[=+\-@\t\r]/;

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * `text` with `& < > " '` replaced by HTML entities: shown as typed, never run.
 *
 * @example
 * ```ts
 * escapeHtml('<b>Merci</b> & "bravo"') // "&lt;b&gt;Merci&lt;/b&gt; &amp; &quot;bravo&quot;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * A free-text answer ready to publish: trimmed, formula-like start neutralised, then HTML escaped
 * (the result is HTML text: insert it as HTML, not through a second escaping).
 *
 * @example
 * ```ts
 * publishableText(" =SOMME(A1) <script>") // "'=SOMME(A1) &lt;script&gt;"
 * ```
 */
export function publishableText(text: string): string {
  const trimmed = text.trim();
  return escapeHtml(FORMULA_START.test(trimmed) ? `'${trimmed}` : trimmed);
}
