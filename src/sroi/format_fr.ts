/**
 * French number formatting for the text report and messages.
 * @module
 */

/**
 * A number the French way: comma decimal mark, narrow no-break space between thousands.
 *
 * @example
 * formatNumber(12345.6, 1) // "12 345,6"
 * formatNumber(3.4167, 2) // "3,42"
 */
export function formatNumber(value: number, decimals = 2): string {
  return new Intl.NumberFormat("fr-FR", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/**
 * Euros to the cent: « 12 345,60 € ».
 *
 * @example
 * formatEuros(1500) // "1 500,00 €"
 */
export function formatEuros(value: number): string {
  return `${formatNumber(value, 2)}\u00a0€`;
}

/**
 * A fraction as a percentage: 0.035 → « 3,5 % » (up to two decimals, trailing zeros dropped).
 *
 * @example
 * formatPercent(0.25) // "25 %"
 */
export function formatPercent(fraction: number): string {
  const text = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(fraction * 100);
  return `${text}\u00a0%`;
}

/**
 * An SROI ratio: « 1 : 3,42 ».
 *
 * @example
 * formatRatio(3.4167) // "1 : 3,42"
 */
export function formatRatio(ratio: number): string {
  return `1 : ${formatNumber(ratio, 2)}`;
}
