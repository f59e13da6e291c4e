// French formatting of dates and of the attendance rows (Framework and Plot default to English).
// Indicator values and their rounding rules live in value_format.js (one formatter for every
// page): formatCount and formatShare below delegate to it. A hidden count is written "< 5", a
// hidden share "masqué", a missing value "—".
import * as d3 from "npm:d3";
import {formatIndicator, missingChangeReason} from "./value_format.js";

const decimal = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 1});
const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 1});
const dateLong = new Intl.DateTimeFormat("fr-FR", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
const monthLong = new Intl.DateTimeFormat("fr-FR", {month: "long", year: "numeric", timeZone: "UTC"});

export const frLocale = d3.formatLocale({
  decimal: ",",
  thousands: "\u202f",
  grouping: [3],
  currency: ["", "\u00a0€"],
  percent: "\u202f%"
});

export const frTime = d3.timeFormatLocale({
  dateTime: "%A %e %B %Y à %X",
  date: "%d/%m/%Y",
  time: "%H:%M:%S",
  periods: ["", ""],
  days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
  shortDays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
  months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
});

/** The disclosure threshold's label, e.g. "< 5". */
export function secretLabel(threshold = 5) {
  return `< ${threshold}`;
}

function isSecret(row, field) {
  return Array.isArray(row?.secret) && row.secret.includes(field);
}

/**
 * A count in `unit` (default « personnes »), by value_format.js's rule: "12 345", "< 5" when a
 * count of people is hidden, "masqué" for hidden hours, "—" when missing.
 */
export function formatCount(row, field, threshold = 5, unit = "personnes") {
  return formatIndicator(row?.[field], unit, {masked: isSecret(row, field), threshold, withUnit: false});
}

/** A plain number with one decimal at most: "1 234,5". */
export function formatNumber(value) {
  return value == null ? "—" : decimal.format(value);
}

/** A share: "41,2 %", "masqué" when hidden (never « < 5 » in a % row). */
export function formatShare(row, field, threshold = 5) {
  return formatIndicator(row?.[field], "part (0-1)", {masked: isSecret(row, field), threshold});
}

/** "3 mars 2024" from "2024-03-03". */
export function formatDate(iso) {
  return iso ? dateLong.format(new Date(`${iso}T00:00:00Z`)) : "—";
}

/** "mars 2024" from "2024-03". */
export function formatMonth(isoMonth) {
  return monthLong.format(new Date(`${isoMonth}-01T00:00:00Z`));
}

/** Change since the previous value, as "+12 %" or "−3 %", or "" when not computable. */
export function formatChange(current, previous) {
  if (current == null || previous == null || previous === 0) return "";
  const change = current / previous - 1;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return `${sign}${percent.format(Math.abs(change))}`;
}

/**
 * A card's change since the previous year, in words: « +12 % par rapport à 2022 », or why there
 * is none (« évolution masquée », « pas de valeur en 2022 ») — never a bare « par rapport à ».
 */
export function formatYearChange(current, previous, field, year) {
  const now = current?.[field];
  const before = previous?.[field];
  const reason = missingChangeReason({
    current: now,
    previous: before,
    currentMasked: isSecret(current, field),
    previousMasked: isSecret(previous, field),
    previousYear: year - 1
  });
  return reason || `${formatChange(now, before)} par rapport à ${year - 1}`;
}
