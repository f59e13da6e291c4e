// Colours of the site, the same on every page and in print. One colour per structure from the
// Okabe–Ito palette (distinguishable with the common colour-vision deficiencies); La Coopération
// as a whole in a neutral dark tone; suppressed or missing values in grey hatching, never zero.
import {svg} from "npm:htl";

/** La Coopération (the four structures together), and the other levels. */
export const COOPERATION_COLOR = "#333333";
/** Grey of hatched (suppressed « < 5 ») and missing values. */
export const SUPPRESSED_COLOR = "#9a9a9a";

/** Okabe–Ito colours of La Coopération's four structures (fixed, whatever the data). */
export const STRUCTURE_COLORS = {
  cooperation: COOPERATION_COLOR,
  ors: "#0072B2",
  "saint-nicolas": "#D55E00",
  "noel-guichard": "#009E73",
  accorderie: "#CC79A7"
};

/** The remaining Okabe–Ito colours, for the other structures (chosen from their id, stable). */
const OTHER_COLORS = ["#56B4E9", "#E69F00", "#7A6A00", "#5D3A9B"];

/**
 * The colour of a structure: fixed for La Coopération's four, otherwise derived from its id so
 * that a structure keeps its colour from one page and one build to the next.
 *
 * @param {string} id structure id (or "cooperation")
 * @returns {string} a CSS colour
 */
export function structureColor(id) {
  if (STRUCTURE_COLORS[id]) return STRUCTURE_COLORS[id];
  let hash = 0;
  for (const char of String(id)) hash = (hash * 31 + char.codePointAt(0)) >>> 0;
  return OTHER_COLORS[hash % OTHER_COLORS.length];
}

/**
 * A Plot colour scale for structures `{id, name}` (by name, one colour each, with a legend).
 *
 * @param {{id: string, name: string}[]} structures
 * @param {{legend?: boolean}} [options]
 */
export function colorScale(structures, {legend = true} = {}) {
  return {
    domain: structures.map((s) => s.name),
    range: structures.map((s) => structureColor(s.id)),
    legend
  };
}

let hatchCount = 0;

/**
 * A Plot mark that defines a grey hatch pattern; fill suppressed bars with the returned `fill`.
 *
 * @returns {{defs: Function, fill: string}} the mark (put it first in `marks`) and its fill URL
 * @example
 * const hatch = hatchPattern();
 * Plot.plot({marks: [hatch.defs, Plot.barY(hidden, {x: "year", y: () => 1, fill: hatch.fill})]});
 */
export function hatchPattern() {
  const id = `hatch-${++hatchCount}`;
  return {
    defs: () => svg`<defs><pattern id=${id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#f2f2f2"></rect><line x1="0" y1="0" x2="0" y2="6" stroke=${SUPPRESSED_COLOR} stroke-width="2.5"></line>
    </pattern></defs>`,
    fill: `url(#${id})`
  };
}
