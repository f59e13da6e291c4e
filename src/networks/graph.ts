/**
 * Small undirected graphs and their basic metrics: degree, density, mean degree, connected
 * components. Nodes are strings (member pseudonyms, actor ids); self-loops are ignored and a tie
 * given twice counts once.
 *
 * @module
 */

/** An undirected simple graph: each node with the set of its neighbours. */
export interface UndirectedGraph {
  /** Node → its neighbours (symmetric; never the node itself). */
  readonly adjacency: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Builds an undirected simple graph from ties (either direction) and optional isolated nodes.
 *
 * @example
 * const g = undirectedGraph([["a", "b"], ["b", "a"], ["b", "c"], ["c", "c"]]);
 * tieCount(g) // 2 (a–b given twice, the loop c–c ignored)
 */
export function undirectedGraph(
  ties: Iterable<readonly [string, string]>,
  nodes: Iterable<string> = [],
): UndirectedGraph {
  const adjacency = new Map<string, Set<string>>();
  const add = (node: string) => {
    let set = adjacency.get(node);
    if (!set) adjacency.set(node, set = new Set());
    return set;
  };
  for (const node of nodes) add(node);
  for (const [a, b] of ties) {
    add(a);
    add(b);
    if (a === b) continue;
    adjacency.get(a)!.add(b);
    adjacency.get(b)!.add(a);
  }
  return { adjacency };
}

/** Number of nodes. */
export function nodeCount(g: UndirectedGraph): number {
  return g.adjacency.size;
}

/**
 * Number of ties (unordered pairs of neighbours).
 *
 * @example
 * tieCount(undirectedGraph([["a", "b"], ["b", "c"]])) // 2
 */
export function tieCount(g: UndirectedGraph): number {
  let twice = 0;
  for (const set of g.adjacency.values()) twice += set.size;
  return twice / 2;
}

/**
 * Degree of each node: its number of distinct neighbours.
 *
 * @example
 * degrees(undirectedGraph([["a", "b"], ["b", "c"]])) // Map { a → 1, b → 2, c → 1 }
 */
export function degrees(g: UndirectedGraph): Map<string, number> {
  return new Map([...g.adjacency].map(([node, set]) => [node, set.size]));
}

/**
 * Density: ties / possible ties, n(n−1)/2 for n nodes. Null under two nodes (undefined).
 *
 * @example
 * density(undirectedGraph([["a", "b"], ["b", "c"]])) // 2 / 3
 */
export function density(g: UndirectedGraph): number | null {
  const n = nodeCount(g);
  return n < 2 ? null : tieCount(g) / (n * (n - 1) / 2);
}

/**
 * Mean degree: 2 × ties / nodes. Null for an empty graph.
 *
 * @example
 * meanDegree(undirectedGraph([["a", "b"], ["b", "c"]])) // 4 / 3
 */
export function meanDegree(g: UndirectedGraph): number | null {
  const n = nodeCount(g);
  return n === 0 ? null : 2 * tieCount(g) / n;
}

/**
 * Connected components, largest first (ties broken by the smallest node name), each sorted.
 *
 * @example
 * components(undirectedGraph([["a", "b"], ["c", "d"], ["d", "e"]]))
 * // [["c", "d", "e"], ["a", "b"]]
 */
export function components(g: UndirectedGraph): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of g.adjacency.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const members = [start];
    for (let i = 0; i < members.length; i++) {
      for (const next of g.adjacency.get(members[i])!) {
        if (!seen.has(next)) {
          seen.add(next);
          members.push(next);
        }
      }
    }
    out.push(members.sort());
  }
  return out.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Share of the nodes in the largest connected component (0 to 1). Null for an empty graph.
 *
 * @example
 * largestComponentShare(undirectedGraph([["a", "b"], ["c", "d"], ["d", "e"]])) // 3 / 5
 */
export function largestComponentShare(g: UndirectedGraph): number | null {
  const n = nodeCount(g);
  return n === 0 ? null : components(g)[0].length / n;
}
