/**
 * The deterministic SROI of an impact map: present value, NPV, ratio and payback.
 * @module
 */

import { presentValue } from "./discount.ts";
import { type LineAssumptions, lineImpact, yearlyValues } from "./impact_value.ts";
import type { ImpactLine, SroiParameters } from "./types.ts";

/** One line's figures (undiscounted year values, present value). */
export interface LineResult {
  line: ImpactLine;
  /** Yearly impact before drop-off, after the three filters. */
  impact: number;
  /** Undiscounted value of years 1..horizon. */
  values: number[];
  pv: number;
}

/** The SROI of a whole map. */
export interface SroiResult {
  inputsTotal: number;
  pv: number;
  npv: number;
  /** PV / inputs; null when there is no investment. */
  ratio: number | null;
  /** Sum of every line's yearly impact before drop-off (the payback's « annual impact »). */
  annualImpact: number;
  /** inputs / (annual impact / 12); null without investment or without impact. */
  paybackMonths: number | null;
  /** Undiscounted value of each year, all lines together. */
  yearTotals: number[];
  lines: LineResult[];
}

/**
 * Computes the SROI. PV sums every line's years discounted with the Excel NPV convention;
 * NPV = PV − inputs; ratio = PV / inputs; payback in months = inputs / (annual impact / 12),
 * the SROI Network guide's definition, where the annual impact is the sum of each line's
 * undiscounted yearly impact before drop-off (whatever year it starts in).
 *
 * @example
 * const r = computeSroi([line], 5000, { discountRate: 0.035, horizonYears: 5 });
 * r.ratio // 3.0443…
 */
export function computeSroi(
  lines: readonly ImpactLine[],
  inputsTotal: number,
  parameters: SroiParameters,
): SroiResult {
  const results = lines.map((line) => {
    const values = yearlyValues(line, parameters.horizonYears);
    return { line, impact: lineImpact(line), values, pv: presentValue(values, parameters.discountRate) };
  });
  const pv = results.reduce((sum, r) => sum + r.pv, 0);
  const annualImpact = results.reduce((sum, r) => sum + r.impact, 0);
  const yearTotals = new Array<number>(parameters.horizonYears).fill(0);
  for (const r of results) r.values.forEach((v, i) => yearTotals[i] += v);
  return {
    inputsTotal,
    pv,
    npv: pv - inputsTotal,
    ratio: inputsTotal > 0 ? pv / inputsTotal : null,
    annualImpact,
    paybackMonths: inputsTotal > 0 && annualImpact > 0 ? inputsTotal / (annualImpact / 12) : null,
    yearTotals,
    lines: results,
  };
}

/**
 * Present value only: the fast path sensitivity and Monte Carlo call many times.
 *
 * @example
 * totalPresentValue([line], { discountRate: 0, horizonYears: 1 }) // line's first-year impact
 */
export function totalPresentValue(
  lines: readonly LineAssumptions[],
  parameters: SroiParameters,
): number {
  let pv = 0;
  for (const line of lines) {
    pv += presentValue(yearlyValues(line, parameters.horizonYears), parameters.discountRate);
  }
  return pv;
}
