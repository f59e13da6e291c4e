/**
 * Reads numbers written the French way (or the English way) in cells.
 * @module
 */

import { fail, ok, type Parsed, quote } from "./parsed.ts";
import type { CellValue } from "./row.ts";

// Space, nbsp, narrow nbsp, thin space, figure space: all used as thousands separators.
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const DOT_THOUSANDS = /^[1-9]\d{0,2}(\.\d{3})+$/;
const COMMA_THOUSANDS = /^[1-9]\d{0,2}(,\d{3})+$/;
const SPACE_GROUPS = /^\d{1,3}( \d{3})+([.,]\d*)?$/;
const PLAIN = /^(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses a number. Accepts numbers as-is and strings such as "1 234,5", "1234.5",
 * "1.234,5", "1,234.5", "12,5 €", "35 %" (→ 35, not divided), "-3".
 * A lone dot followed by exactly three digits ("1.234") is read as a thousands separator.
 *
 * @example
 * parseNumber("1 234,5 €") // { ok: true, value: 1234.5 }
 * parseNumber("douze") // { ok: false, reason: "« douze » n'est pas un nombre" }
 */
export function parseNumber(value: CellValue): Parsed<number> {
  if (typeof value === "number") {
    return Number.isFinite(value) ? ok(value) : fail("valeur numérique invalide");
  }
  if (value === null || (typeof value === "string" && value.trim() === "")) {
    return fail("valeur vide");
  }
  if (typeof value !== "string") return fail(`${quote(value)} n'est pas un nombre`);

  const notANumber = fail<number>(`${quote(value)} n'est pas un nombre`);
  let s = value.trim()
    .replace(/^(€|eur)\s*/i, "")
    .replace(/\s*(€|eur|euros?|%)$/i, "")
    .replace(SPACES, " ")
    .trim();
  let sign = 1;
  // U+2212 is the typographic minus some tools emit.
  if (/^[-\u2212+]/.test(s)) {
    sign = s[0] === "+" ? 1 : -1;
    s = s.slice(1).trim();
  }
  if (s.includes(" ")) {
    // Only accept spaces that really are thousands separators: "1 234", not "12 5".
    if (!SPACE_GROUPS.test(s)) return notANumber;
    s = s.replace(/ /g, "");
  }

  const commas = s.split(",").length - 1;
  const dots = s.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    // The separator that comes last is the decimal one; there must be only one of it.
    if (s.lastIndexOf(",") > s.lastIndexOf(".")) {
      if (commas > 1) return notANumber;
      s = s.replace(/\./g, "").replace(",", ".");
    } else {
      if (dots > 1) return notANumber;
      s = s.replace(/,/g, "");
    }
  } else if (commas > 0) {
    if (commas === 1) s = s.replace(",", ".");
    else if (COMMA_THOUSANDS.test(s)) s = s.replace(/,/g, "");
    else return notANumber;
  } else if (dots > 1 || DOT_THOUSANDS.test(s)) {
    if (!DOT_THOUSANDS.test(s)) return notANumber;
    s = s.replace(/\./g, "");
  }
  if (!PLAIN.test(s)) return notANumber;
  return ok(sign * Number(s));
}
