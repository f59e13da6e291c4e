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

/** The colour of a structure or level id. */
export function structureColor(id) {
  return STRUCTURE_COLORS[id] ?? OTHER_STRUCTURE_COLOR;
}

/** FONDA targets (Okabe–Ito, distinct from the structure colours' order). */
export const TARGET_COLORS = {
  habitants: "#E69F00",
  territoire: "#56B4E9",
  "communauté d'action": "#009E73"
};

/** Socle commun dimensions. */
export const DIMENSION_COLORS = {
  "cohésion sociale": "#0072B2",
  "épanouissement": "#E69F00",
  gouvernance: "#CC79A7",
  environnement: "#009E73",
  "richesses produites": "#D55E00"
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
 * SVG (as a Plot mark: `() => defs`) and fill with `url`.
 */
export function hatch({color = "#888888", background = "#f2f2f2"} = {}) {
  const id = `hatch-${++hatchCount}`;
  const defs = svg`<defs><pattern id=${id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" fill=${background}></rect><line x1="0" y1="0" x2="0" y2="6" stroke=${color} stroke-width="2"></line>
  </pattern></defs>`;
  return {id, url: `url(#${id})`, defs};
}
