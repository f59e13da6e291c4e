// The one formatter of indicator values and of their change since 2017–2018, by unit: counts
// (« 1 852 personnes »), shares (« 44,2 % », changes in points), euros (« 12 345 € », « 1,5 M€ »),
// ratios (« 1,39 € par € CAF »). Pure Intl (no npm import): used by the pages' components and by
// the site's build scripts alike. story.js re-exports it; indicators.js builds on it.

const integer = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 1});
const twoDecimals = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 2});
const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 1});
const euros = new Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR", maximumFractionDigits: 0});

/** Whether an indicator's unit is a share (0–1): « part (0-1) », not « partenaires ». */
export function isShare(unit) {
  return /^part(\s|$)/.test(unit ?? "");
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
 * A value in its unit, in French: "1 852 personnes", "44,2 %", "1,53 M€", "1,39 € par € CAF",
 * "15,4 ETP". Euro units are always written; other units only `withUnit`.
 *
 * @param {number|null} value
 * @param {string} unit the catalogue unit
 * @param {{withUnit?: boolean}} [options]
 */
export function formatValue(value, unit, {withUnit = true} = {}) {
  if (value == null || !Number.isFinite(value)) return "—";
  if (isShare(unit)) return percent.format(value);
  if (unit === "€") {
    if (Math.abs(value) >= 1e6) return `${oneDecimal.format(value / 1e6)}\u00a0M€`;
    return euros.format(value);
  }
  if (/€/.test(unit ?? "")) return `${twoDecimals.format(value)}\u00a0${unit}`;
  const number = Number.isInteger(value) ? integer.format(value)
    : Math.abs(value) < 10 ? twoDecimals.format(value) : oneDecimal.format(value);
  const label = unitLabel(unit);
  return withUnit && label ? `${number}\u00a0${Math.abs(value) < 2 ? singular(label) : label}` : number;
}

/** « 1 action », « 0 séance », « 1 heure par ETP »: French takes the singular below 2. */
function singular(label) {
  return label.replace(/^([a-zà-ÿ]+?)s(?=$|\s)/i, "$1");
}

/** A published value: its number, « < 5 » when suppressed, « — » when there is none. */
export function formatStoryValue(row, unit, threshold = 5, options) {
  if (!row) return "—";
  if (row.s) return `< ${threshold}`;
  return formatValue(row.v, unit, options);
}

/**
 * The change since the 2017–2018 baseline `{d: difference, r: relative, t: trend}`: "+16,7 %",
 * or "−17 pt" for a share (a difference of shares is in points, never a relative %), with the
 * direction in words unless `withTrend` is false or the indicator has none.
 */
export function formatChange(change, unit, {withTrend = true} = {}) {
  if (!change) return "—";
  const sign = (x) => (x > 0 ? "+" : x < 0 ? "−" : "±");
  const text = isShare(unit)
    ? `${sign(change.d)}${oneDecimal.format(Math.abs(change.d * 100))}\u00a0pt`
    : change.r == null ? `${sign(change.d)}${oneDecimal.format(Math.abs(change.d))}`
    : `${sign(change.r)}${percent.format(Math.abs(change.r))}`;
  return !withTrend || !change.t || change.t === "sans objet" ? text : `${text} (${change.t})`;
}

/** A signed relative change as an axis tick: "+20 %", "−5 %", "0 %". */
export function formatRelativeTick(r) {
  return `${r > 0 ? "+" : r < 0 ? "−" : ""}${percent.format(Math.abs(r))}`;
}

/** A signed change in points as an axis tick: "+5 pt", "−10 pt", "0 pt" (`d` is a difference of shares). */
export function formatPointsTick(d) {
  return `${d > 0 ? "+" : d < 0 ? "−" : ""}${oneDecimal.format(Math.abs(d * 100))}\u00a0pt`;
}
