/**
 * Sensitivity analysis: each assumption varied on its own, and the value at which the ratio
 * falls to 1:1 (the break-even).
 * @module
 */

import { totalPresentValue } from "./compute_sroi.ts";
import type { LineAssumptions } from "./impact_value.ts";
import type { ImpactLine, SroiParameters } from "./types.ts";

/** The assumptions tested, per line (all but `discountRate`, which is global). */
export type SensitivityParameter =
  | "proxy"
  | "quantity"
  | "durationYears"
  | "deadweight"
  | "displacement"
  | "attribution"
  | "dropOff"
  | "discountRate";

/** A step of variation: relative (× (1 ± step)) or absolute (± step). */
export interface Step {
  kind: "relative" | "absolute";
  size: number;
}

/**
 * Documented steps: proxy and quantity ± 25 %; duration ± 1 year; filters and drop-off
 * ± 10 points; discount rate ± 2 points. Values are clamped to their valid range
 * (percentages 0–100 %, duration ≥ 1 year, rate ≥ 0).
 */
export const SENSITIVITY_STEPS: Readonly<Record<SensitivityParameter, Step>> = {
  proxy: { kind: "relative", size: 0.25 },
  quantity: { kind: "relative", size: 0.25 },
  durationYears: { kind: "absolute", size: 1 },
  deadweight: { kind: "absolute", size: 0.1 },
  displacement: { kind: "absolute", size: 0.1 },
  attribution: { kind: "absolute", size: 0.1 },
  dropOff: { kind: "absolute", size: 0.1 },
  discountRate: { kind: "absolute", size: 0.02 },
};

/** One tested assumption. */
export interface SensitivityEntry {
  /** Spreadsheet row of the line, null for the discount rate. */
  row: number | null;
  stakeholder: string | null;
  outcome: string | null;
  parameter: SensitivityParameter;
  base: number;
  low: { value: number; ratio: number };
  high: { value: number; ratio: number };
  /** Value giving a ratio of exactly 1:1, or null when none exists in the valid range. */
  breakEven: number | null;
}

const LINE_PARAMETERS: readonly Exclude<SensitivityParameter, "discountRate">[] = [
  "proxy",
  "quantity",
  "durationYears",
  "deadweight",
  "displacement",
  "attribution",
  "dropOff",
];
const FILTERS = new Set<SensitivityParameter>(["deadweight", "displacement", "attribution"]);

function vary(parameter: SensitivityParameter, base: number, sign: 1 | -1): number {
  const step = SENSITIVITY_STEPS[parameter];
  const value = step.kind === "relative" ? base * (1 + sign * step.size) : base + sign * step.size;
  if (parameter === "durationYears") return Math.max(1, value);
  if (parameter === "discountRate") return Math.max(0, value);
  if (parameter === "proxy" || parameter === "quantity") return Math.max(0, value);
  return Math.min(1, Math.max(0, value));
}

/** Root of a decreasing function on [lo, hi] by bisection (f(lo) ≥ 0 ≥ f(hi)). */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Runs the sensitivity analysis: for every line and assumption (then the discount rate), the
 * ratio at base − step and base + step, and the break-even value. Break-evens are analytic
 * for proxy, quantity and the three filters (the value is linear in them), by bisection for
 * the drop-off and the discount rate, and the shortest whole duration keeping the ratio at or
 * above 1:1 for the duration. Empty when there is no investment (no ratio to vary).
 *
 * @example
 * // one line worth 1000 €/year for 2 years, rate 0, inputs 1500 €
 * sensitivity([line], 1500, { discountRate: 0, horizonYears: 5 })
 * // [{ parameter: "proxy", base: 100, breakEven: 75, … }, …]
 */
export function sensitivity(
  lines: readonly ImpactLine[],
  inputsTotal: number,
  parameters: SroiParameters,
): SensitivityEntry[] {
  if (inputsTotal <= 0) return [];
  const pvOf = (ls: readonly LineAssumptions[], p = parameters) => totalPresentValue(ls, p);
  const ratioOf = (ls: readonly LineAssumptions[], p = parameters) => pvOf(ls, p) / inputsTotal;
  const entries: SensitivityEntry[] = [];

  lines.forEach((line, index) => {
    const others = lines.filter((_, i) => i !== index);
    const pvOthers = pvOf(others);
    const withValue = (parameter: SensitivityParameter, value: number): LineAssumptions[] => {
      const copy = lines.slice() as LineAssumptions[];
      copy[index] = { ...line, [parameter]: value };
      return copy;
    };
    const linePv = (parameter: SensitivityParameter, value: number) =>
      pvOf([{ ...line, [parameter]: value }]);

    for (const parameter of LINE_PARAMETERS) {
      const base = line[parameter];
      const lowValue = vary(parameter, base, -1);
      const highValue = vary(parameter, base, 1);
      let breakEven: number | null = null;
      if (parameter === "proxy" || parameter === "quantity") {
        // PV is proportional to proxy and to quantity: solve pvOthers + x × pv(1) = inputs.
        const unit = linePv(parameter, 1);
        if (unit > 0) {
          const x = (inputsTotal - pvOthers) / unit;
          breakEven = x >= 0 ? x : null;
        }
      } else if (FILTERS.has(parameter)) {
        // PV is proportional to (1 − filter): solve pvOthers + (1 − f) × pv(0) = inputs.
        const full = linePv(parameter, 0);
        if (full > 0) {
          const f = 1 - (inputsTotal - pvOthers) / full;
          breakEven = f >= 0 && f <= 1 ? f : null;
        }
      } else if (parameter === "dropOff") {
        const gap = (d: number) => pvOthers + linePv("dropOff", d) - inputsTotal;
        if (gap(0) >= 0 && gap(1) <= 0 && gap(0) !== gap(1)) breakEven = bisect(gap, 0, 1);
      } else {
        // Whole years only; beyond horizon − start + 1 a longer duration adds nothing.
        const longest = Math.max(1, parameters.horizonYears - line.start + 1);
        const reaches = (d: number) => pvOthers + linePv("durationYears", d) >= inputsTotal;
        if (!reaches(1)) {
          for (let d = 2; d <= longest; d++) {
            if (reaches(d)) {
              breakEven = d;
              break;
            }
          }
        }
      }
      entries.push({
        row: line.row,
        stakeholder: line.stakeholder,
        outcome: line.outcome,
        parameter,
        base,
        low: { value: lowValue, ratio: ratioOf(withValue(parameter, lowValue)) },
        high: { value: highValue, ratio: ratioOf(withValue(parameter, highValue)) },
        breakEven,
      });
    }
  });

  const rate = parameters.discountRate;
  const atRate = (r: number) => ({ ...parameters, discountRate: r });
  const gap = (r: number) => pvOf(lines, atRate(r)) - inputsTotal;
  let breakEven: number | null = null;
  if (gap(0) >= 0) {
    // PV falls towards 0 as the rate grows: widen until it is below the inputs.
    let hi = 1;
    while (gap(hi) > 0 && hi < 1e6) hi *= 2;
    if (gap(hi) <= 0) breakEven = bisect(gap, 0, hi);
  }
  const low = vary("discountRate", rate, -1);
  const high = vary("discountRate", rate, 1);
  entries.push({
    row: null,
    stakeholder: null,
    outcome: null,
    parameter: "discountRate",
    base: rate,
    low: { value: low, ratio: ratioOf(lines, atRate(low)) },
    high: { value: high, ratio: ratioOf(lines, atRate(high)) },
    breakEven,
  });
  return entries;
}
