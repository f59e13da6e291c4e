/**
 * Uncertainty of the ratio: a Monte Carlo simulation over the ranges given in the impact map.
 * @module
 */

import { normaliseHeader } from "../read/normalise_header.ts";
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
 * Simulates the ratio `iterations` times (see {@link drawLines} for one draw: triangular laws,
 * proxies citing the same source drawn together). Duration, start and discount rate are not
 * sampled. Returns p5, p50 (median) and p95 of the ratio.
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
  const keys = proxySourceKeys(lines);
  const ratios = new Float64Array(options.iterations);
  for (let i = 0; i < options.iterations; i++) {
    ratios[i] = totalPresentValue(drawLines(lines, next, keys), parameters) / inputsTotal;
  }
  ratios.sort();
  return Array.from(ratios);
}

/**
 * The key that groups lines by proxy source: the « source du proxy » compared ignoring case,
 * accents, spaces and punctuation; "" (no group) when the source is blank.
 *
 * @example
 * proxySourceKeys([{ proxySource: "Étude CNAF, 2022" }, { proxySource: "etude cnaf 2022" }, { proxySource: "" }])
 * // ["etudecnaf2022", "etudecnaf2022", ""]
 */
export function proxySourceKeys(lines: readonly Pick<ImpactLine, "proxySource">[]): string[] {
  return lines.map((line) => normaliseHeader(line.proxySource ?? ""));
}

/**
 * One draw of every line's uncertain assumptions. Each assumption with a range is drawn from a
 * triangular law (range min, the line's own value as most likely, range max); one without
 * keeps its value. One uniform number u is taken from `next` per (line, assumption) in a fixed
 * order whether or not it has a range, so a given seed gives the same result on every run.
 *
 * Proxies citing the same source move together: every line of a source uses the u of the
 * source's first line, so the proxies sit at the same rank of their ranges in every draw (if the
 * source's unit cost is high, it is high for every line). The rank is that of the size of the
 * value: for a negative proxy (a harm) the draw uses 1 − u, so a benefit and a harm valued with
 * the same source both grow in size together. A line without a source is drawn on its own;
 * quantities, filters and drop-offs are always drawn line by line (independent).
 *
 * @example
 * const next = mulberry32(1);
 * drawLines(lines, next) // copies of the lines with drawn proxy, quantity, filters and drop-off
 */
export function drawLines(
  lines: readonly ImpactLine[],
  next: () => number,
  keys: readonly string[] = proxySourceKeys(lines),
): ImpactLine[] {
  const sourceDraw = new Map<string, number>();
  return lines.map((line, index) => {
    const copy = { ...line };
    for (const field of UNCERTAIN_FIELDS) {
      let u = next();
      if (field === "proxy") {
        const key = keys[index];
        if (key) {
          const shared = sourceDraw.get(key);
          if (shared === undefined) sourceDraw.set(key, u);
          else u = shared;
        }
        if (line.proxy < 0) u = 1 - u;
      }
      const range = line.ranges[field];
      if (range) copy[field] = triangular(u, range.min, line[field], range.max);
    }
    return copy;
  });
}
