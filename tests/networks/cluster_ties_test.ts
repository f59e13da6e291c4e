/**
 * The cluster's actor map (tests/fixtures/networks/carte_acteurs_cluster.csv, written as the
 * cluster's animators keep it): undirected ties between any actors, loaded at the root of the
 * inbox, joining the cluster network. By hand: line 4 gives line 3's tie the other way round,
 * line 5 links an actor to itself, line 7 names a person: refused; line 8 repeats line 6: counted
 * once. Kept: ors–Valence Romans Agglo (2019), accorderie–Emmaüs Romans (2020), Tiers-lieu La
 * Fabrique–Valence Romans Agglo (2021). So 2019: 2 actors, 1 tie; 2020: 4 actors, 2 ties;
 * 2021: 5 actors, 3 ties in 2 components.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { buildNetworkMarts } from "../../src/networks/build_marts.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { TEST_KEY } from "../support/with_inbox.ts";
import { FIXTURES } from "./fixture_tables.ts";

const REGISTRY =
  "Identifiant;Nom;Type\nors;Maison de quartier des Ors;Centre social\naccorderie;Accorderie de Romans;EVS\n";

Deno.test("the cluster's actor map: undirected ties, reversed and self pairs refused, in the network", async () => {
  const dir = await Deno.makeTempDir({ prefix: "cluster_ties_" });
  const wh = await openWarehouse(":memory:");
  try {
    const inbox = join(dir, "inbox");
    await Deno.mkdir(inbox);
    await Deno.writeTextFile(join(inbox, "structures.csv"), REGISTRY);
    await Deno.copyFile(new URL("carte_acteurs_cluster.csv", FIXTURES), join(inbox, "carte_acteurs.csv"));
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: TEST_KEY });
    const map = reports.find((r) => r.file === "carte_acteurs.csv")!;
    assert.deepEqual([map.kind, map.format, map.status], [
      "partnerships",
      "carte-acteurs-cluster",
      "partial",
    ]);
    assert.deepEqual([map.rowsRead, map.rowsLoaded, map.rowsRejected, map.rowsDuplicate], [7, 3, 3, 1]);
    assert.deepEqual(
      map.issues.filter((i) => i.severity === "erreur").map((
        i,
      ) => [i.line, i.column, i.message.split(" :")[0]]),
      [
        [4, "Acteur A", "lien déjà donné dans l'autre sens à la ligne 3"],
        [5, "Acteur B", "un acteur ne peut pas être lié à lui-même"],
        [7, "Acteur A", "l'acteur ressemble à une personne privée (civilité « M. », « Mme »…)"],
      ],
    );
    await buildNetworkMarts(wh.conn, { clusterLastYear: 2021 });
    const years = await queryRows(
      wh.conn,
      "SELECT year, actors, structures, ties, components FROM mart_cluster_network_year ORDER BY year",
    );
    assert.deepEqual(years.map((y) => Object.values(y).map(Number)), [
      [2019, 2, 1, 1, 1],
      [2020, 4, 2, 2, 2],
      [2021, 5, 2, 3, 2],
    ]);

    // A new map replaces the earlier one whole.
    await Deno.writeTextFile(join(inbox, "carte_acteurs_2.csv"), "Acteur A;Acteur B\nAccorderie;Ors\n");
    await ingestPaths(wh.conn, { paths: [join(inbox, "carte_acteurs_2.csv")], key: TEST_KEY });
    const ties = await queryRows(wh.conn, "SELECT actor_a, actor_b FROM stg_cluster_ties");
    assert.deepEqual(ties.map((t) => [t.actor_a, t.actor_b]), [["Accorderie", "Ors"]]);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
