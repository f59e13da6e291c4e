/**
 * Reads the percentages typed in an impact map (filters, drop-off, discount rate).
 * @module
 */

import { parseNumber } from "../read/parse_number.ts";
import { fail, ok, type Parsed, quote } from "../read/parsed.ts";
import type { CellValue } from "../read/row.ts";

/**
 * Parses a percentage into a fraction between 0 and 1.
 *
 * Convention (documented in the README):
 * - text ending with « % » is always a percent: « 25 % » → 0.25, « 1 % » → 0.01, « 0,5 % » → 0.005;
 * - otherwise a number between 0 and 1 is already a fraction — that is what Excel stores for a
 *   cell formatted as a percentage (25 % is stored 0.25; 100 % is 1);
 * - a number above 1 (up to 100) is a percent: 25 → 0.25.
 * So a bare « 1 » means 100 %: type « 1 % » for one percent. Above 100 % or negative is refused.
 *
 * @example
 * parsePercent("25 %") // { ok: true, value: 0.25 }
 * parsePercent(0.25) // { ok: true, value: 0.25 }
 * parsePercent("25") // { ok: true, value: 0.25 }
 * parsePercent("120 %") // { ok: false, reason: "« 120 % » dépasse 100 %" }
 */
export function parsePercent(value: CellValue): Parsed<number> {
  const typedPercent = typeof value === "string" && /%\s*$/.test(value);
  const parsed = parseNumber(value);
  if (!parsed.ok) {
    return parsed.reason === "valeur vide" ? parsed : fail(`${quote(value)} n'est pas un pourcentage`);
  }
  const n = parsed.value;
  if (n < 0) return fail(`${quote(value)} est négatif : un pourcentage va de 0 à 100 %`);
  const fraction = typedPercent || n > 1 ? n / 100 : n;
  // A tiny tolerance so 100,0000001 % from a formula is not refused.
  if (fraction > 1 + 1e-9) return fail(`${quote(value)} dépasse 100 %`);
  return ok(Math.min(fraction, 1));
}
