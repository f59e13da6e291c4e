/**
 * The time-bank matrix helpers of pages/components/network_charts.js on a hand-made network of
 * 6 members: 0 (« donne ») gives to 1, 2, 3, 4 (a hub); 1 ⇄ 2 both ways (« équilibré »); 5 is in a
 * masked group and gives to 0.
 */
import assert from "node:assert/strict";
// @ts-types="./network_charts.d.ts"
import {
  exchangeMatrix,
  groupFlows,
  hubSummary,
  placeLabels,
} from "../../pages/components/network_charts.js";

const network = {
  nodes: ["donne", "equilibre", "equilibre", "recoit", "recoit", "masque"],
  links: [[0, 1, 2], [0, 2, 1], [0, 3, 1], [0, 4, 1.5], [1, 2, 1], [2, 1, 1], [5, 0, 0.5]] as [
    number,
    number,
    number,
  ][],
};

Deno.test("exchangeMatrix: one cell per arc, members by group then partners, mutual arcs flagged", () => {
  const { members, cells, blocks } = exchangeMatrix(network);
  assert.equal(cells.length, network.links.length);
  // 4 before 3: same number of partners, more hours (1,5 h against 1 h).
  assert.deepEqual(members.map((m) => m.index), [0, 1, 2, 4, 3, 5]);
  assert.deepEqual(members.map((m) => m.partners), [5, 2, 2, 1, 1, 1]);
  assert.deepEqual(blocks, [
    { group: "donne", start: 0, size: 1 },
    { group: "equilibre", start: 1, size: 2 },
    { group: "recoit", start: 3, size: 2 },
    { group: "masque", start: 5, size: 1 },
  ]);
  assert.deepEqual(cells.filter((c) => c.mutual).map((c) => [c.row, c.col]), [[1, 2], [2, 1]]);
  assert.deepEqual(cells.find((c) => c.row === 5), { row: 5, col: 0, hours: 0.5, mutual: false });
});

Deno.test("groupFlows: hours from group to group add up to the network's hours", () => {
  const flows = groupFlows(network);
  assert.equal(flows.length, 16);
  const at = (from: string, to: string) => flows.find((f) => f.from === from && f.to === to)!;
  assert.deepEqual([at("donne", "equilibre").hours, at("donne", "equilibre").arcs], [3, 2]);
  assert.equal(at("donne", "recoit").hours, 2.5);
  assert.equal(at("equilibre", "equilibre").arcs, 2);
  assert.equal(at("masque", "donne").hours, 0.5);
  assert.equal(flows.reduce((s, f) => s + f.hours, 0), 8);
});

Deno.test("hubSummary: the hub takes part in 5 of the 6 pairs", () => {
  const hubs = hubSummary(network, { share: 0.1 });
  assert.equal(hubs.median, 1.5);
  assert.equal(hubs.halfAtLeast, 2);
  assert.equal(hubs.topAtLeast, 5);
  assert.equal(hubs.topShare, 5 / 6);
});

Deno.test("placeLabels keeps the network's labels apart and inside the drawing (cluster on a phone)", () => {
  const nodes = [
    // Two nodes 6 px apart vertically: their labels would overlap, and « Mairie » has no room on
    // its left: the bigger node keeps its label.
    { id: "a", x: 40, y: 50, radius: 8, label: "Centre social" },
    { id: "b", x: 30, y: 56, radius: 4, label: "Mairie" },
    // Near the right edge: its label goes to the left of the node.
    { id: "c", x: 300, y: 150, radius: 5, label: "Crèche" },
    { id: "d", x: 60, y: 250, radius: 5, label: "Association des habitants" },
    { id: "e", x: 10, y: 300, radius: 3 },
  ];
  const placed = placeLabels(nodes, 320);
  assert.deepEqual(placed.map((d) => [d.id, d.anchor]), [["a", "start"], ["c", "end"], ["d", "start"]]);
  // In a 120 px drawing only « Mairie » fits (« Centre social » would leave it on both sides).
  assert.deepEqual(placeLabels(nodes, 120).map((d) => d.id), ["b"]);
});
