// Links a term's first use on a page to its entry in the glossary (Méthodologie page, section
// « Glossaire »), with its definition as tooltip and accessible description. Call it where the
// term first appears; later uses stay plain text.
//
// @example
// import {term} from "./components/glossary.js";
// html`le ratio est compris entre ${term("p5-p95", "p5")} et p95`
import {FileAttachment} from "npm:@observablehq/stdlib";
import {html} from "npm:htl";
import {findTerm, glossaryHref, isAbbreviation, termTitle} from "./glossary_terms.js";

export {glossaryHref};

// A glossed term reads as text with a dotted underline, not as a navigation link (kept here, not
// in style.css, so that the component carries its own look).
if (typeof document !== "undefined" && !document.getElementById("glossary-term-style")) {
  document.head.append(Object.assign(document.createElement("style"), {
    id: "glossary-term-style",
    textContent: ".glossary-term{color:inherit;text-decoration:underline dotted;text-underline-offset:0.2em;cursor:help}.glossary-term abbr{text-decoration:none}"
  }));
}

// Published by the pipeline (src/site/publish_methodology.ts); a site built before it has none.
const TERMS = (await FileAttachment("../data/generated/glossaire.json").json().catch(() => null))?.terms ?? [];

/**
 * A term linked to its glossary entry: `term("van")` shows « VAN », `term("van", "la VAN")` shows
 * the given text. A term missing from the glossary is returned as plain text.
 *
 * @param {string} id the glossary identifier (first column of data/reference/glossaire.csv)
 * @param {string} [text] the words shown (the glossary's term by default)
 */
export function term(id, text) {
  return link(findTerm(TERMS, id), text);
}

/**
 * An indicator's label linked to the glossary when a term describes it (« Diversité des âges »:
 * its scale 0 à 1,79), else the label as it is.
 *
 * @param {{id: string, label: string}} indicator
 */
export function indicatorTerm(indicator) {
  return link(findTerm(TERMS, {indicator: indicator.id}), indicator.label);
}

function link(entry, text) {
  const shown = text ?? entry?.term ?? "";
  if (!entry) return shown;
  const title = termTitle(entry);
  const inner = isAbbreviation(shown) ? html`<abbr title=${title}>${shown}</abbr>` : shown;
  return html`<a class="glossary-term" href=${glossaryHref(entry.id)} title=${title} data-term=${entry.id}>${inner}</a>`;
}
