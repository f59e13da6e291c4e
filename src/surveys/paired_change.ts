/**
 * The before/after result of one dimension: wave means, the mean change of the respondents who
 * answered both waves, its studentised bootstrap interval (bootstrap.ts), the Wilcoxon signed-rank
 * test and its effect size, with the small-sample rule. Pure: no I/O, no state.
 *
 * Small samples: below {@link MIN_PAIRS_FOR_TESTS} pairs, only descriptive figures are given
 * (means and mean change) with the warning {@link SMALL_SAMPLE_WARNING}: no interval, no p-value,
 * no effect size. The same holds when fewer than 10 differences are non-zero (the test drops
 * zero differences).
 *
 * @module
 */
import { bootstrapMeanInterval, type BootstrapOptions } from "./bootstrap.ts";
import { wilcoxonSignedRank } from "./wilcoxon.ts";

/** Pairs needed before an interval, a p-value or an effect size is shown. */
export const MIN_PAIRS_FOR_TESTS = 10;
/** The plain warning shown under 10 pairs. */
export const SMALL_SAMPLE_WARNING = "effectif inférieur à 10 : résultats descriptifs seulement";
/** The warning when pairs are enough but most did not change. */
export const FEW_CHANGES_WARNING =
  "moins de 10 personnes dont le score a changé : résultats descriptifs seulement";
/** The warning when nobody answered both waves with the same code. */
export const NO_PAIRS_WARNING =
  "aucune personne identifiée aux deux vagues (code répondant) : pas d'évolution individuelle";

/** One respondent's score of a dimension at both waves. */
export interface ScorePair {
  before: number;
  after: number;
}

/** What the mart shows for one form, scope and dimension. */
export interface PairedChange {
  wave_before_n: number;
  wave_after_n: number;
  paired_n: number;
  /** Mean score of all respondents of the « avant » wave (paired or not). */
  mean_before: number | null;
  /** Mean score of all respondents of the « après » wave (paired or not). */
  mean_after: number | null;
  /** Mean of after − before over the paired respondents. */
  mean_change: number | null;
  ci_low: number | null;
  ci_high: number | null;
  wilcoxon_p: number | null;
  wilcoxon_w: number | null;
  test_method: string | null;
  effect_r: number | null;
  warning: string | null;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Summarises one dimension: wave scores (one per respondent) and the pairs.
 *
 * @example
 * ```ts
 * const r = pairedChange([3, 4], [4, 4], [{ before: 3, after: 4 }]);
 * r.mean_change // 1
 * r.wilcoxon_p // null
 * r.warning // "effectif inférieur à 10 : résultats descriptifs seulement"
 * ```
 */
export function pairedChange(
  before: readonly number[],
  after: readonly number[],
  pairs: readonly ScorePair[],
  bootstrap: BootstrapOptions = {},
): PairedChange {
  const differences = pairs.map((p) => p.after - p.before);
  const out: PairedChange = {
    wave_before_n: before.length,
    wave_after_n: after.length,
    paired_n: pairs.length,
    mean_before: mean(before),
    mean_after: mean(after),
    mean_change: mean(differences),
    ci_low: null,
    ci_high: null,
    wilcoxon_p: null,
    wilcoxon_w: null,
    test_method: null,
    effect_r: null,
    warning: null,
  };
  if (pairs.length === 0) {
    out.warning = NO_PAIRS_WARNING;
    return out;
  }
  if (pairs.length < MIN_PAIRS_FOR_TESTS) {
    out.warning = SMALL_SAMPLE_WARNING;
    return out;
  }
  const test = wilcoxonSignedRank(differences);
  if (test.n < MIN_PAIRS_FOR_TESTS) {
    out.warning = FEW_CHANGES_WARNING;
    return out;
  }
  const ci = bootstrapMeanInterval(differences, bootstrap);
  out.ci_low = ci?.low ?? null;
  out.ci_high = ci?.high ?? null;
  out.wilcoxon_p = test.p;
  out.wilcoxon_w = test.statistic;
  out.test_method = test.method;
  out.effect_r = test.effectR;
  return out;
}
