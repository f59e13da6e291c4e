/**
 * Betweenness centrality (Brandes 2001) of an unweighted undirected graph: how often an actor
 * lies on the shortest paths between two others — the actors who bridge groups.
 *
 * @module
 */
import type { UndirectedGraph } from "./graph.ts";

/**
 * Raw betweenness of each node: Σ over unordered pairs {s, t} (s, t ≠ v) of σst(v) / σst, where
 * σst counts the shortest s–t paths and σst(v) those through v. Each pair counts once (no
 * normalisation): on the path a–b–c, b has 1 and a, c have 0. Brandes' algorithm, O(n·m).
 *
 * @example
 * betweenness(undirectedGraph([["a", "b"], ["b", "c"]])) // Map { a → 0, b → 1, c → 0 }
 * // Square a–b–c–d–a: two shortest a–c paths (via b, via d) → each node ½.
 */
export function betweenness(g: UndirectedGraph): Map<string, number> {
  const nodes = [...g.adjacency.keys()];
  const score = new Map<string, number>(nodes.map((v) => [v, 0]));
  for (const s of nodes) {
    const stack: string[] = [];
    const predecessors = new Map<string, string[]>();
    const sigma = new Map<string, number>([[s, 1]]);
    const distance = new Map<string, number>([[s, 0]]);
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      stack.push(v);
      for (const w of g.adjacency.get(v)!) {
        if (!distance.has(w)) {
          distance.set(w, distance.get(v)! + 1);
          queue.push(w);
        }
        if (distance.get(w) === distance.get(v)! + 1) {
          sigma.set(w, (sigma.get(w) ?? 0) + sigma.get(v)!);
          let list = predecessors.get(w);
          if (!list) predecessors.set(w, list = []);
          list.push(v);
        }
      }
    }
    const delta = new Map<string, number>();
    while (stack.length > 0) {
      const w = stack.pop()!;
      for (const v of predecessors.get(w) ?? []) {
        const share = (sigma.get(v)! / sigma.get(w)!) * (1 + (delta.get(w) ?? 0));
        delta.set(v, (delta.get(v) ?? 0) + share);
      }
      if (w !== s) score.set(w, score.get(w)! + (delta.get(w) ?? 0));
    }
  }
  // Every unordered pair was counted from both ends.
  for (const [v, value] of score) score.set(v, value / 2);
  return score;
}

/**
 * Betweenness divided by the number of pairs of other nodes, (n−1)(n−2)/2: 0 to 1, 1 for the
 * centre of a star. Null under three nodes.
 *
 * @example
 * normalisedBetweenness(1, 3) // 1 (b on the path a–b–c)
 * normalisedBetweenness(3, 4) // 1 (centre of a star with 3 leaves)
 */
export function normalisedBetweenness(raw: number, nodeCount: number): number | null {
  return nodeCount < 3 ? null : raw / ((nodeCount - 1) * (nodeCount - 2) / 2);
}
