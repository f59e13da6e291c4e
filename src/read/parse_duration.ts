/**
 * Reads durations (in hours) and clock times from cells.
 * @module
 */

import { fail, ok, type Parsed, quote } from "./parsed.ts";
import type { CellValue } from "./row.ts";

const DECIMAL_HOURS = /^(\d+(?:[.,]\d+)?)(?:h|heures?)?$/;
const HOURS_MINUTES = /^(\d+)h(\d{1,2})(?:min|mn|m)?$/;
const COLON = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const MINUTES = /^(\d+(?:[.,]\d+)?)(?:min|mn|minutes?|m)$/;
const CLOCK = /^(\d{1,2})\s*(?::|h)\s*(\d{2})?(?::(\d{2}))?$/;
const DAY_MINUTES = 1440;

/**
 * Parses a duration in hours: numbers are hours, "1,5", "2", "1h30", "1 h 30", "1H30",
 * "01:30", "1:30:00", "90 min", "90mn", "45 minutes". A Date dated 30 or 31/12/1899 is an
 * Excel time cell and gives its UTC time of day. Negative (« -1,5 », « -01:30 », « -1h30 ») or
 * above 24 h is an error.
 *
 * @example
 * parseDuration("1h30") // { ok: true, value: 1.5 }
 * parseDuration("45 minutes") // { ok: true, value: 0.75 }
 */
export function parseDuration(value: CellValue): Parsed<number> {
  if (typeof value === "number") return inRange(value, value);
  if (value instanceof Date) {
    if (!isExcelTime(value)) return fail(`${quote(value)} est une date, pas une durée`);
    return ok(value.getUTCHours() + value.getUTCMinutes() / 60 + value.getUTCSeconds() / 3600);
  }
  if (value === null || (typeof value === "string" && value.trim() === "")) {
    return fail("valeur vide");
  }
  if (typeof value !== "string") return fail(`${quote(value)} n'est pas une durée`);

  // Spaces carry no meaning here ("1 h 30", "90 min"), only get in the way of patterns.
  const typed = value.toLowerCase().replace(/[\s\u00a0\u202f]+/g, "");
  // A sign applies to every form (« -01:30 » is a negative duration, not an unknown one);
  // spreadsheets may write it as the minus sign U+2212.
  const sign = /^[-\u2212]/.test(typed) ? -1 : 1;
  const s = sign < 0 ? typed.slice(1) : typed;
  let m = DECIMAL_HOURS.exec(s);
  if (m) return inRange(sign * Number(m[1].replace(",", ".")), value);
  m = HOURS_MINUTES.exec(s) ?? COLON.exec(s);
  if (m) {
    const minutes = Number(m[2]);
    const seconds = Number(m[3] ?? 0);
    if (minutes >= 60 || seconds >= 60) {
      return fail(`${quote(value)} : les minutes et secondes doivent être inférieures à 60`);
    }
    return inRange(sign * (Number(m[1]) + minutes / 60 + seconds / 3600), value);
  }
  m = MINUTES.exec(s);
  if (m) return inRange(sign * Number(m[1].replace(",", ".")) / 60, value);
  return fail(`${quote(value)} n'est pas une durée reconnue (exemples : 1,5 ou 1h30 ou 90 min)`);
}

/**
 * Parses a time of day to "HH:MM": "14:30", "14h30", "9h", "14:30:00", a Date (UTC time
 * part) or a fraction of a day (0.5 → "12:00"). Seconds are rounded to the nearest minute.
 *
 * @example
 * parseClockTime("9h") // { ok: true, value: "09:00" }
 * parseClockTime(0.75) // { ok: true, value: "18:00" }
 */
export function parseClockTime(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return fail("heure invalide");
    const ms = value.getTime() -
      Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
    return ok(formatMinutes(Math.round(ms / 60_000)));
  }
  if (typeof value === "number") {
    if (!(value >= 0 && value < 1)) {
      return fail(
        `${quote(value)} n'est pas une heure (fraction de journée attendue entre 0 et 1)`,
      );
    }
    return ok(formatMinutes(Math.round(value * DAY_MINUTES)));
  }
  if (value === null || (typeof value === "string" && value.trim() === "")) {
    return fail("valeur vide");
  }
  if (typeof value !== "string") return fail(`${quote(value)} n'est pas une heure`);
  const m = CLOCK.exec(value.trim().toLowerCase());
  if (!m) return fail(`${quote(value)} n'est pas une heure reconnue (exemples : 14:30 ou 14h30)`);
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (hours > 23 || minutes > 59 || Number(m[3] ?? 0) > 59) {
    return fail(`${quote(value)} n'est pas une heure valide`);
  }
  return ok(formatMinutes(hours * 60 + minutes));
}

/** Excel stores a time alone as day 0, which readers turn into 30/12/1899 (or 31/12/1899). */
function isExcelTime(date: Date): boolean {
  if (date.getUTCFullYear() !== 1899 || date.getUTCMonth() !== 11) return false;
  return date.getUTCDate() === 30 || date.getUTCDate() === 31;
}

function inRange(hours: number, original: CellValue): Parsed<number> {
  if (!Number.isFinite(hours)) return fail(`${quote(original)} n'est pas une durée`);
  if (hours < 0) return fail(`${quote(original)} : une durée ne peut pas être négative`);
  if (hours > 24) return fail(`${quote(original)} : une durée de plus de 24 h n'est pas acceptée`);
  return ok(hours);
}

/** 1440 minutes (a fraction rounded up to midnight) wraps to "00:00". */
function formatMinutes(total: number): string {
  const t = total % DAY_MINUTES;
  return `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
}
