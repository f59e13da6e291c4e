import assert from "node:assert/strict";
import { openWarehouse } from "../warehouse/connect.ts";
import { histogram, isExampleMap, publishSroi, shareAboveOne } from "./publish_sroi.ts";
import { balanceGroup, publishTimebankNetwork, publishTimebankYear } from "./publish_timebank.ts";

const year = {
  structure_id: "accorderie",
  year: 2024,
  exchanges: 300,
  hours: 450.5,
  active_members: 40,
  givers: 30,
  receivers: 35,
  members_both: 25,
  share_both: 0.625,
  mostly_give: 3,
  mostly_receive: 17,
  balanced: 20,
  first_exchanges: 2,
  delays_measured: 2,
  median_days_to_first_exchange: 12,
};

Deno.test("publishTimebankYear hides small member counts and the balance cell that would reveal one", () => {
  const row = publishTimebankYear(year);
  assert.equal(row.active_members, 40);
  assert.equal(row.hours, 450.5);
  assert.equal(row.mostly_give, null); // 3 members: hidden
  assert.equal(row.mostly_receive, null); // secondary: the smallest other group
  assert.equal(row.balanced, 20);
  assert.equal(row.first_exchanges, null);
  assert.equal(row.median_days_to_first_exchange, null); // 2 delays only
  assert.deepEqual(
    [...row.secret].sort(),
    ["first_exchanges", "median_days_to_first_exchange", "mostly_give", "mostly_receive"],
  );
});

Deno.test("publishTimebankYear hides a year of 1 to 4 active members with its hours", () => {
  const row = publishTimebankYear({ ...year, active_members: 3, members_both: 3, givers: 3, receivers: 3 });
  assert.equal(row.active_members, null);
  assert.equal(row.hours, null);
  assert.equal(row.exchanges, null);
  assert.equal(row.share_both, null);
  assert.ok(row.secret.includes("hours"));
});

Deno.test("balanceGroup follows the mart's rule (double or more)", () => {
  assert.equal(balanceGroup(4, 2), "donne");
  assert.equal(balanceGroup(2, 4), "recoit");
  assert.equal(balanceGroup(3, 2), "equilibre");
});

Deno.test("publishTimebankNetwork: members renumbered, a small balance group masked with the next smallest", () => {
  const arc = (source: string, target: string, hours = 1) => ({
    structure_id: "accorderie",
    year: 2024,
    source,
    target,
    hours,
    exchanges: 1,
  });
  // g1…g6 give to r1…r6 (6 « donne », 6 « reçoit »); b1 ⇄ b2 (2 « équilibré »: hidden, and
  // « donne », the smallest other group by order, hidden with it).
  const list = [
    ...[1, 2, 3, 4, 5, 6].map((i) => arc(`g${i}`, `r${i}`)),
    arc("b1", "b2"),
    arc("b2", "b1"),
  ];
  const net = publishTimebankNetwork(list)!;
  assert.equal(net.year, 2024);
  const nodes = net.nodes as string[];
  assert.equal(nodes.length, 14);
  assert.deepEqual(
    Object.fromEntries(
      ["masque", "recoit", "donne", "equilibre"].map((g) => [g, nodes.filter((x) => x === g).length]),
    ),
    { masque: 8, recoit: 6, donne: 0, equilibre: 0 },
  );
  const links = net.links as [number, number, number][];
  assert.equal(links.length, 8);
  // Indices follow the sorted pseudonyms: b1 = 0, b2 = 1, g1 = 2, …, r1 = 8.
  assert.deepEqual(links.find(([s]) => s === 2), [2, 8, 1]);
  assert.equal(JSON.stringify(net).includes("g1"), false);
  // 4 members: not published.
  assert.equal(publishTimebankNetwork([arc("a", "b"), arc("c", "d")]), null);
  // no small group: nothing masked.
  const big = publishTimebankNetwork(
    [1, 2, 3, 4, 5].flatMap((i) => [arc(`g${i}`, `r${i}`, 2), arc(`r${i}`, `g${i}`, 0.5)]),
  )!;
  assert.deepEqual([...new Set(big.nodes as string[])].sort(), ["donne", "recoit"]);
});

Deno.test("histogram: equal bins over the draws, every draw counted once", () => {
  const bins = histogram([1, 1.2, 1.5, 1.9, 2], 4);
  assert.equal(bins.length, 4);
  assert.equal(bins.reduce((n, b) => n + b.count, 0), 5);
  assert.deepEqual(bins.map((b) => b.count), [2, 0, 1, 2]);
  assert.deepEqual(histogram([1.5, 1.5]), [{ x0: 1.5, x1: 1.5, count: 2 }]);
  assert.deepEqual(histogram([]), []);
});

Deno.test("isExampleMap and shareAboveOne: the example map is flagged; the real share of draws above 1", () => {
  assert.equal(isExampleMap("/x/data/sroi/carte_impact_exemple.xlsx"), true);
  assert.equal(isExampleMap("/x/carte_impact_2025.xlsx"), false);
  assert.equal(shareAboveOne([0.8, 0.95, 1, 1.2, 1.5]), 0.4); // 1,2 and 1,5: 2 of 5 (1 is not above)
  assert.equal(shareAboveOne([]), null);
});

Deno.test("publishSroi publishes the problems of an unreadable map, not a result", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    const data = await publishSroi(wh.conn, { mapPath: "/nonexistent/carte.xlsx" });
    assert.equal(data.file, "carte.xlsx");
    assert.equal(data.example, false);
    assert.ok(Array.isArray(data.error) && data.error.length > 0);
    assert.equal(data.ratio, undefined);
  } finally {
    wh.close();
  }
});

Deno.test("publishSroi on the example map: the report of the library, with a histogram of every draw", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    const data = await publishSroi(wh.conn, { iterations: 500 }) as Record<string, unknown> & {
      ratio: number;
      pv: number;
      inputs_total: number;
      monte_carlo: { histogram: { count: number }[]; p5: number; p95: number; share_above_one: number };
    };
    assert.equal(data.example, true); // the bundled carte_impact_exemple.xlsx
    assert.ok(data.ratio > 0);
    assert.equal(Math.round(data.ratio * 1e4) / 1e4, Math.round((data.pv / data.inputs_total) * 1e4) / 1e4);
    assert.equal(data.monte_carlo.histogram.reduce((n, b) => n + b.count, 0), 500);
    assert.ok(data.monte_carlo.p5 <= data.monte_carlo.p95);
    const share = data.monte_carlo.share_above_one;
    assert.ok(share >= 0 && share <= 1);
    // p5 above 1 means at least 95 % of the draws above 1; p95 below 1, at most 5 %.
    if (data.monte_carlo.p5 > 1) assert.ok(share >= 0.95);
    assert.deepEqual(data.volunteering, []); // no mart in an empty warehouse: nothing, no crash
  } finally {
    wh.close();
  }
});
