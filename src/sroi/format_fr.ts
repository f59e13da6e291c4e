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

/** Most decimals a proxy keeps (beyond, a spreadsheet's binary noise, not the officer's writing). */
export const MAX_PROXY_DECIMALS = 10;

/**
 * How many decimals a number is written with (its shortest decimal writing), at most
 * {@link MAX_PROXY_DECIMALS}.
 *
 * @example
 * writtenDecimals(0.03672) // 5
 * writtenDecimals(1500) // 0
 * writtenDecimals(2.5e-7) // 8
 */
export function writtenDecimals(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa, exponent] = Math.abs(value).toString().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.min(MAX_PROXY_DECIMALS, Math.max(0, fraction - Number(exponent ?? 0)));
}

/**
 * Decimals to show for a proxy: as many as the map was written with, at least the cents
 * (a 0,03672 € proxy must not read 0,04 €).
 *
 * @example
 * proxyDecimals(0.03672) // 5
 * proxyDecimals(300) // 2
 */
export function proxyDecimals(value: number): number {
  return Math.max(2, writtenDecimals(value));
}

/**
 * A proxy in euros with the precision the map was written with: « 0,03672 € », « -375,00 € ».
 * `source` is the proxy as written (default: the value itself), so the values derived from it
 * (± 25 %, break-even) are shown with its decimals.
 *
 * @example
 * formatProxy(0.03672) // "0,03672 €"
 * formatProxy(0.0459, 0.03672) // "0,04590 €"
 * formatProxy(1000) // "1 000,00 €"
 */
export function formatProxy(value: number, source = value): string {
  return `${formatNumber(value, Math.max(proxyDecimals(source), proxyDecimals(value)))}\u00a0€`;
}
