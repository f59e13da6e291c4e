/**
 * Indicator values on a tiny hand-made warehouse, computed by hand:
 * - structures a, b (Coopération, Romans), c (Valence: cluster through the EPCI), d (Montélimar);
 * - presences: 2017 a {k1, k2}, b {k1, k3}; 2018 a {k1}, b {k4}; 2019 a {k1, k2, k5}, b {k3};
 * - volunteering: only a, 10 h in March 2019; funders 2019: a CAF 1 000, commune 1 500, usagers 500;
 *   b CAF 1 000, département 1 000; c commune 300 (no CAF).
 */
import assert from "node:assert/strict";
import type { DuckDBConnection } from "@duckdb/node-api";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ensureSchema } from "../../src/warehouse/schema.ts";
import { buildIndicatorMarts } from "../../src/indicators/build_marts.ts";

async function fixture(conn: DuckDBConnection): Promise<void> {
  await ensureSchema(conn);
  const structures = [
    ["a", "26281", true, true],
    ["b", "26281", true, true],
    ["c", "26362", false, false],
    ["d", "26198", false, false],
  ];
  for (const [id, insee, coop, cluster] of structures) {
    await conn.run(
      `INSERT INTO stg_structures (structure_id, name, structure_type, insee_code, in_cooperation, in_cluster,
        load_id, source_line) VALUES ($1, $1, 'Centre social', $2, $3, $4, 1, 1)`,
      [id, insee, coop, cluster],
    );
  }
  const visits: [string, string, string][] = [
    ["a", "k1", "2017-03-01"],
    ["a", "k2", "2017-04-01"],
    ["b", "k1", "2017-05-01"],
    ["b", "k3", "2017-05-01"],
    ["a", "k1", "2018-03-01"],
    ["b", "k4", "2018-03-01"],
    ["a", "k1", "2019-03-01"],
    ["a", "k1", "2019-03-08"],
    ["a", "k2", "2019-03-01"],
    ["a", "k5", "2019-03-01"],
    ["b", "k3", "2019-06-01"],
  ];
  for (const [i, [s, k, date]] of visits.entries()) {
    await conn.run(
      `INSERT INTO stg_attendance VALUES ($1, $2, $3, 'atelier', CAST($4 AS DATE), 2, 'présent', true, $5, $6)`,
      [s, `r${i}`, `${s}-${k}`, date, s === "a" ? 11 : 12, i + 2],
    );
  }
  for (const [s, k] of new Set(visits.map(([s, k]) => `${s}|${k}`)).values().map((x) => x.split("|"))) {
    await conn.run(
      `INSERT INTO stg_people (structure_id, person_ref, person_key, birth_year, lives_in_qpv, commune_insee,
        load_id, source_line) VALUES ($1, $2, $3, 1980, true, '26281', $4, 2)`,
      [s, `${s}-${k}`, k, s === "a" ? 21 : 22],
    );
  }
  await conn.run(
    `INSERT INTO stg_volunteering VALUES ('a', 'v1', 'vol-1', NULL, DATE '2019-03-01', NULL, 'Accueil', 10, 31, 2)`,
  );
  const funding: [string, string, number][] = [
    ["a", "CAF", 1000],
    ["a", "commune", 1500],
    ["a", "usagers", 500],
    ["b", "CAF", 1000],
    ["b", "département", 1000],
    ["c", "commune", 300],
  ];
  for (const [i, [s, type, amount]] of funding.entries()) {
    await conn.run(
      `INSERT INTO stg_funding VALUES ($1, $2, $3, $3, NULL, $4, 2019, 41, $5)`,
      [s, `f${i}`, type, amount, i + 2],
    );
  }
}

