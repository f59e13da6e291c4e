/**
 * French rendering of indicator values for the `indicators` command: numbers with a comma and
 * narrow spaces, shares as percentages, euros, « < 5 » for a suppressed value, and a plain text
 * table.
 *
 * @module
 */

import { formatIndicator } from "../../pages/components/value_format.js";

/**
 * A number the French way, with at most `decimals` decimals (trailing zeros dropped).
 *
 * @example
 * formatFrench(12345.678) // "12 345,68" (narrow no-break space)
 */
export function formatFrench(value: number, decimals = 2): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: decimals }).format(value);
}

/**
 * One indicator value for display, after its unit, by the site's one formatter
 * (`pages/components/value_format.js`: same rounding rule per unit, same masked label): the
 * command and the pages never disagree. « < 5 » for a suppressed count of people, « masqué »
 * for a suppressed share or mean, « — » when missing.
 *
 * @example
 * formatValue(0.4567, "part (0-1)", false) // "45,7 %"
 * formatValue(25, "partenaires", false) // "25 partenaires"
 * formatValue(3, "personnes", true) // "< 5"
 * formatValue(508803.77, "€", false) // "508 804 €"
 */
export function formatValue(value: number | null, unit: string, suppressed: boolean): string {
  return formatIndicator(value, unit, { masked: suppressed });
}

/**
 * A plain text table: a header row, a rule, then rows; columns padded to their widest cell.
 *
 * @example
 * textTable(["A", "B"], [["1", "22"]]) // "A  B \n-  --\n1  22"
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
