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
  const extra = secondaryCell(counts, out.map((c, i) => c === null && counts[i] !== null));
  if (extra >= 0) out[extra] = null;
  return out;
}

/**
 * The cell to hide as well when exactly one cell of an additive group is hidden: the smallest
 * other non-zero cell; -1 when nothing more is needed.
 *
 * @example
 * ```ts
 * secondaryCell([3, 40, 12], [true, false, false]) // 2
 * ```
 */
export function secondaryCell(values: readonly (number | null)[], hidden: readonly boolean[]): number {
  if (hidden.filter(Boolean).length !== 1) return -1;
  let smallest = -1;
  values.forEach((v, i) => {
    if (!hidden[i] && v !== null && v > 0 && (smallest < 0 || v < (values[smallest] as number))) {
      smallest = i;
    }
  });
  return smallest;
}
/**
 * Secondary suppression across published totals: `members[i]` holds `values[i]`, `hidden[i]`
 * says whether it is already hidden, and each set of `groups` is the members of one published
 * total (a Coopération, a cluster…). Whenever a group has exactly one hidden member, its smallest
 * other one is hidden too ({@link secondaryCell}), until no group changes. Returns the indices
 * newly hidden.
 *
 * @example
 * ```ts
 * complementIndices(["a", "b", "c"], [3, 40, 12], [true, false, false], [new Set(["a", "b", "c"])]) // [2]
 * ```
 */
export function complementIndices(
  members: readonly string[],
  values: readonly (number | null)[],
  hidden: readonly boolean[],
  groups: readonly ReadonlySet<string>[],
): number[] {
  const now = [...hidden];
  const added: number[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      const at = members.flatMap((m, i) => (group.has(m) ? [i] : []));
      const extra = secondaryCell(at.map((i) => values[i]), at.map((i) => now[i]));
      if (extra < 0) continue;
      now[at[extra]] = true;
      added.push(at[extra]);
      changed = true;
    }
  }
  return added;
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
