/**
 * Uncertainty of the ratio: a Monte Carlo simulation over the ranges given in the impact map.
 * @module
 */

import { totalPresentValue } from "./compute_sroi.ts";
import { mulberry32, triangular } from "./prng.ts";
import { type ImpactLine, type SroiParameters, UNCERTAIN_FIELDS } from "./types.ts";

/** Defaults of the `--iterations` and `--seed` options. */
export const MONTE_CARLO_DEFAULTS = { iterations: 10_000, seed: 1 } as const;

/** Percentiles of the simulated ratio (null without investment). */
export interface MonteCarloResult {
  p5: number | null;
  p50: number | null;
  p95: number | null;
  iterations: number;
  seed: number;
  /** How many (line, assumption) pairs had a range; 0 means every draw equals the base ratio. */
  uncertainInputs: number;
}

/**
 * Percentile with linear interpolation between order statistics (Excel PERCENTILE.INC).
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Simulates the ratio `iterations` times. Each draw samples, for every line, the proxy, the
 * quantity, the three filters and the drop-off from a triangular distribution (range min, the
 * line's own value as most likely, range max); an assumption without range keeps its value.
 * Duration, start and discount rate are not sampled. One uniform number is drawn per
 * (line, assumption) in a fixed order whether or not it has a range, so a given seed gives the
 * same result on every run. Returns p5, p50 (median) and p95 of the ratio.
 *
 * @example
 * monteCarlo(lines, 12_000, { discountRate: 0.035, horizonYears: 5 }, { iterations: 10_000, seed: 1 })
 * // { p5: 2.1, p50: 2.9, p95: 3.6, iterations: 10000, seed: 1, uncertainInputs: 6 }
 */
export function monteCarlo(
  lines: readonly ImpactLine[],
  inputsTotal: number,
  parameters: SroiParameters,
  options: { iterations: number; seed: number } = MONTE_CARLO_DEFAULTS,
): MonteCarloResult {
  const uncertainInputs = lines.reduce((n, line) => n + Object.keys(line.ranges).length, 0);
  const base = { iterations: options.iterations, seed: options.seed, uncertainInputs };
  const sorted = monteCarloDraws(lines, inputsTotal, parameters, options);
  if (sorted.length === 0) return { p5: null, p50: null, p95: null, ...base };
  return {
    p5: percentile(sorted, 0.05),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    ...base,
  };
}

/**
 * The simulated ratios themselves, sorted ascending (empty without investment): what
 * {@link monteCarlo} summarises, for a histogram of the distribution. Same seed, same draws.
 *
 * @example
 * monteCarloDraws(lines, 12_000, { discountRate: 0.035, horizonYears: 5 }, { iterations: 100, seed: 1 }).length // 100
 */
export function monteCarloDraws(
  lines: readonly ImpactLine[],
  inputsTotal: number,
  parameters: SroiParameters,
  options: { iterations: number; seed: number } = MONTE_CARLO_DEFAULTS,
): number[] {
  if (inputsTotal <= 0 || options.iterations < 1) return [];
  const next = mulberry32(options.seed);
  const ratios = new Float64Array(options.iterations);
  for (let i = 0; i < options.iterations; i++) {
    const drawn = lines.map((line) => {
      const copy = { ...line };
      for (const field of UNCERTAIN_FIELDS) {
        const u = next();
        const range = line.ranges[field];
        if (range) copy[field] = triangular(u, range.min, line[field], range.max);
      }
      return copy;
    });
    ratios[i] = totalPresentValue(drawn, parameters) / inputsTotal;
  }
  ratios.sort();
  return Array.from(ratios);
}
