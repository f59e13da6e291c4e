// French formats for figures that are not catalogue indicators (SROI results, survey statistics,
// time-bank and network measures): euros, ratios, fixed decimals, p-values. An indicator value
// is always written by value_format.js (`formatIndicator`, one rounding rule per unit); shares
// here follow the same rule (a % with one decimal).
import {formatIndicator} from "./value_format.js";

const euro0 = new Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR", maximumFractionDigits: 0});

/** "12 345 €" (rounded to the euro); "—" when missing. */
export function formatEuros(value) {
  return value == null ? "—" : euro0.format(value);
}

/** "1,2 M€" / "154 k€" for large amounts in running text and cards. */
export function formatEurosShort(value) {
  if (value == null) return "—";
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${formatDecimal(value / 1e6, 1)} M€`;
  if (abs >= 1e4) return `${formatDecimal(value / 1e3, 0)} k€`;
  return formatEuros(value);
}

/** A number with exactly `digits` decimals: formatDecimal(3.14159, 2) → "3,14". */
export function formatDecimal(value, digits = 1) {
  if (value == null || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat("fr-FR", {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(value);
}

/** An SROI ratio "1 : 3,42". */
export function formatRatio(ratio) {
  return ratio == null ? "—" : `1 : ${formatDecimal(ratio, 2)}`;
}

/** A fraction as a percentage, by the share rule of value_format.js: 0.035 → "3,5 %". */
export function formatPercent(fraction) {
  return formatIndicator(fraction, "part (0-1)");
}

/** A signed change: "+0,55" / "−0,12". */
export function formatSigned(value, digits = 2) {
  if (value == null) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${formatDecimal(Math.abs(value), digits)}`;
}

/** A p-value: "p < 0,001" or "p = 0,034". */
export function formatP(p) {
  if (p == null) return "—";
  return p < 0.001 ? "p < 0,001" : `p = ${formatDecimal(p, 3)}`;
}
