/**
 * Counts as published in the survey marts: a count of 1 to 4 (under the disclosure threshold,
 * src/privacy/disclosure.ts) is shown « < 5 », zero and larger counts as themselves.
 *
 * @module
 */
import { DEFAULT_THRESHOLD, isSmall } from "../privacy/disclosure.ts";

/**
 * The published text of a count.
 *
 * @example
 * ```ts
 * publishedCount(3) // "< 5"
 * publishedCount(0) // "0"
 * publishedCount(37) // "37"
 * ```
 */
export function publishedCount(count: number | null, threshold = DEFAULT_THRESHOLD): string | null {
  if (count === null) return null;
  return isSmall(count, threshold) ? `< ${threshold}` : String(count);
}
