/**
 * Percentile bootstrap interval of a mean, reproducible: the resamples come from a seeded
 * Mulberry32 generator (src/sroi/prng.ts), so the same values and seed always give the same
 * interval. Pure: no I/O, no state.
 *
 * Method: the values are sorted first (the interval then depends on the values only, not on the
 * order rows came in); `resamples` times, draw n values with replacement (index ⌊u · n⌋ for each uniform u of
 * the generator, in order) and take their mean; the interval is the 2.5th and 97.5th percentiles
 * of these means, with linear interpolation between order statistics (`numpy.percentile`'s
 * default, « type 7 »: position (B − 1) · q in the sorted means). tests/surveys/reference_values.py
 * redoes it in Python with the same generator.
 *
 * @module
 */
import { mulberry32 } from "../sroi/prng.ts";

/** Seed used by the marts (any fixed integer would do: it only makes results reproducible). */
export const DEFAULT_BOOTSTRAP_SEED = 20171;
/** Resamples used by the marts. */
export const DEFAULT_RESAMPLES = 10_000;

/** Options of {@link bootstrapMeanInterval}. */
export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

/**
 * Percentile `q` (0–1) of sorted values, linear interpolation between order statistics.
 *
 * @example
 * ```ts
 * percentileSorted([1, 2, 3, 4], 0.5) // 2.5
 * ```
 */
export function percentileSorted(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile bootstrap interval of the mean of `values`; null when there are fewer than two
 * values.
 *
 * @example
 * ```ts
 * bootstrapMeanInterval([0.5, 1, -0.5, 1.5, 0, 1], { seed: 1 })
 * // { low: …, high: … } always the same for this seed
 * ```
 */
export function bootstrapMeanInterval(
  values: readonly number[],
  options: BootstrapOptions = {},
): { low: number; high: number } | null {
  const n = values.length;
  if (n < 2) return null;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? 0.95;
  const sortedValues = [...values].sort((a, b) => a - b);
  const next = mulberry32(options.seed ?? DEFAULT_BOOTSTRAP_SEED);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += sortedValues[Math.floor(next() * n)];
    means[b] = sum / n;
  }
  means.sort();
  const sorted = Array.from(means);
  const tail = (1 - level) / 2;
  return { low: percentileSorted(sorted, tail), high: percentileSorted(sorted, 1 - tail) };
}
