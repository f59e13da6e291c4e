/**
 * Sensitivity analysis: each assumption varied on its own, and the value at which the ratio
 * falls to 1:1 (the break-even).
 * @module
 */

import { totalPresentValue } from "./compute_sroi.ts";
import { type LineAssumptions, lineImpact } from "./impact_value.ts";
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
 * (percentages 0–100 %, duration ≥ 1 year, rate ≥ 0, quantity ≥ 0); a proxy keeps its sign (a
 * relative step never makes it cross 0).
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
  if (parameter === "proxy") return value;
  if (parameter === "quantity") return Math.max(0, value);
  return Math.min(1, Math.max(0, value));
}

/** Root of f on [lo, hi] by bisection, f(lo) and f(hi) on either side of 0 (either direction). */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  const loSide = f(lo) >= 0;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if ((f(mid) >= 0) === loSide) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Rates tried, in order, to find the first one where the ratio crosses 1:1: every point to 100 %, then doubling. */
const RATE_GRID: readonly number[] = [
  ...Array.from({ length: 100 }, (_, i) => (i + 1) / 100),
  ...Array.from({ length: 20 }, (_, i) => 2 ** (i + 1)),
];

/**
 * Lowest rate ≥ 0 at which `gap` (PV − inputs) changes sign, or null. With negative outcomes the
 * PV is no longer always decreasing in the rate (a harm late in time weighs less as the rate
 * grows), so the rates are scanned by whole points before the crossing is bisected.
 */
function rateBreakEven(gap: (rate: number) => number): number | null {
  const atZero = gap(0);
  if (atZero === 0) return 0;
  let previous = 0;
  for (const rate of RATE_GRID) {
    const value = gap(rate);
    if (value === 0) return rate;
    if ((value > 0) !== (atZero > 0)) return bisect(gap, previous, rate);
    previous = rate;
  }
  return null;
}

/**
 * Runs the sensitivity analysis: for every line and assumption (then the discount rate), the
 * ratio at base − step and base + step, and the break-even value: the value at which the ratio
 * crosses 1:1. Break-evens are analytic for proxy, quantity and the three filters (the value is
 * linear in them), by bisection for the drop-off and the discount rate (the lowest crossing
 * rate). For the duration of a positive line, the shortest whole duration keeping the ratio at
 * or above 1:1; of a negative line (a harm, proxy < 0), the shortest whole duration bringing it
 * below 1:1. A line's proxy keeps its sign: a benefit's break-even proxy is ≥ 0, a harm's ≤ 0
 * (otherwise null). Empty when there is no investment (no ratio to vary).
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
        // pv(1) is negative for a harm (proxy < 0 when solving for the quantity).
        const unit = linePv(parameter, 1);
        if (unit !== 0) {
          const x = (inputsTotal - pvOthers) / unit;
          // A quantity is ≥ 0; a proxy stays on its side of 0 (a benefit does not turn into a harm).
          const valid = parameter === "quantity" ? x >= 0 : line.proxy < 0 ? x <= 0 : x >= 0;
          breakEven = valid ? x : null;
        }
      } else if (FILTERS.has(parameter)) {
        // PV is proportional to (1 − filter): solve pvOthers + (1 − f) × pv(0) = inputs.
        const full = linePv(parameter, 0);
        if (full !== 0) {
          const f = 1 - (inputsTotal - pvOthers) / full;
          breakEven = f >= 0 && f <= 1 ? f : null;
        }
      } else if (parameter === "dropOff") {
        // The line's PV moves one way with the drop-off (towards its first year's value).
        const gap = (d: number) => pvOthers + linePv("dropOff", d) - inputsTotal;
        const [atZero, atOne] = [gap(0), gap(1)];
        if (atZero !== atOne && (atZero >= 0) !== (atOne >= 0)) breakEven = bisect(gap, 0, 1);
        else if (atZero === 0 || atOne === 0) breakEven = atZero === 0 ? 0 : 1;
      } else {
        // Whole years only; beyond horizon − start + 1 a longer duration adds nothing.
        const longest = Math.max(1, parameters.horizonYears - line.start + 1);
        const reaches = (d: number) => pvOthers + linePv("durationYears", d) >= inputsTotal;
        // A benefit reaches 1:1 as it lasts longer; a harm leaves it as it lasts longer.
        const harm = lineImpact(line) < 0;
        if (reaches(1) === harm) {
          for (let d = 2; d <= longest; d++) {
            if (reaches(d) !== harm) {
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
  const breakEven = rateBreakEven((r: number) => pvOf(lines, atRate(r)) - inputsTotal);
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
