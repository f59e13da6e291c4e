/**
 * The cluster partnership network on a small fixture (tests/fixtures/networks/partnerships.csv,
 * registry in structures.csv), computed by hand. Actor ids: ors, accorderie, tilleul (registry),
 * caf-de-la-drome (« CAF de la Drôme » and « caf de la drome » are one actor), emmaus-romans,
 * ville-de-valence. The line ors → « Maison de quartier des Ors » is a self-tie (ignored); the
 * Accorderie's line to « MAISON DE QUARTIER  DES ORS » is the same tie as ors → Accorderie.
 *
 * 2019: caf–ors–accorderie (a path): 3 actors, 2 ties, density 2/3, betweenness ors = 1.
 * 2020: + accorderie–emmaus: path caf–ors–accorderie–emmaus: density 3/6; betweenness ors 2
 *       ({caf, accorderie}, {caf, emmaus}), accorderie 2; 1 new tie, 1 new actor.
 * 2021: + tilleul–caf, tilleul–valence: path valence–tilleul–caf–ors–accorderie–emmaus. On a
 *       path of 6, the k-th node has (k−1)(6−k): tilleul 4, caf 6, ors 6, accorderie 4; density
 *       5/15; 2 new ties, 2 new actors.
 * 2022: nothing new (0 new ties, 0 new actors). The undated line tilleul → Emmaüs stays out: 1
 *       undated tie every year.
 */
import assert from "node:assert/strict";
import { buildNetworkMarts } from "../../src/networks/build_marts.ts";
import { actorResolver, clusterNetwork, nameKey } from "../../src/networks/cluster.ts";
import { insertFixture, rows, withWarehouse } from "./fixture_tables.ts";

