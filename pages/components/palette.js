// The shared colour conventions of every page: one colour per structure (Okabe–Ito, colour-blind
// safe, the same on screen and in print), the Coopération as a whole in a neutral dark tone,
// organisations outside the registry in light grey, and grey hatching for values hidden by the
// disclosure rule or missing (never drawn as zero).
import {svg} from "npm:htl";

/** One colour per structure id; the Coopération in dark grey. */
export const STRUCTURE_COLORS = {
  cooperation: "#333333",
  ors: "#0072B2",
  "saint-nicolas": "#D55E00",
  "noel-guichard": "#009E73",
  accorderie: "#CC79A7"
};

/** La Coopération as a whole. */
export const COOPERATION_COLOR = "#333333";
/** Other structures of the registry (cluster, département) when they have no colour of their own. */
export const OTHER_STRUCTURE_COLOR = "#56B4E9";
/** Organisations that are not structures (partners). */
export const PARTNER_COLOR = "#BBBBBB";
/** Accent colours for two-state charts (before / after, low / high): blue and orange of Okabe–Ito. */
export const BEFORE_COLOR = "#999999";
export const AFTER_COLOR = "#0072B2";
export const LOW_COLOR = "#D55E00";
export const HIGH_COLOR = "#0072B2";

/** Identifier of the hatching pattern; use `fill: HATCH_FILL` once {@link hatchPattern} is a mark. */
export const HATCH_ID = "observatoire-hachures";
export const HATCH_FILL = `url(#${HATCH_ID})`;

/**
 * A Plot mark (a function returning SVG) that defines the grey hatching used for hidden values.
 *
 * @example
 * Plot.plot({marks: [hatchPattern(), Plot.barY(hidden, {x: "year", y: () => 1, fill: HATCH_FILL})]})
 */
export function hatchPattern() {
  return () => svg`<defs><pattern id=${HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
    <rect width="6" height="6" fill="#f2f2f2"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2"></line>
  </pattern></defs>`;
}

/** The colour of a structure id, with a fallback for structures without their own. */
export function structureColor(id, fallback = OTHER_STRUCTURE_COLOR) {
  return STRUCTURE_COLORS[id] ?? fallback;
}