Deno.test("indicator values on a hand-computed fixture", async (t) => {
  const wh = await openWarehouse(":memory:");
  const value = async (id: string, scope: string, year: number) => {
    const rows = await queryRows(
      wh.conn,
      "SELECT * FROM mart_indicator_values WHERE indicator_id = $1 AND scope = $2 AND year = $3",
      [id, scope, year],
    );
    return rows[0];
  };
  try {
    await fixture(wh.conn);
    const { issues } = await buildIndicatorMarts(wh.conn);
    assert.deepEqual(issues, []);

    await t.step("unique participants are distinct at every level, never summed", async () => {
      assert.equal((await value("participants_uniques", "a", 2017)).value, 2);
      assert.equal((await value("participants_uniques", "b", 2017)).value, 2);
      assert.equal((await value("participants_uniques", "cooperation", 2017)).value, 3); // k1 counted once
      assert.equal((await value("participants_uniques", "cluster", 2017)).value, 3);
      assert.equal((await value("participants_uniques", "departement", 2019)).value, 4); // k1 k2 k5 k3
      const coop = await value("participants_uniques", "cooperation", 2017);
      assert.deepEqual([coop.structures_in_scope, coop.structures_with_data, coop.complete], [2, 2, true]);
      assert.equal(coop.suppressed, true); // 3 people: shown « < 5 »
      assert.equal(coop.published_value, null);
      assert.equal((await value("participants_multi_structures", "cooperation", 2017)).value, 1 / 3);
      assert.equal((await value("passages", "a", 2019)).value, 4);
    });

    await t.step("missing stays missing: no volunteering export, no value", async () => {
      assert.equal(await value("heures_benevolat", "b", 2019), undefined);
      assert.equal(await value("heures_benevolat", "a", 2018), undefined);
      const coop = await value("heures_benevolat", "cooperation", 2019);
      assert.equal(coop.value, 10);
      assert.deepEqual([coop.structures_in_scope, coop.structures_with_data, coop.complete], [2, 1, false]);
      // 10 h × 10,03 € (SMIC 2019) × 1,45
      assert.ok(Math.abs(Number((await value("valeur_benevolat", "a", 2019)).value) - 145.435) < 1e-9);
      assert.equal(await value("participants_uniques", "c", 2019), undefined);
      assert.equal(await value("participants_uniques", "d", 2019), undefined);
    });

    await t.step("euros of other funding per euro of CAF, by hand", async () => {
      assert.equal((await value("effet_levier_caf", "a", 2019)).value, 2); // (3000 − 1000) / 1000
      assert.equal((await value("effet_levier_caf", "b", 2019)).value, 1); // (2000 − 1000) / 1000
      const coop = await value("effet_levier_caf", "cooperation", 2019); // (5000 − 2000) / 2000
      assert.deepEqual([coop.value, coop.numerator, coop.denominator], [1.5, 3000, 2000]);
      const cluster = await value("effet_levier_caf", "cluster", 2019); // c is in the EPCI: (5300 − 2000) / 2000
      assert.deepEqual([cluster.value, cluster.structures_in_scope, cluster.complete], [1.65, 3, true]);
      const c = await value("effet_levier_caf", "c", 2019); // no CAF funding: no ratio, not 0
      assert.deepEqual([c.value, c.denominator], [null, 0]);
      assert.equal((await value("part_caf", "cooperation", 2019)).value, 0.4);
    });

    await t.step("baseline 2017–2018 and change, in the indicator's direction", async () => {
      const [row] = await queryRows(
        wh.conn,
        `SELECT * FROM mart_indicator_baseline
         WHERE indicator_id = 'participants_uniques' AND scope = 'cooperation' AND year = 2019`,
      );
      // baseline = (3 + 2) / 2; 2019: 4 → +1.5, +60 %
      assert.equal(row.baseline, 2.5);
      assert.deepEqual(row.baseline_years, [2017, 2018]);
      assert.equal(row.change_abs, 1.5);
      assert.equal(row.change_rel, 0.6);
      assert.equal(row.trend, "amélioration");
      assert.equal(row.suppressed, true);
      const [a] = await queryRows(
        wh.conn,
        `SELECT baseline, change_abs, trend FROM mart_indicator_baseline
         WHERE indicator_id = 'participants_uniques' AND scope = 'a' AND year = 2019`,
      );
      assert.deepEqual(a, { baseline: 1.5, change_abs: 1.5, trend: "amélioration" }); // (2 + 1) / 2 → 3
      const [{ n }] = await queryRows(
        wh.conn,
        "SELECT count(*) AS n FROM mart_indicator_baseline WHERE indicator_id = 'effet_levier_caf'",
      );
      assert.equal(n, 0); // no 2017–2018 funding: no baseline
    });

    await t.step("lineage lists the loads of the required sources, scope and year", async () => {
      const loads = async (scope: string, year: number) =>
        (await queryRows(
          wh.conn,
          `SELECT DISTINCT load_id FROM mart_indicator_lineage
           WHERE indicator_id = 'participants_uniques' AND scope = $1 AND year = $2 ORDER BY 1`,
          [scope, year],
        )).map((r) => r.load_id);
      assert.deepEqual(await loads("a", 2017), [11, 21]);
      assert.deepEqual(await loads("cooperation", 2017), [11, 12, 21, 22]);
      const lev = await queryRows(
        wh.conn,
        `SELECT DISTINCT source, load_id FROM mart_indicator_lineage
         WHERE indicator_id = 'effet_levier_caf' AND scope = 'cluster' AND year = 2019`,
      );
      assert.deepEqual(lev, [{ source: "stg_funding", load_id: 41 }]);
    });
  } finally {
    wh.close();
  }
});