const approx = (actual: unknown, expected: number, what: string) =>
  assert.ok(Math.abs(Number(actual) - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

Deno.test("names are normalised for case, accents, spaces and punctuation", () => {
  assert.equal(nameKey("  Emmaüs   Romans "), "emmaus romans");
  assert.equal(nameKey("L'Œuvre – Drôme"), "l oeuvre drome");
  const resolve = actorResolver([{
    id: "saint-nicolas",
    name: "Maison de quartier Saint-Nicolas",
    type: null,
  }]);
  assert.deepEqual(resolve("maison de quartier saint nicolas"), { id: "saint-nicolas", isStructure: true });
  assert.deepEqual(resolve("Saint-Nicolas"), { id: "saint-nicolas", isStructure: true });
  assert.deepEqual(resolve("Restos du Cœur"), { id: "restos-du-coeur", isStructure: false });
});

Deno.test("a tie lasts from its first dated line; growth per year", () => {
  const net = clusterNetwork([
    { actor: "a", partner: "B", partnerType: null, subject: "x", since: "2020-05-01" },
    { actor: "b", partner: "A", partnerType: null, subject: "y", since: "2018-01-01" },
  ], []);
  assert.deepEqual(net.years.map((y) => [y.year, y.ties, y.newTies, y.newActors]), [[2018, 1, 1, 2], [
    2019,
    1,
    0,
    0,
  ], [2020, 1, 0, 0]]);
  assert.deepEqual(net.edges.map((e) => [e.year, e.themes]), [[2018, "y"], [2019, "y"], [2020, "x ; y"]]);
});

Deno.test("cluster marts on the fixture match the hand computation", async () => {
  await withWarehouse(async (wh) => {
    await insertFixture(wh, "stg_structures", "structures.csv");
    await insertFixture(wh, "stg_partnerships", "partnerships.csv");
    await buildNetworkMarts(wh.conn, { clusterLastYear: 2022 });

    const years = await rows(wh, "SELECT * FROM mart_cluster_network_year ORDER BY year");
    assert.deepEqual(
      years.map((
        y,
      ) => [y.year, y.actors, y.structures, y.ties, y.components, y.new_ties, y.new_actors, y.undated_ties]),
      [
        [2019, 3, 2, 2, 1, 2, 3, 1],
        [2020, 4, 2, 3, 1, 1, 1, 1],
        [2021, 6, 3, 5, 1, 2, 2, 1],
        [2022, 6, 3, 5, 1, 0, 0, 1],
      ],
    );
    [2 / 3, 3 / 6, 5 / 15, 5 / 15].forEach((d, i) => approx(years[i].density, d, `density ${years[i].year}`));
    approx(years[2].mean_degree, 10 / 6, "mean degree 2021");

    const nodes = await rows(
      wh,
      "SELECT year, actor_id, label, actor_type, is_structure, degree, betweenness, betweenness_norm FROM mart_cluster_network_nodes ORDER BY year, actor_id",
    );
    const at = (year: number) =>
      Object.fromEntries(
        nodes.filter((n) => n.year === year).map((n) => [n.actor_id, [n.degree, n.betweenness]]),
      );
    assert.deepEqual(at(2019), { "accorderie": [1, 0], "caf-de-la-drome": [1, 0], "ors": [2, 1] });
    assert.deepEqual(at(2020), {
      "accorderie": [2, 2],
      "caf-de-la-drome": [1, 0],
      "emmaus-romans": [1, 0],
      "ors": [2, 2],
    });
    assert.deepEqual(at(2021), {
      "accorderie": [2, 4],
      "caf-de-la-drome": [2, 6],
      "emmaus-romans": [1, 0],
      "ors": [2, 6],
      "tilleul": [2, 4],
      "ville-de-valence": [1, 0],
    });
    const caf = nodes.find((n) => n.year === 2021 && n.actor_id === "caf-de-la-drome")!;
    assert.deepEqual([caf.label, caf.actor_type, caf.is_structure], ["CAF de la Drôme", "caf", false]);
    approx(caf.betweenness_norm, 6 / 10, "normalised betweenness of the CAF in 2021");
    const ors = nodes.find((n) => n.year === 2021 && n.actor_id === "ors")!;
    assert.deepEqual([ors.label, ors.actor_type, ors.is_structure], [
      "Maison de quartier des Ors",
      "Centre social",
      true,
    ]);
    const emmaus = nodes.find((n) => n.actor_id === "emmaus-romans")!;
    assert.equal(emmaus.label, "Emmaüs Romans");

    const edges = await rows(wh, "SELECT * FROM mart_cluster_network_edges ORDER BY year, source, target");
    const tie = (year: number) =>
      edges.find((e) => e.year === year && e.source === "accorderie" && e.target === "ors")!;
    assert.deepEqual([tie(2019).themes, tie(2019).since_year, tie(2019).lines], [
      "Échanges de savoirs",
      2019,
      1,
    ]);
    assert.deepEqual([tie(2020).themes, tie(2020).lines], ["Échanges de savoirs ; Fête de quartier", 2]);
    assert.equal(edges.filter((e) => e.year === 2022).length, 5);
    assert.ok(edges.every((e) => String(e.source) < String(e.target)));
  });
});

/**
 * The last year of the network by default: a hand-built warehouse whose attendance runs to 2024
 * and whose partnership list was loaded in 2026. A partnership since 2023 → 2024 (the data's last
 * year, not the load year); one since 2025 → 2025 (a start year later than the data). Without any
 * dated activity, the load year (2026) is the fallback.
 */
Deno.test("the cluster network ends at the last year of the observed activity, not the load year", async () => {
  const lastYearOf = async (since: string, attendance: boolean) => {
    let result: unknown[] = [];
    await withWarehouse(async (wh) => {
      await wh.conn.run(
        `INSERT INTO loads (load_id, kind, format, structure_id, file_name, sha256, loaded_at, rows_read,
           rows_loaded, rows_rejected, rows_duplicate, rows_replaced, status)
         VALUES (1, 'partnerships', 'csv', 'ors', 'partenaires.csv', 'x', TIMESTAMP '2026-01-15 10:00:00',
           1, 1, 0, 0, 0, 'loaded')`,
      );
      await wh.conn.run(
        `INSERT INTO stg_partnerships (structure_id, partnership_ref, actor, partner, subject, since, load_id,
           source_line) VALUES ('ors', 'p1', 'ors', 'CAF de la Drôme', 'Familles', DATE '${since}', 1, 2)`,
      );
      if (attendance) {
        await wh.conn.run(
          `INSERT INTO stg_attendance (structure_id, record_ref, person_ref, visit_date, state, is_presence,
             load_id, source_line)
           VALUES ('ors', 'r1', 'p', DATE '2022-03-01', 'présent', true, 2, 2),
                  ('ors', 'r2', 'p', DATE '2024-11-30', 'présent', true, 2, 3)`,
        );
      }
      await buildNetworkMarts(wh.conn);
      result = (await rows(wh, "SELECT year FROM mart_cluster_network_year ORDER BY year")).map((r) =>
        r.year
      );
    });
    return result;
  };
  assert.deepEqual(await lastYearOf("2023-06-01", true), [2023, 2024]);
  assert.deepEqual(await lastYearOf("2025-01-01", true), [2025]);
  assert.deepEqual(await lastYearOf("2023-06-01", false), [2023, 2024, 2025, 2026]);
});

Deno.test("an explicit clusterLastYear still wins", async () => {
  await withWarehouse(async (wh) => {
    await insertFixture(wh, "stg_structures", "structures.csv");
    await insertFixture(wh, "stg_partnerships", "partnerships.csv");
    await buildNetworkMarts(wh.conn, { clusterLastYear: 2020 });
    const years = await rows(wh, "SELECT year FROM mart_cluster_network_year ORDER BY year");
    assert.deepEqual(years.map((y) => y.year), [2019, 2020]);
  });
});
