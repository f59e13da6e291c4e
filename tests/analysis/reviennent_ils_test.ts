/**
 * « Reviennent-ils ? » (pages/analyses/reviennent-ils.sql) on a warehouse of five people written by
 * hand: a structure that starts sending data a year late, people present from the first year (not
 * new), a person who moves from one structure to the other.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PAGES_DIR } from "../../src/paths.ts";
import { openWarehouse } from "../../src/warehouse/connect.ts";
import { publishAnalysis, queryWarehouse } from "../../src/analysis/run_analysis.ts";

const QUERY = join(PAGES_DIR, "analyses", "reviennent-ils.sql");

// A: 2020–2023; B (starts late): 2021–2023. The Coopération's cohorts start in 2022, when both send.
const VISITS: [string, number, string][] = [
  ["A", 2020, "p1"],
  ["A", 2021, "p1"], // p1: there from A's first year, never new
  ["A", 2021, "p2"],
  ["A", 2022, "p2"], // p2: new at A in 2021, back in 2022, not in 2023
  ["A", 2022, "p3"], // p3: new at A and in the Coopération in 2022, never back
  ["B", 2021, "p4"],
  ["B", 2023, "p4"], // p4: there from B's first year
  ["B", 2022, "p5"],
  ["A", 2023, "p5"], // p5: new at B in 2022, back in the Coopération (at A) in 2023
];

Deno.test("cohorts and returns match the hand count, first years of data excluded", async () => {
  const dir = await Deno.makeTempDir({ prefix: "reviennent-" });
  try {
    const path = join(dir, "entrepot.duckdb");
    const wh = await openWarehouse(path);
    await wh.conn.run(`CREATE TABLE stg_structures AS SELECT * FROM (VALUES ('A', 'Maison A', true),
      ('B', 'Maison B', true), ('X', 'Hors coopération', false)) t(structure_id, name, in_cooperation)`);
    await wh.conn.run("CREATE TABLE ind_visits (structure_id VARCHAR, year INTEGER, person_key VARCHAR)");
    for (const [s, y, p] of VISITS) {
      await wh.conn.run("INSERT INTO ind_visits VALUES ($1, $2, $3)", [s, y, p]);
    }
    await wh.conn.run("INSERT INTO ind_visits VALUES ('X', 2022, 'p9'), ('X', 2023, 'p9')");
    wh.close();
    const rows = await queryWarehouse(await Deno.readTextFile(QUERY), path);
    const brief = rows.map((r) => [r.perimetre, r.cohorte, r.annees_apres, r.nouveaux, r.revenants]);
    assert.deepEqual(brief, [
      // Coopération: only the 2022 cohort (p3, p5); in 2023 p5 came back (at A).
      ["La Coopération", 2022, 1, 2, 1],
      // A: p2 (2021) back after 1 year, not after 2; p3 (2022) not back; p5's 2023 first visit has no next year.
      ["Maison A", 2021, 1, 1, 1],
      ["Maison A", 2021, 2, 1, 0],
      ["Maison A", 2022, 1, 1, 0],
      // B: p5 (2022) not back at B.
      ["Maison B", 2022, 1, 1, 0],
    ]);
    // Published: everything under 5 people is masked.
    const published = publishAnalysis(rows, { counts: ["nouveaux", "revenants"] }, "reviennent-ils.sql");
    assert.ok(published.rows.every((r) => r.nouveaux === null));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
