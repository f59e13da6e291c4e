/**
 * Discounting with the Excel NPV (VAN) convention.
 * @module
 */

/**
 * Present value of yearly values, Excel `NPV(rate; v1; v2; …)` style: the first value is at the
 * end of year 1, so it is divided by (1 + rate)^1, the second by (1 + rate)^2, and so on.
 *
 * @example
 * presentValue([105, 110.25], 0.05) // 200 (100 + 100, up to rounding)
 */
export function presentValue(values: readonly number[], rate: number): number {
  let pv = 0;
  let factor = 1;
  for (const value of values) {
    factor *= 1 + rate;
    pv += value / factor;
  }
  return pv;
}
