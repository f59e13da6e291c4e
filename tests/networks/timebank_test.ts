/**
 * Time-bank marts on a tiny fixture (tests/fixtures/networks/timebank_*.csv), every value
 * computed by hand:
 *
 * 2024 — exchanges A→B 2 h, B→A 1 h, A→C 1 h, C→D 1 h, D→C 0,75 h, E→A 1 h, A→B 1 h (7.75 h).
 * Given / received: A 4 / 2 (gives ≥ 2× receives: « donne surtout », the boundary), B 1 / 3
 * (« reçoit surtout »), C 1 / 1.75 and D 0.75 / 1 (« équilibré »), E 1 / 0 (« donne surtout »).
 * Both give and receive: A, B, C, D → 4 / 5 = 0.8. Records start 2024-01-05. First exchanges:
 * A on the day it joined (0 days), C 9 days after, B 10 days *before* joining (apart), D joined
 * before the records start and E has no join date (not measured) → median of {0, 9} = 4.5.
 * Network: arcs A→B (3 h, 2 exchanges), B→A, A→C, C→D, D→C, E→A = 6; ties {A,B}, {A,C},
 * {C,D}, {A,E} = 4, mutual {A,B}, {C,D} → reciprocity 0.5; density 4 / 10; mean degree 8 / 5.
 *
 * 2025 — B→C 2 h, F→B 1 h, G→F 1 h, H→I 1 h (5 h). Active B, C, F, G, H, I; both B and F → 1/3.
 * Balance: B 2/1, G, H give; C, I receive; F 1/1 balanced. First exchanges: F 28 days before
 * joining (apart), G 59, H 31, I 12 → median 31. Network: 4 arcs, 4 ties, none mutual →
 * reciprocity 0; density 4 / 15; components {B,C,F,G} and {H,I} → largest share 4 / 6.
 */
import assert from "node:assert/strict";
import { buildNetworkMarts } from "../../src/networks/build_marts.ts";
import { balanceClass, median, timebankMetrics } from "../../src/timebank/metrics.ts";
import { insertFixture, rows, withWarehouse } from "./fixture_tables.ts";

const approx = (actual: unknown, expected: number, what: string) =>
  assert.ok(Math.abs(Number(actual) - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

Deno.test("balance classes and median", () => {
  assert.equal(balanceClass(4, 2), "donne surtout");
  assert.equal(balanceClass(3.99, 2), "équilibré");
  assert.equal(balanceClass(1, 2), "reçoit surtout");
  assert.equal(balanceClass(1, 0), "donne surtout");
  assert.equal(median([9, 0]), 4.5);
  assert.equal(median([59, 12, 31]), 31);
  assert.equal(median([]), null);
});

Deno.test("pure metrics: a self-exchange counts in hours, makes no arc", () => {
  const m = timebankMetrics([
    { structureId: "s", date: "2024-01-01", giver: "a", receiver: "a", hours: 1 },
    { structureId: "s", date: "2024-01-02", giver: "a", receiver: "b", hours: 2 },
  ], []);
  assert.equal(m.years[0].hours, 3);
  assert.equal(m.network[0].arcs, 1);
  assert.equal(m.network[0].nodes, 2);
});

Deno.test("time-bank marts on the fixture match the hand computation", async () => {
  await withWarehouse(async (wh) => {
    await insertFixture(wh, "stg_timebank_members", "timebank_members.csv");
    await insertFixture(wh, "stg_timebank_exchanges", "timebank_exchanges.csv");
    await buildNetworkMarts(wh.conn);

    const years = await rows(wh, "SELECT * FROM mart_timebank_year ORDER BY year");
    assert.equal(years.length, 2);
    const [y24, y25] = years;
    assert.deepEqual(
      [
        y24.structure_id,
        y24.year,
        y24.exchanges,
        y24.hours,
        y24.active_members,
        y24.givers,
        y24.receivers,
        y24.members_both,
      ],
      ["acc", 2024, 7, 7.75, 5, 5, 4, 4],
    );
    approx(y24.share_both, 0.8, "share_both 2024");
    assert.deepEqual([y24.mostly_give, y24.mostly_receive, y24.balanced], [2, 1, 2]);
    assert.deepEqual(
      [
        y24.first_exchanges,
        y24.delays_measured,
        y24.median_days_to_first_exchange,
        y24.first_exchange_before_joining,
      ],
      [5, 2, 4.5, 1],
    );
    assert.deepEqual([y25.exchanges, y25.hours, y25.active_members, y25.members_both], [4, 5, 6, 2]);
    approx(y25.share_both, 1 / 3, "share_both 2025");
    assert.deepEqual([y25.mostly_give, y25.mostly_receive, y25.balanced], [3, 2, 1]);
    assert.deepEqual(
      [
        y25.first_exchanges,
        y25.delays_measured,
        y25.median_days_to_first_exchange,
        y25.first_exchange_before_joining,
      ],
      [4, 3, 31, 1],
    );

    const edges = await rows(
      wh,
      "SELECT year, source, target, hours, exchanges FROM mart_timebank_network_edges WHERE year = 2024 ORDER BY ALL",
    );
    assert.deepEqual(edges.map((e) => [e.source, e.target, e.hours, e.exchanges]), [
      ["A", "B", 3, 2],
      ["A", "C", 1, 1],
      ["B", "A", 1, 1],
      ["C", "D", 1, 1],
      ["D", "C", 0.75, 1],
      ["E", "A", 1, 1],
    ]);

    const net = await rows(wh, "SELECT * FROM mart_timebank_network_metrics ORDER BY year");
    assert.deepEqual(
      [net[0].nodes, net[0].arcs, net[0].ties, net[0].mutual_ties, net[0].components],
      [5, 6, 4, 2, 1],
    );
    approx(net[0].reciprocity, 0.5, "reciprocity 2024");
    approx(net[0].density, 0.4, "density 2024");
    approx(net[0].mean_degree, 1.6, "mean degree 2024");
    approx(net[0].largest_component_share, 1, "largest 2024");
    assert.deepEqual(
      [net[1].nodes, net[1].arcs, net[1].ties, net[1].mutual_ties, net[1].components],
      [6, 4, 4, 0, 2],
    );
    approx(net[1].reciprocity, 0, "reciprocity 2025");
    approx(net[1].density, 4 / 15, "density 2025");
    approx(net[1].mean_degree, 4 / 3, "mean degree 2025");
    approx(net[1].largest_component_share, 4 / 6, "largest 2025");
  });
});

Deno.test("empty staging tables give empty marts", async () => {
  await withWarehouse(async (wh) => {
    await buildNetworkMarts(wh.conn);
    for (const table of ["mart_timebank_year", "mart_timebank_network_edges", "mart_cluster_network_year"]) {
      assert.equal((await rows(wh, `SELECT * FROM ${table}`)).length, 0, table);
    }
  });
});
