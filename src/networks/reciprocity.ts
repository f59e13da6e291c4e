/**
 * Reciprocity of a directed network (who gives to whom): the share of ties that go both ways.
 *
 * @module
 */

/** Counts behind the reciprocity of a directed network. */
export interface Reciprocity {
  /** Distinct ordered pairs (giver → receiver), self-loops left out. */
  arcs: number;
  /** Distinct unordered pairs linked in at least one direction. */
  ties: number;
  /** Unordered pairs linked in both directions. */
  mutualTies: number;
  /** mutualTies / ties (0 to 1); null without any tie. */
  reciprocity: number | null;
}

/**
 * Reciprocity as the share of ties (unordered pairs linked at least one way) that are linked
 * both ways. Note: the arc-based definition (share of arcs whose reverse exists) equals
 * 2·mutual / arcs = 2r / (1 + r) for this r.
 *
 * @example
 * reciprocity([["a", "b"], ["b", "a"], ["b", "c"], ["a", "b"]])
 * // { arcs: 3, ties: 2, mutualTies: 1, reciprocity: 0.5 }
 */
export function reciprocity(arcs: Iterable<readonly [string, string]>): Reciprocity {
  const set = new Set<string>();
  const pairs: [string, string][] = [];
  for (const [from, to] of arcs) {
    if (from === to) continue;
    const key = JSON.stringify([from, to]);
    if (set.has(key)) continue;
    set.add(key);
    pairs.push([from, to]);
  }
  const ties = new Set<string>();
  let mutualArcs = 0;
  for (const [from, to] of pairs) {
    ties.add(JSON.stringify(from < to ? [from, to] : [to, from]));
    if (set.has(JSON.stringify([to, from]))) mutualArcs++;
  }
  const mutualTies = mutualArcs / 2;
  return {
    arcs: pairs.length,
    ties: ties.size,
    mutualTies,
    reciprocity: ties.size === 0 ? null : mutualTies / ties.size,
  };
}
