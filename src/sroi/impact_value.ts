/**
 * Value of one impact-map line: its yearly impact after the filters, then year by year.
 * @module
 */

import type { ImpactLine } from "./types.ts";

/** The fields of a line the value depends on. */
export type LineAssumptions = Pick<
  ImpactLine,
  | "quantity"
  | "proxy"
  | "deadweight"
  | "displacement"
  | "attribution"
  | "dropOff"
  | "durationYears"
  | "start"
>;

/**
 * Impact of one year before drop-off:
 * quantité × proxy × (1 − aubaine) × (1 − déplacement) × (1 − attribution).
 *
 * @example
 * lineImpact({ quantity: 10, proxy: 1000, deadweight: 0.2, displacement: 0, attribution: 0.25,
 *   dropOff: 0, durationYears: 1, start: 1 }) // 6000
 */
export function lineImpact(line: LineAssumptions): number {
  return line.quantity * line.proxy * (1 - line.deadweight) * (1 - line.displacement) *
    (1 - line.attribution);
}

/**
 * Undiscounted value of the line for each year 1..horizon (index 0 is year 1). The outcome
 * lasts `durationYears` years; its k-th year is worth impact × (1 − décroissance)^(k−1), so the
 * drop-off bites from the second year on. When `start` is 2 the outcome begins after the action:
 * everything moves one year later (year 1 is 0). Years past the horizon are not counted.
 *
 * @example
 * yearlyValues({ quantity: 1, proxy: 100, deadweight: 0, displacement: 0, attribution: 0,
 *   dropOff: 0.1, durationYears: 3, start: 2 }, 5) // [0, 100, 90, 81, 0] (up to rounding)
 */
export function yearlyValues(line: LineAssumptions, horizonYears: number): number[] {
  const impact = lineImpact(line);
  const values = new Array<number>(horizonYears).fill(0);
  for (let k = 1; k <= line.durationYears; k++) {
    const year = k + line.start - 1;
    if (year > horizonYears) break;
    values[year - 1] = impact * (1 - line.dropOff) ** (k - 1);
  }
  return values;
}
