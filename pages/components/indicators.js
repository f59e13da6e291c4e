// Reading the published indicator values (data/generated/indicateurs.json, departement.json):
// look-ups, French formatting by unit, « < 5 » for hidden values, « — » for missing ones, and
// the comparison with the 2017–2018 baseline read in the indicator's direction.
import {formatChange, formatIndicator, formatValue as formatStoryNumber, unitLabel} from "./value_format.js";

const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 1});

/** The stages of the value chain, in order, with their French titles. */
export const STAGES = ["ressources", "activités", "réalisations", "effets", "impacts"];
export const STAGE_TITLES = {
  ressources: "Ressources",
  "activités": "Activités",
  "réalisations": "Réalisations",
  effets: "Effets",
  impacts: "Impacts"
};
export const DIMENSIONS = ["cohésion sociale", "épanouissement", "gouvernance", "environnement", "richesses produites"];
export const TARGETS = ["habitants", "territoire", "communauté d'action"];
export const QUESTIONS = ["pertinence", "efficacité", "efficience", "cohérence", "impact"];
export const LEVEL_LABELS = {structure: "Structure", cooperation: "La Coopération", cluster: "Cluster", departement: "Département"};
export const DIRECTION_LABELS = {plus_est_mieux: "plus est mieux", moins_est_mieux: "moins est mieux", neutre: "neutre (ni mieux ni moins bien)"};

/** Capitalised first letter: « cohésion sociale » → « Cohésion sociale ». */
export function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/**
 * A value's number in its unit, French style, as every page writes it (value_format.js, shared
 * with story.js): shares « 45,5 % », euros « 12 345 € » or « 1,5 M€ », ratios « 1,39 € par € CAF »,
 * counts « 1 989 ». Other units are added by {@link unitSuffix}.
 */
export function formatValue(value, unit = "") {
  return formatStoryNumber(value, unit, {withUnit: false});
}

/** The unit written after {@link formatValue}'s number (none for shares and euros, which carry their sign). */
export function unitSuffix(unit = "") {
  const label = unitLabel(unit);
  return label ? `\u00a0${label}` : "";
}

/**
 * A published entry as text (value_format.js `formatIndicator`): « < 5 » for a hidden count,
 * « masqué » for a hidden share or mean, « — » when missing, else the value and unit.
 */
export function entryText(entry, unit, threshold = 5) {
  if (!entry) return "—";
  return formatIndicator(entry.value, unit, {masked: entry.hidden, threshold});
}

/**
 * A look-up over the compact rows of indicateurs.json:
 * `get(indicatorId, scope, year)` → `{value, hidden, withData, inScope}` or undefined;
 * `baseline(indicatorId, scope)` → `{value, hidden, years}` or undefined.
 */
export function indicatorIndex(data) {
  const ids = data.catalogue.map((c) => c.id);
  const values = new Map();
  for (const [i, scope, year, value, hidden, withData, inScope] of data.values) {
    values.set(`${ids[i]}|${scope}|${year}`, {value, hidden: hidden === 1, withData, inScope, year, scope, id: ids[i]});
  }
  const baselines = new Map();
  for (const [i, scope, value, hidden, years] of data.baseline) {
    baselines.set(`${ids[i]}|${scope}`, {value, hidden: hidden === 1, years});
  }
  return {
    get: (id, scope, year) => values.get(`${id}|${scope}|${year}`),
    baseline: (id, scope) => baselines.get(`${id}|${scope}`),
    series: (id, scope) => data.years.map((y) => values.get(`${id}|${scope}|${y}`)).filter(Boolean),
    // The unit of an indicator in a scope: the catalogue's, unless the data says otherwise there
    // (volunteers counted once per structure above the structure: « bénévoles × structures »).
    unit: (c, scope) => data.units?.[c.id]?.[scope] ?? c.unit,
    byId: new Map(data.catalogue.map((c) => [c.id, c]))
  };
}

/**
 * The change since the baseline, read in the indicator's direction, as the warehouse's
 * mart_indicator_baseline computes it: « amélioration », « dégradation », « stable » or
 * « sans objet » (neutral indicators); null when either value is missing or hidden.
 */
export function baselineTrend(value, baseline, direction) {
  if (value == null || baseline == null) return null;
  const change = value - baseline;
  const relative = baseline === 0 ? null : change / Math.abs(baseline);
  let trend;
  if (direction === "neutre") trend = "sans objet";
  else if (Math.abs(change) <= 1e-9 * Math.max(1, Math.abs(baseline))) trend = "stable";
  else trend = (value > baseline) === (direction === "plus_est_mieux") ? "amélioration" : "dégradation";
  return {change, relative, trend};
}

/**
 * The change since the baseline as every page writes it (value_format.js `formatChange`): a
 * relative % for counts and euros, points for shares (« −17 pt »), without the reading.
 */
export function formatBaselineChange(comparison, unit) {
  if (!comparison) return "";
  return formatChange({d: comparison.change, r: comparison.relative, t: comparison.trend}, unit, {withTrend: false});
}

/** « +12 % » / « −3,5 % » / « ±0 % » (a relative change; for shares use {@link formatBaselineChange}). */
export function formatRelative(relative) {
  if (relative == null) return "";
  const sign = relative > 0 ? "+" : relative < 0 ? "−" : "±";
  return `${sign}${percent.format(Math.abs(relative))}`;
}

/** « 3 structures sur 4 » completeness note, or « complet ». */
export function completenessText(entry) {
  if (!entry) return "aucune donnée";
  if (entry.inScope === 0) return "—";
  return entry.withData === entry.inScope ? "complet" : `${entry.withData} structure${entry.withData > 1 ? "s" : ""} sur ${entry.inScope}`;
}

/** The scopes a level selector offers: the levels above, then the structures. */
export function scopeChoices(data) {
  return [
    ...data.levels.map((l) => ({id: l.id, level: l.level, name: l.name})),
    ...data.structures.map((s) => ({id: s.id, level: "structure", name: s.name}))
  ];
}

/** A link to an indicator's entry of the Méthodologie page. */
export function methodLink(id, text = "méthode") {
  const a = document.createElement("a");
  a.href = `./methodologie#${id}`;
  a.textContent = text;
  return a;
}
