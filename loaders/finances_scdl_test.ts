/**
 * Subsidies published by funders in the SCDL « subventions » schema, in its two layouts written
 * from the schema's documentation: grants to the registry's structures are kept (by SIRET, by
 * SIREN, by name), the others counted and ignored.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { TEST_KEY } from "../tests/support/with_inbox.ts";

const DIR = new URL("../tests/fixtures/finances/scdl/", import.meta.url);
const REGISTRY = [
  "Identifiant;Nom;Type;SIRET",
  "ors;Maison de quartier des Ors;Centre social;412 345 678 00019",
  "saint-nicolas;Maison de quartier Saint-Nicolas;Centre social;",
  "noel-guichard;Maison Citoyenne Noël Guichard;Centre social;50987654300011",
  "",
].join("\n");

Deno.test("SCDL subsidies: the registry's grants kept by SIRET, SIREN or name, the others counted", async () => {
  const dir = await Deno.makeTempDir({ prefix: "scdl_" });
  const wh = await openWarehouse(":memory:");
  try {
    const inbox = join(dir, "inbox");
    await Deno.mkdir(inbox);
    await Deno.writeTextFile(join(inbox, "structures.csv"), REGISTRY);
    for (const name of ["subventions_romans_2024.csv", "subventions_drome_2025.csv"]) {
      await Deno.copyFile(new URL(name, DIR), join(inbox, name));
    }
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: TEST_KEY });
    const romans = reports.find((r) => r.file === "subventions_romans_2024.csv")!;
    const drome = reports.find((r) => r.file === "subventions_drome_2025.csv")!;
    assert.deepEqual([romans.format, romans.status, romans.rowsRead, romans.rowsLoaded], [
      "scdl-subventions",
      "loaded",
      5,
      3,
    ]);
    assert.deepEqual(
      romans.issues.map((i) => i.message),
      [
        "2 subventions à d'autres bénéficiaires que les structures du registre (ou sans montant ni date) : " +
        "ignorées. Ajoutez le SIRET d'une structure au registre (colonne « SIRET ») si l'une d'elles manque.",
      ],
    );
    assert.deepEqual([drome.status, drome.rowsRead, drome.rowsLoaded], ["loaded", 4, 2]);
    const rows = await queryRows(
      wh.conn,
      `SELECT structure_id, funder, funder_type, scheme, amount, year FROM stg_funding
       ORDER BY structure_id, amount`,
    );
    assert.deepEqual(rows.map((r) => Object.values(r)), [
      [
        "noel-guichard",
        "Département de la Drôme",
        "département",
        "Appel à projets Bien vieillir",
        4000.5,
        2025,
      ],
      [
        "noel-guichard",
        "Département de la Drôme",
        "département",
        "Politique départementale de cohésion sociale",
        18000,
        2025,
      ],
      // Another establishment of the same association (same SIREN), then the SIRET itself.
      ["ors", "Commune de Romans-sur-Isère", "commune", "Mise à disposition de locaux", 3600, 2024],
      ["ors", "Commune de Romans-sur-Isère", "commune", "Fonctionnement 2024", 45000, 2024],
      // No SIRET in the registry: found by its name.
      ["saint-nicolas", "Commune de Romans-sur-Isère", "commune", "Projet jeunesse été", 12500.5, 2024],
    ]);
    const others = await queryRows(
      wh.conn,
      "SELECT count(*) AS n FROM stg_funding WHERE scheme = 'Festival' OR funder LIKE '%sportive%'",
    );
    assert.equal(Number(others[0].n), 0);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
