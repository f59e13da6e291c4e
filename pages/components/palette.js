// Shared colours of the site: one colour per structure (Okabe–Ito, colour-blind safe), the
// Coopération and the levels above it in dark neutral tones, and the hatching used for values
// hidden by the disclosure rule or missing (never drawn as zero).
import {svg} from "npm:htl";

/** One colour per structure of the Coopération, the same on every page and in print. */
export const STRUCTURE_COLORS = {
  cooperation: "#333333",
  cluster: "#555555",
  departement: "#777777",
  ors: "#0072B2",
  "saint-nicolas": "#D55E00",
  "noel-guichard": "#009E73",
  accorderie: "#CC79A7"
};

/** Colour of any other structure of the département: a neutral blue-grey. */
export const OTHER_STRUCTURE_COLOR = "#8C9BAB";

/** The Coopération as a whole. */
export const COOPERATION_COLOR = STRUCTURE_COLORS.cooperation;
/**
 * Grey of secondary text drawn in charts (« n.d. », « pas de donnée »): 7:1 on white, where the
 * former #777 and #888 fell below WCAG's 4.5:1 (issue 19).
 */
export const MUTED_TEXT_COLOR = "#595959";
/** Grey of hatched (suppressed « < 5 ») and missing values. */
export const SUPPRESSED_COLOR = "#9a9a9a";

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

/** The colour of a structure or level id, with a fallback for structures without their own. */
export function structureColor(id, fallback = OTHER_STRUCTURE_COLOR) {
  return STRUCTURE_COLORS[id] ?? fallback;
}

/** FONDA targets (Okabe–Ito, distinct from the structure colours' order). */
export const TARGET_COLORS = {
  habitants: "#E69F00",
  territoire: "#56B4E9",
  "communauté d'action": "#009E73"
};

/**
 * Socle commun dimensions: Paul Tol's « muted » hues (colour-blind safe), none of them a structure
 * colour (STRUCTURE_COLORS) nor a direction of change (TREND_COLORS), so that a dimension is never
 * read as a structure.
 */
export const DIMENSION_COLORS = {
  "cohésion sociale": "#88CCEE",
  "épanouissement": "#DDCC77",
  gouvernance: "#AA4499",
  environnement: "#44AA99",
  "richesses produites": "#999933"
};

/**
 * Direction of a change since 2017–2018, read in the indicator's sense: indigo for better, rose
 * for worse (Paul Tol's « muted », told apart by hue and lightness), light greys for stable and
 * for neutral indicators; none of them a structure colour.
 */
export const TREND_COLORS = {
  "amélioration": "#332288",
  "dégradation": "#CC6677",
  stable: "#BBBBBB",
  "sans objet": "#DDDDDD"
};

/** Completeness of an indicator's sources: all structures (dark) or some of them (light), purples. */
export const COMPLETENESS_COLORS = {
  complete: "#5E4FA2",
  partial: "#B2ABD2"
};

/** Value chain stages, from resources to impacts (sequential, readable in grey print). */
export const STAGE_COLORS = {
  ressources: "#c6dbef",
  "activités": "#9ecae1",
  "réalisations": "#6baed6",
  effets: "#3182bd",
  impacts: "#08519c"
};

let hatchCount = 0;

/**
 * A hatching pattern for hidden or missing values: returns `{id, url, defs}`; put `defs` in the
 * SVG (as a Plot mark: `() => defs`) and fill with `url`. Every hatching of the site is drawn here.
 */
export function hatch({color = "#888888", background = "#f2f2f2", strokeWidth = 2, id = `hatch-${++hatchCount}`} = {}) {
  const defs = svg`<defs><pattern id=${id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" fill=${background}></rect><line x1="0" y1="0" x2="0" y2="6" stroke=${color} stroke-width=${strokeWidth}></line>
  </pattern></defs>`;
  return {id, url: `url(#${id})`, defs};
}

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
  return () => hatch({id: HATCH_ID, color: "#8a8a8a"}).defs;
}

/**
 * A Plot mark that defines a grey hatch pattern; fill suppressed bars with the returned `fill`.
 *
 * @returns {{defs: Function, fill: string}} the mark (put it first in `marks`) and its fill URL
 * @example
 * const hatch = hatchMark();
 * Plot.plot({marks: [hatch.defs, Plot.barY(hidden, {x: "year", y: () => 1, fill: hatch.fill})]});
 */
export function hatchMark() {
  const {defs, url} = hatch({color: SUPPRESSED_COLOR, strokeWidth: 2.5});
  return {defs: () => defs, fill: url};
}
