/**
 * What an officer's analysis declares about its result, so the disclosure rule can be applied to
 * it: which columns count people, which are shares of two of them, and which columns a reader
 * may add up (totals the page exposes).
 *
 * @module
 */
import { z } from "zod";

/** A share column: `part / whole`, both count columns of the same row. */
export const ShareSpec = z.object({ part: z.string().min(1), whole: z.string().min(1) });

/**
 * The declaration beside an analysis query.
 *
 * @example
 * ```ts
 * AnalysisSpec.parse({ counts: ["personnes"], shares: { part_revenus: { part: "revenus", whole: "personnes" } } })
 * ```
 */
export const AnalysisSpec = z.object({
  /** Columns holding numbers of people (masked from 1 to threshold − 1). At least one. */
  counts: z.array(z.string().min(1)).default([]),
  /** Columns computed by the guard as part / whole, hidden when the part or the rest is small. */
  shares: z.record(z.string(), ShareSpec).default({}),
  /**
   * Columns along which a reader can add rows up (structures, years, age bands): secondary
   * suppression runs along each. Default: every column that is neither a count nor a share.
   */
  additive: z.array(z.string()).optional(),
  /** Column labels shown on the page, in French (otherwise the column name). */
  labels: z.record(z.string(), z.string()).default({}),
});
export type AnalysisSpec = z.infer<typeof AnalysisSpec>;
export type ShareSpec = z.infer<typeof ShareSpec>;
