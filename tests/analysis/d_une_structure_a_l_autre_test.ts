/**
 * « D'une structure à l'autre » (pages/analyses/d-une-structure-a-l-autre*.sql) on a warehouse
 * written by hand: who came first where, and what the people of several structures do in each.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PAGES_DIR } from "../../src/paths.ts";
import { openWarehouse } from "../../src/warehouse/connect.ts";
import { queryWarehouse } from "../../src/analysis/run_analysis.ts";

const query = (name: string) => Deno.readTextFile(join(PAGES_DIR, "analyses", `${name}.sql`));

// p1: A (2023-01) then B (2023-05). p2: B (2022-03), A (2022-09), C (2024-01). p3: A only.
// p4: X (outside La Coopération) and A: not counted. Activities at A: « 1 » = Atelier cuisine.
const VISITS: [string, string, string, string][] = [
  ["A", "2023-01-10", "p1", "1"],
  ["B", "2023-05-02", "p1", "7"],
  ["B", "2022-03-01", "p2", "7"],
  ["A", "2022-09-15", "p2", "1"],
  ["A", "2022-10-15", "p2", "2"],
  ["C", "2024-01-20", "p2", ""],
  ["A", "2022-01-01", "p3", "1"],
  ["X", "2021-01-01", "p4", "1"],
  ["A", "2022-01-01", "p4", "1"],
];

async function warehouse(dir: string): Promise<string> {
  const path = join(dir, "entrepot.duckdb");
  const wh = await openWarehouse(path);
  await wh.conn.run(`CREATE TABLE stg_structures AS SELECT * FROM (VALUES ('A', 'Maison A', true),
    ('B', 'Maison B', true), ('C', 'Maison C', true), ('X', 'Ailleurs', false)) t(structure_id, name, in_cooperation)`);
  await wh.conn.run(`CREATE TABLE stg_registrations AS SELECT * FROM (VALUES ('A', '1', 'Atelier cuisine'),
    ('A', '2', 'Sorties familles'), ('B', '7', 'Couture')) t(structure_id, activity_id, activity_label)`);
  await wh.conn.run(
    "CREATE TABLE ind_visits (structure_id VARCHAR, visit_date DATE, person_key VARCHAR, activity_label VARCHAR)",
  );
  for (const v of VISITS) await wh.conn.run("INSERT INTO ind_visits VALUES ($1, $2::DATE, $3, $4)", v);
  wh.close();
  return path;
}

Deno.test("flows go from the first structure to each later one; activities are named from registrations", async () => {
  const dir = await Deno.makeTempDir({ prefix: "passages-" });
  try {
    const path = await warehouse(dir);
    const flows = await queryWarehouse(await query("d-une-structure-a-l-autre"), path);
    assert.deepEqual(flows.map((r) => [r.origine, r.destination, r.personnes]), [
      ["Maison A", "Maison B", 1], // p1
      ["Maison B", "Maison A", 1], // p2
      ["Maison B", "Maison C", 1], // p2
    ]);
    const activities = await queryWarehouse(await query("d-une-structure-a-l-autre-activites"), path);
    assert.deepEqual(activities.map((r) => [r.structure, r.activite, r.personnes]), [
      ["Maison A", "Atelier cuisine", 2], // p1, p2 (not p3: one structure; not p4: X is outside)
      ["Maison A", "Sorties familles", 1], // p2
      ["Maison B", "Couture", 2], // p1, p2
      ["Maison C", "Activité non précisée", 1], // p2
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
