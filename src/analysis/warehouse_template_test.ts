import assert from "node:assert/strict";
import { join } from "node:path";
import { openWarehouse } from "../warehouse/connect.ts";
import { createWarehouseAnalysis } from "./warehouse_template.ts";

/** A warehouse with the two views the scaffold's first query reads: 6 and 7 people, two years. */
async function warehouse(dir: string): Promise<string> {
  const path = join(dir, "entrepot.duckdb");
  const wh = await openWarehouse(path);
  await wh.conn.run(
    `CREATE TABLE stg_structures AS SELECT * FROM (VALUES ('ors', 'Maison de quartier des Ors', true))
    t(structure_id, name, in_cooperation)`,
  );
  await wh.conn.run(`CREATE TABLE ind_visits AS
    SELECT 'ors' AS structure_id, CASE WHEN i <= 6 THEN 2023 ELSE 2024 END AS year, 'p' || i AS person_key
    FROM range(1, 14) t(i)`);
  wh.close();
  return path;
}

Deno.test("the scaffold writes a query, a loader and a page that publish protected counts as they are", async () => {
  const dir = await Deno.makeTempDir({ prefix: "entrepot-" });
  try {
    const path = await warehouse(dir);
    const pages = join(dir, "analyses");
    const { slug, paths } = await createWarehouseAnalysis("Qui revient le lundi ?", {
      dir: pages,
      warehouse: path,
    });
    assert.equal(slug, "qui-revient-le-lundi");
    assert.deepEqual(paths.map((p) => p.slice(pages.length + 1)), [
      "qui-revient-le-lundi.sql",
      "qui-revient-le-lundi.json.ts",
      "qui-revient-le-lundi.md",
    ]);
    const sql = await Deno.readTextFile(paths[0]);
    // The views are documented with the columns the warehouse really has.
    assert.match(sql, /ind_visits : une présence[^\n]*\n-- {5}colonnes : structure_id, year, person_key/);
    assert.match(await Deno.readTextFile(paths[2]), /^---\ntitle: "Qui revient le lundi \?"\ndraft: true\n/);
    // The loader runs as written (its import pointed at this checkout) and prints the protected result.
    const runner = new URL("./run_analysis.ts", import.meta.url).href;
    const loader = (await Deno.readTextFile(paths[1])).replace("../../src/analysis/run_analysis.ts", runner);
    await Deno.writeTextFile(paths[1], loader);
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", new URL("../../deno.json", import.meta.url).pathname, paths[1]],
      env: { OBSERVATOIRE_WAREHOUSE: path },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const result = JSON.parse(new TextDecoder().decode(out.stdout));
    assert.deepEqual(result.rows, [
      { structure: "Maison de quartier des Ors", annee: 2023, personnes: 6 },
      { structure: "Maison de quartier des Ors", annee: 2024, personnes: 7 },
    ]);
    assert.deepEqual(result.columns.map((c: { label: string }) => c.label), [
      "Structure",
      "Année",
      "Personnes",
    ]);
    // Never overwrites.
    await assert.rejects(
      createWarehouseAnalysis("Qui revient le lundi ?", { dir: pages, warehouse: path }),
      /existe déjà/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
