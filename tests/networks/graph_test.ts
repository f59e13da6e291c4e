/**
 * Graph metrics on tiny graphs whose values are computed by hand. Betweenness is raw (each pair
 * of other nodes counted once, no normalisation) unless stated.
 */
import assert from "node:assert/strict";
import {
  components,
  degrees,
  density,
  largestComponentShare,
  meanDegree,
  tieCount,
  undirectedGraph,
} from "../../src/networks/graph.ts";
import { betweenness, normalisedBetweenness } from "../../src/networks/betweenness.ts";
import { reciprocity } from "../../src/networks/reciprocity.ts";

const close = (actual: number | null, expected: number, what = "") =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} ≠ ${expected}`);

Deno.test("path a–b–c: degrees 1, 2, 1; density 2/3; betweenness of b = 1 (normalised 1)", () => {
  const g = undirectedGraph([["a", "b"], ["b", "c"]]);
  assert.deepEqual(Object.fromEntries(degrees(g)), { a: 1, b: 2, c: 1 });
  assert.equal(tieCount(g), 2);
  close(density(g), 2 / 3);
  close(meanDegree(g), 4 / 3);
  assert.deepEqual(components(g), [["a", "b", "c"]]);
  assert.deepEqual(Object.fromEntries(betweenness(g)), { a: 0, b: 1, c: 0 });
  assert.equal(normalisedBetweenness(1, 3), 1);
});

Deno.test("duplicate ties, both directions and self-loops count once / not at all", () => {
  const g = undirectedGraph([["a", "b"], ["b", "a"], ["a", "b"], ["c", "c"]]);
  assert.equal(tieCount(g), 1);
  assert.deepEqual(Object.fromEntries(degrees(g)), { a: 1, b: 1, c: 0 });
  // c is an isolated node: 3 nodes, 1 tie of 3 possible.
  close(density(g), 1 / 3);
  assert.equal(components(g).length, 2);
});

Deno.test("path a–b–c–d: b and c each lie on 2 shortest paths", () => {
  // b: {a,c}, {a,d}; c: {b,d}, {a,d}. Normalised by (n−1)(n−2)/2 = 3 → 2/3.
  const g = undirectedGraph([["a", "b"], ["b", "c"], ["c", "d"]]);
  assert.deepEqual(Object.fromEntries(betweenness(g)), { a: 0, b: 2, c: 2, d: 0 });
  close(normalisedBetweenness(2, 4), 2 / 3);
});

Deno.test("star: the centre bridges every pair of leaves", () => {
  const g = undirectedGraph([["hub", "x"], ["hub", "y"], ["hub", "z"]]);
  assert.deepEqual(Object.fromEntries(betweenness(g)), { hub: 3, x: 0, y: 0, z: 0 });
  assert.equal(normalisedBetweenness(3, 4), 1);
  close(density(g), 3 / 6);
});

Deno.test("square a–b–c–d–a: two shortest paths per opposite pair, ½ each", () => {
  const g = undirectedGraph([["a", "b"], ["b", "c"], ["c", "d"], ["d", "a"]]);
  assert.deepEqual(Object.fromEntries(betweenness(g)), { a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
});

Deno.test("bow-tie: two triangles sharing c, c bridges the 4 cross pairs", () => {
  const g = undirectedGraph([["a", "b"], ["b", "c"], ["a", "c"], ["c", "d"], ["d", "e"], ["c", "e"]]);
  assert.deepEqual(Object.fromEntries(betweenness(g)), { a: 0, b: 0, c: 4, d: 0, e: 0 });
  close(density(g), 6 / 10);
});

Deno.test("two components: sizes 3 and 2, largest share 3/5", () => {
  const g = undirectedGraph([["a", "b"], ["d", "c"], ["d", "e"]]);
  assert.deepEqual(components(g), [["c", "d", "e"], ["a", "b"]]);
  close(largestComponentShare(g), 3 / 5);
  close(meanDegree(g), 6 / 5);
  assert.equal(density(undirectedGraph([], ["solo"])), null);
  assert.equal(largestComponentShare(undirectedGraph([])), null);
});

Deno.test("reciprocity: share of ties linked both ways", () => {
  // Arcs a→b, b→a, b→c, c→d, d→c, a→b again: ties {a,b}, {b,c}, {c,d}; mutual {a,b}, {c,d}.
  const r = reciprocity([["a", "b"], ["b", "a"], ["b", "c"], ["c", "d"], ["d", "c"], ["a", "b"], ["e", "e"]]);
  assert.deepEqual(r, { arcs: 5, ties: 3, mutualTies: 2, reciprocity: 2 / 3 });
  assert.equal(reciprocity([]).reciprocity, null);
});
