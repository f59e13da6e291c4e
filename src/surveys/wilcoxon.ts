/**
 * Wilcoxon signed-rank test for paired scores (after − before), two-sided.
 *
 * Conventions (they match `scipy.stats.wilcoxon(d, zero_method="wilcox", correction=True)` with
 * `method="exact"` or `method="approx"` as chosen below):
 * - Zero differences are dropped (Wilcoxon's own convention, scipy's `zero_method="wilcox"`);
 *   `n` is the number of non-zero differences. Differences are rounded to 1e-9 first, so that
 *   means of Likert items (3.5 − 3 against 4 − 3.5) tie exactly.
 * - Ranks of |d| with ties given their average rank; W+ = sum of the ranks of positive
 *   differences, W− of the negative ones; the reported statistic is min(W+, W−) as in scipy.
 * - p-value: exact distribution of W+ (all 2ⁿ sign patterns, counted by dynamic programming)
 *   when n ≤ 25 and no |d| is tied; otherwise the normal approximation with the tie correction
 *   σ² = [n(n+1)(2n+1) − Σ(t³ − t)/2] / 24 and a continuity correction of 0.5 towards the mean
 *   (never past it). Two-sided: p = 2 · min(P(W+ ≤ w), P(W+ ≥ w)), capped at 1.
 * - Effect size r = Z / √n, Z the normal statistic with both corrections (computed even when the
 *   p-value is exact), signed: positive when scores rose (W+ above its mean).
 *
 * Pure: no I/O, no state.
 *
 * @module
 */
import { normalSf } from "./normal.ts";

/** Largest n for which the exact distribution is used (when there are no ties). */
export const EXACT_MAX_N = 25;

/** Outcome of the test. */
export interface WilcoxonResult {
  /** Non-zero differences (the test's n). */
  n: number;
  /** Zero differences dropped. */
  zeros: number;
  wPlus: number;
  wMinus: number;
  /** min(W+, W−). */
  statistic: number;
  /** Normal statistic with tie and continuity corrections, signed (positive: scores rose). */
  z: number | null;
  /** Two-sided p-value (null when n = 0). */
  p: number | null;
  method: "exacte" | "normale";
  /** Whether some |d| are tied. */
  ties: boolean;
  /** Effect size r = Z / √n (null when n = 0). */
  effectR: number | null;
}

/**
 * Average ranks of `values` (1-based) and the sizes of the groups of tied values.
 *
 * @example
 * ```ts
 * averageRanks([0.5, 1, 0.5]) // { ranks: [1.5, 3, 1.5], tieSizes: [2, 1] }
 * ```
 */
export function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1][0] === order[start][0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k][1]] = rank;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, tieSizes };
}

/**
 * Number of sign patterns giving each value of W+ for n untied ranks 1..n: `counts[w]`, whose
 * sum is 2ⁿ.
 *
 * @example
 * ```ts
 * signedRankCounts(3) // [1, 1, 1, 2, 1, 1, 1]
 * ```
 */
export function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = max; s >= k; s--) counts[s] += counts[s - k];
  }
  return counts;
}

/** Exact two-sided p-value of W+ = w for n untied ranks. */
function exactP(w: number, n: number): number {
  const counts = signedRankCounts(n);
  const total = 2 ** n;
  let cdf = 0;
  let sf = 0;
  counts.forEach((c, s) => {
    if (s <= Math.ceil(w)) cdf += c;
    if (s >= Math.floor(w)) sf += c;
  });
  return Math.min(1, (2 * Math.min(cdf, sf)) / total);
}

/**
 * The Wilcoxon signed-rank test of the paired differences `differences` (after − before).
 *
 * @example
 * ```ts
 * const r = wilcoxonSignedRank([1, 2, -0.5, 3, 1.5, 0, 2.5, 4, -1, 3.5, 0.25]);
 * r.n // 10 (the zero is dropped)
 * r.method // "exacte"
 * ```
 */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonResult {
  const rounded = differences.map((d) => Math.round(d * 1e9) / 1e9);
  const d = rounded.filter((x) => x !== 0);
  const n = d.length;
  const zeros = rounded.length - n;
  if (n === 0) {
    return {
      n,
      zeros,
      wPlus: 0,
      wMinus: 0,
      statistic: 0,
      z: null,
      p: null,
      method: "normale",
      ties: false,
      effectR: null,
    };
  }
  const { ranks, tieSizes } = averageRanks(d.map(Math.abs));
  let wPlus = 0;
  let wMinus = 0;
  d.forEach((x, i) => (x > 0 ? (wPlus += ranks[i]) : (wMinus += ranks[i])));
  const ties = tieSizes.some((t) => t > 1);
  const mean = (n * (n + 1)) / 4;
  const tieTerm = tieSizes.reduce((s, t) => s + t ** 3 - t, 0);
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1) - tieTerm / 2) / 24);
  let z: number | null = null;
  if (sd > 0) {
    const raw = wPlus - mean;
    z = Math.sign(raw) * Math.max(0, Math.abs(raw) - 0.5) / sd;
  }
  const method = !ties && n <= EXACT_MAX_N ? "exacte" : "normale";
  const p = method === "exacte" ? exactP(wPlus, n) : z === null ? 1 : Math.min(1, 2 * normalSf(Math.abs(z)));
  return {
    n,
    zeros,
    wPlus,
    wMinus,
    statistic: Math.min(wPlus, wMinus),
    z,
    p,
    method,
    ties,
    effectR: z === null ? null : z / Math.sqrt(n),
  };
}
