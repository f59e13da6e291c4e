/**
 * Reads calendar dates and months from cells written by French users or by Excel.
 * @module
 */

import { excelSerialToIso } from "./excel_serial.ts";
import { frenchMonth, frenchMonthName } from "./french_months.ts";
import { fail, ok, type Parsed, quote } from "./parsed.ts";
import type { CellValue } from "./row.ts";

const TIME = String.raw`(?:[ T]+\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?)?`;
// The separator must be the same twice (backreference) so "15/03-2024" is rejected.
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const YEAR_MONTH_DAY = /^(\d{4})([/\-])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/;
const LONG_FORM =
  /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?\s+)?(\d{1,2})(?:er)?[\s\-]+([a-zà-ÿ]+\.?)[\s\-]+(\d{4}|\d{2})$/i;
// "15.03" looks like a day and month, not like serial 15.03: decimals need 3+ integer digits.
const NUMERIC = /^(\d+|\d{3,}[.,]\d+)$/;
const MONTH_NAME_YEAR = /^([a-zà-ÿ]+\.?)[\s\-]+(\d{4}|\d{2})$/i;
const MONTH_SLASH_YEAR = /^(\d{1,2})[/.\-](\d{4})$/;
const YEAR_DASH_MONTH = /^(\d{4})[/.\-](\d{1,2})$/;

/**
 * Parses a date to ISO "YYYY-MM-DD". Accepts Date objects (UTC parts), Excel serials
 * (number or numeric text), "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy", "dd/mm/yy"
 * (yy ≤ 69 → 20yy, else 19yy), ISO dates with or without time, "3 mars 2024", "1er mars 2024".
 * Impossible dates such as 31/02 fail with a French reason.
 *
 * @example
 * parseDate("1er mars 2024") // { ok: true, value: "2024-03-01" }
 * parseDate(45292) // { ok: true, value: "2024-01-01" }
 */
export function parseDate(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    return isNaN(value.getTime()) ? fail("date invalide") : ok(value.toISOString().slice(0, 10));
  }
  if (typeof value === "number") return fromSerial(value, value);
  if (value === null || (typeof value === "string" && value.trim() === "")) {
    return fail("valeur vide");
  }
  if (typeof value !== "string") return fail(`${quote(value)} n'est pas une date`);

  const s = value.trim();
  if (NUMERIC.test(s)) return fromSerial(Number(s.replace(",", ".")), value);
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) return calendarDate(expandYear(m[4]), Number(m[3]), Number(m[1]), value);
  m = YEAR_MONTH_DAY.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[3]), Number(m[4]), value);
  m = LONG_FORM.exec(s);
  const month = m ? frenchMonth(m[2]) : null;
  if (m && month) return calendarDate(expandYear(m[3]), month, Number(m[1]), value);
  return fail(`${quote(value)} n'est pas une date reconnue (format attendu : jj/mm/aaaa)`);
}

/**
 * Parses a month to "YYYY-MM": "mars 2024", "03/2024", "3/2024", "2024-03", any date
 * accepted by {@link parseDate}, a Date or an Excel serial.
 *
 * @example
 * parseMonth("Févr. 2024") // { ok: true, value: "2024-02" }
 * parseMonth("15/03/2024") // { ok: true, value: "2024-03" }
 */
export function parseMonth(value: CellValue): Parsed<string> {
  if (typeof value === "string") {
    const s = value.trim();
    let m = MONTH_NAME_YEAR.exec(s);
    const named = m ? frenchMonth(m[1]) : null;
    if (m && named) return yearMonth(expandYear(m[2]), named, value);
    m = MONTH_SLASH_YEAR.exec(s);
    if (m) return yearMonth(Number(m[2]), Number(m[1]), value);
    m = YEAR_DASH_MONTH.exec(s);
    if (m) return yearMonth(Number(m[1]), Number(m[2]), value);
  }
  const date = parseDate(value);
  if (date.ok) return ok(date.value.slice(0, 7));
  if (date.reason.includes("n'est pas une date reconnue")) {
    return fail(
      `${quote(value)} n'est pas un mois reconnu (format attendu : mars 2024 ou 03/2024)`,
    );
  }
  return date;
}

function fromSerial(serial: number, original: CellValue): Parsed<string> {
  const iso = excelSerialToIso(serial);
  if (iso) return ok(iso);
  if (Math.floor(serial) === 60) {
    return fail(`${quote(original)} correspond au 29/02/1900, qui n'existe pas (bogue d'Excel)`);
  }
  return fail(`${quote(original)} n'est pas une date (nombre hors de la plage des dates Excel)`);
}

/** Two-digit years pivot at 69 like Excel: "24" → 2024, "85" → 1985. */
function expandYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year <= 69 ? 2000 + year : 1900 + year;
}

function calendarDate(year: number, month: number, day: number, original: CellValue) {
  if (month < 1 || month > 12) {
    return fail<string>(`${quote(original)} : le mois ${month} n'existe pas`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return fail<string>(
      `${quote(original)} : le ${day} ${frenchMonthName(month)} ${year} n'existe pas`,
    );
  }
  return ok(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

function yearMonth(year: number, month: number, original: CellValue): Parsed<string> {
  if (month < 1 || month > 12) return fail(`${quote(original)} : le mois ${month} n'existe pas`);
  return ok(`${pad(year, 4)}-${pad(month, 2)}`);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
