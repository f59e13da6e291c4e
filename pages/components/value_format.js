// THE formatter of indicator values, for every page, component, build script and test: one
// rounding rule per unit of the catalogue (data/indicators/catalogue.csv), one display of a
// masked value, one label for the 2017–2018 reference. Pure Intl (no npm import): the site's
// build scripts and the browser tests import it too, so a page and its check cannot disagree.
// format.js, numbers.js, indicators.js and story.js build on it; no page formats an indicator
// value its own way.

const integer = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 1});
const twoDecimals = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 2});
const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 1});
const euros = new Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR", maximumFractionDigits: 0});

/**
 * The rounding rule of each kind of unit, as the README and the Méthodologie page state it.
 * `masked` is what a value hidden by the « < 5 » rule reads: « < 5 » only where the value is
 * itself a count of people (so « < 5 » is literally true), « masqué » for shares, means, scores,
 * ratios (« < 5 » in a % row would read « < 5 % »).
 */
export const ROUNDING_RULES = [
  {kind: "share", units: "part (0-1)", rule: "en pourcentage, une décimale", example: "44,2 %", masked: "masqué"},
  {kind: "count", units: "personnes, passages, entrées, actions, séances, financeurs, groupes, partenaires, types, témoignages", rule: "nombre entier (une moyenne de personnes est arrondie à la personne)", example: "1 587 personnes", masked: "< 5"},
  {kind: "hours", units: "heures, heures par ETP, jours", rule: "nombre entier", example: "2 785 heures", masked: "masqué"},
  {kind: "euros", units: "€", rule: "à l'euro ; en millions d'euros à une décimale à partir de 1 M€", example: "12 345 € ; 1,5 M€", masked: "masqué"},
  {kind: "euro_ratio", units: "€ par € CAF, € par personne", rule: "deux décimales", example: "1,44 € par € CAF", masked: "masqué"},
  {kind: "fte", units: "ETP", rule: "une décimale", example: "15,4 ETP", masked: "masqué"},
  {kind: "score", units: "indice, score, points de score, niveau (1–4)", rule: "deux décimales", example: "1,63", masked: "masqué"},
  {kind: "number", units: "autres unités", rule: "deux décimales au plus", example: "3,25", masked: "masqué"}
];

const COUNT_UNITS = new Set(["personnes", "passages", "entrées", "actions", "séances", "financeurs", "groupes", "partenaires", "types", "témoignages", "bénévoles", "structures", "bénévoles × structures"]);
const HOUR_UNITS = new Set(["heures", "heures par ETP", "jours"]);

/** Whether an indicator's unit is a share (0–1): « part (0-1) », not « partenaires ». */
export function isShare(unit) {
  return /^part(\s|$)/.test(unit ?? "");
}

/** The kind of a catalogue unit, which fixes its rounding rule ({@link ROUNDING_RULES}). */
export function unitKind(unit) {
  const u = (unit ?? "").trim();
  if (isShare(u)) return "share";
  if (u === "€") return "euros";
  if (/€/.test(u)) return "euro_ratio";
  if (COUNT_UNITS.has(u)) return "count";
  if (HOUR_UNITS.has(u)) return "hours";
  if (u === "ETP") return "fte";
  if (/^(indice|score|points de score|niveau)/.test(u)) return "score";
  return "number";
}

/**
 * What a value hidden by the disclosure rule reads in this unit: « < 5 » for a count of people,
 * « masqué » otherwise (explained once per page: see {@link MASKED_NOTE}).
 */
export function maskedLabel(unit, threshold = 5) {
  return unitKind(unit) === "count" ? `< ${threshold}` : "masqué";
}

/** The one sentence explaining « masqué » and « < 5 », for a page's note or glossary. */
export function maskedNote(threshold = 5) {
  return `« < ${threshold} » : effectif de moins de ${threshold} personnes, masqué pour qu'on ne puisse reconnaître personne ; « masqué » : part, moyenne ou score calculé sur moins de ${threshold} personnes, masqué pour la même raison.`;
}

/**
 * The value as it is shown, rounded by its unit's rule (a number, not text): what two pages
 * must agree on. Euros from 1 M€ are rounded to 100 000 € (1,5 M€).
 */
export function roundForDisplay(value, unit) {
  if (value == null || !Number.isFinite(value)) return null;
  const round = (x, digits) => Number(Math.round(Number(`${x}e${digits}`)) + `e-${digits}`);
  switch (unitKind(unit)) {
    case "share": return round(value * 100, 1) / 100;
    case "count":
    case "hours": return round(value, 0);
    case "euros": return Math.abs(value) >= 1e6 ? round(value / 1e6, 1) * 1e6 : round(value, 0);
    case "fte": return round(value, 1);
    default: return round(value, 2);
  }
}

/**
 * The unit written after a number, or "" when the number carries it (shares, euros) or when the
 * unit is a scale without a name: « personnes », « points » (points de score), « / 4 » (niveau
 * (1–4)), "" (score, indice).
 */
export function unitLabel(unit) {
  if (!unit || isShare(unit) || /€/.test(unit)) return "";
  if (/^score|^indice$/.test(unit)) return "";
  if (unit === "points de score") return "points";
  const level = /^niveau \(\d+[–-](\d+)\)$/.exec(unit);
  if (level) return `/ ${level[1]}`;
  return unit.replace(/\s*\(.*\)$/, "");
}

/**
 * A value in its unit, in French, by the unit's rounding rule ({@link ROUNDING_RULES}):
 * "1 852 personnes", "44,2 %", "1,5 M€", "1,44 € par € CAF", "15,4 ETP", "2 785 heures".
 * Euro units are always written; other units only `withUnit`.
 *
 * @param {number|null} value
 * @param {string} unit the catalogue unit
 * @param {{withUnit?: boolean}} [options]
 */
