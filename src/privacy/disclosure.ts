/**
 * Statistical disclosure control for everything published: counts under the threshold are
 * suppressed, and a second cell is suppressed when a published total would reveal the first.
 *
 * @module
 */

/** Default threshold: counts of 1 to 4 people are never published. */
export const DEFAULT_THRESHOLD = 5;

/** Whether a count must be hidden (zero is not secret: nobody came). */
export function isSmall(count: number | null, threshold = DEFAULT_THRESHOLD): boolean {
  return count !== null && count > 0 && count < threshold;
}

/**
 * Primary suppression: the count, or `null` when it is small.
 *
 * @example
 * ```ts
 * suppress(3) // null
 * suppress(12) // 12
 * ```
 */
export function suppress(count: number | null, threshold = DEFAULT_THRESHOLD): number | null {
  return isSmall(count, threshold) ? null : count;
}

/**
 * Primary then secondary suppression over the cells of one additive group whose total is
 * published (months of a year, structures of the Coopération, age bands): when exactly one cell
 * is hidden, the smallest other non-zero cell is hidden too, so the total cannot reveal it.
 *
 * @example
 * ```ts
 * suppressGroup([3, 40, 12]) // [null, 40, null]
 * ```
 */
export function suppressGroup(
  counts: readonly (number | null)[],
  threshold = DEFAULT_THRESHOLD,
): (number | null)[] {
  const out = counts.map((c) => suppress(c, threshold));
  const hidden = out.filter((c, i) => c === null && counts[i] !== null).length;
  if (hidden === 1) {
    let smallest = -1;
    out.forEach((c, i) => {
      if (c !== null && c > 0 && (smallest < 0 || c < (out[smallest] as number))) smallest = i;
    });
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

/**
 * A share `part / whole` that is published only when neither the part nor the rest is small
 * (a 97 % share of 40 people reveals the one person outside it).
 */
export function safeShare(
  part: number,
  whole: number,
  threshold = DEFAULT_THRESHOLD,
): number | null {
  if (whole <= 0 || whole < threshold) return null;
  if (isSmall(part, threshold) || isSmall(whole - part, threshold)) return null;
  return part / whole;
}