export function formatValue(value, unit, {withUnit = true} = {}) {
  if (value == null || !Number.isFinite(value)) return "—";
  const kind = unitKind(unit);
  if (kind === "share") return percent.format(value);
  if (kind === "euros") {
    if (Math.abs(value) >= 1e6) return `${oneDecimal.format(value / 1e6)}\u00a0M€`;
    return euros.format(value);
  }
  if (kind === "euro_ratio") return `${twoDecimals.format(value)}\u00a0${unit}`;
  const shown = roundForDisplay(value, unit);
  const number = kind === "count" || kind === "hours" ? integer.format(shown)
    : kind === "fte" ? oneDecimal.format(shown) : twoDecimals.format(shown);
  const label = unitLabel(unit);
  return withUnit && label ? `${number}\u00a0${Math.abs(shown) < 2 ? singular(label) : label}` : number;
}

/** « 1 action », « 0 séance », « 1 heure par ETP »: French takes the singular below 2. */
function singular(label) {
  return label.replace(/^([a-zà-ÿ]+?)s(?=$|\s)/i, "$1");
}

/**
 * One indicator value as every page shows it: the value by its unit's rule, the masked label
 * when the disclosure rule hides it, « — » when there is none.
 *
 * @param {number|null|undefined} value
 * @param {string} unit the catalogue unit
 * @param {{masked?: boolean, threshold?: number, withUnit?: boolean}} [options]
 */
export function formatIndicator(value, unit, {masked = false, threshold = 5, withUnit = true} = {}) {
  if (masked) return maskedLabel(unit, threshold);
  return formatValue(value ?? null, unit, {withUnit});
}

/** A published story value `{v, s}`: its number, the masked label, « — » when there is none. */
export function formatStoryValue(row, unit, threshold = 5, options) {
  if (!row) return "—";
  return formatIndicator(row.v, unit, {masked: Boolean(row.s), threshold, ...options});
}

/**
 * How a reference is named: « moyenne 2017–2018 » when it is the mean of both years, the year
 * alone when only one was available.
 */
export function baselineLabel(years = [2017, 2018]) {
  const list = [...(years ?? [])].map(Number).sort((a, b) => a - b);
  if (list.length === 1) return String(list[0]);
  return `moyenne ${list[0] ?? 2017}–${list.at(-1) ?? 2018}`;
}

/**
 * The element showing one indicator value, with its machine-readable hook: `data-indicator`,
 * `data-scope`, `data-year` (or `data-baseline` for a reference), read by the cross-page
 * consistency test (tests/e2e/indicator_consistency_test.ts). Browser only.
 *
 * @param {{indicator: string, scope: string, year?: number|string, unit: string, value?: number|null, masked?: boolean, threshold?: number, withUnit?: boolean, baseline?: boolean, tag?: string}} options
 */
export function indicatorValue({indicator, scope, year, unit, value, masked = false, threshold = 5, withUnit = true, baseline = false, tag = "span"}) {
  const element = document.createElement(tag);
  element.className = "indicator-value";
  element.dataset.indicator = indicator;
  element.dataset.scope = scope;
  if (baseline) element.dataset.baseline = "2017-2018";
  else element.dataset.year = String(year);
  element.dataset.unit = unit ?? "";
  element.dataset.withUnit = withUnit ? "1" : "0";
  element.textContent = formatIndicator(value, unit, {masked, threshold, withUnit});
  return element;
}

/**
 * The change since the 2017–2018 baseline `{d: difference, r: relative, t: trend}`: "+16,7 %",
 * or "−17 pt" for a share (a difference of shares is in points, never a relative %), with the
 * direction in words unless `withTrend` is false or the indicator has none. A change that cannot
 * be shown says why (`missing`), never vanishes.
 */
export function formatChange(change, unit, {withTrend = true, missing = "—"} = {}) {
  if (!change) return missing;
  const sign = (x) => (x > 0 ? "+" : x < 0 ? "−" : "±");
  const text = isShare(unit)
    ? `${sign(change.d)}${oneDecimal.format(Math.abs(change.d * 100))}\u00a0pt`
    : change.r == null ? `${sign(change.d)}${formatValue(Math.abs(change.d), unit, {withUnit: false})}`
    : `${sign(change.r)}${percent.format(Math.abs(change.r))}`;
  return !withTrend || !change.t || change.t === "sans objet" ? text : `${text} (${change.t})`;
}

/**
 * Why a year-on-year change is not shown: « évolution masquée » when either year is masked,
 * « pas de valeur en 2022 » when the previous year has none, "" when both exist.
 */
export function missingChangeReason({current, previous, currentMasked = false, previousMasked = false, previousYear}) {
  if (currentMasked || previousMasked) return "évolution masquée";
  if (previous == null) return `pas de valeur en ${previousYear}`;
  if (current == null) return "pas de valeur cette année";
  if (previous === 0) return `pas d'évolution calculable (0 en ${previousYear})`;
  return "";
}

/** A signed relative change as an axis tick: "+20 %", "−5 %", "0 %". */
export function formatRelativeTick(r) {
  return `${r > 0 ? "+" : r < 0 ? "−" : ""}${percent.format(Math.abs(r))}`;
}

/** A signed change in points as an axis tick: "+5 pt", "−10 pt", "0 pt" (`d` is a difference of shares). */
export function formatPointsTick(d) {
  return `${d > 0 ? "+" : d < 0 ? "−" : ""}${oneDecimal.format(Math.abs(d * 100))}\u00a0pt`;
}
