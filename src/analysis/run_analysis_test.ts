import assert from "node:assert/strict";
import { join } from "node:path";
import { openWarehouse } from "../warehouse/connect.ts";
import { publishAnalysis, queryWarehouse, warehouseIsEmpty } from "./run_analysis.ts";

/** A warehouse file with one person-level view: 12 people at the Ors, 3 at Crest, in 2024. */
async function smallWarehouse(): Promise<{ dir: string; path: string }> {
  const dir = await Deno.makeTempDir({ prefix: "analyse-" });
  const path = join(dir, "entrepot.duckdb");
  const wh = await openWarehouse(path);
  await wh.conn.run(`CREATE TABLE ind_visits AS
    SELECT CASE WHEN i <= 12 THEN 'ors' ELSE 'crest' END AS structure_id, 2024 AS year,
      DATE '2024-03-01' + i::INTEGER AS visit_date, 'ors:aB3dE5fG7hJ9kL1mN' || lpad(i::VARCHAR, 2, '0') AS person_key
    FROM range(1, 16) t(i)`);
  wh.close();
  return { dir, path };
}

Deno.test("an analysis query runs read-only on the warehouse and publishes protected counts", async () => {
  const { dir, path } = await smallWarehouse();
  try {
    const rows = await queryWarehouse(
      "SELECT structure_id AS structure, count(DISTINCT person_key) AS personnes FROM ind_visits GROUP BY ALL ORDER BY 1",
      path,
    );
    assert.deepEqual(rows, [{ structure: "crest", personnes: 3 }, { structure: "ors", personnes: 12 }]);
    const published = publishAnalysis(
      rows,
      { counts: ["personnes"], labels: { personnes: "Personnes" } },
      "q.sql",
    );
    // 3 is small, and 12 would reveal it from the two structures' total.
    assert.deepEqual(published.rows.map((r) => r.personnes), [null, null]);
    assert.equal(published.masked, 2);
    assert.deepEqual(published.columns.map((c) => [c.label, c.role]), [["structure", "dimension"], [
      "Personnes",
      "count",
    ]]);
    // Read-only: the query cannot change the warehouse.
    await assert.rejects(queryWarehouse("CREATE TABLE t AS SELECT 1", path), /read-only/i);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a data loader whose query returns one row per person exits 1 in French and prints nothing", async () => {
  const { dir, path } = await smallWarehouse();
  try {
    const query = join(dir, "personnes.sql");
    await Deno.writeTextFile(query, "SELECT person_key, count(*) AS passages FROM ind_visits GROUP BY ALL");
    const loader = join(dir, "personnes.json.ts");
    const runner = new URL("./run_analysis.ts", import.meta.url).href;
    await Deno.writeTextFile(
      loader,
      `import { runAnalysis } from ${JSON.stringify(runner)};\n` +
        `await runAnalysis(${JSON.stringify(query)}, { counts: ["passages"] });\n`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", new URL("../../deno.json", import.meta.url).pathname, loader],
      env: { OBSERVATOIRE_WAREHOUSE: path },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 1);
    assert.equal(new TextDecoder().decode(out.stdout), "");
    assert.match(
      new TextDecoder().decode(out.stderr),
      /Analyse refusée — personnes\.sql : la colonne « person_key » contient des pseudonymes de personnes/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an empty warehouse (no file, or no load yet) skips the query; one without bookkeeping is queried", async () => {
  const dir = await Deno.makeTempDir({ prefix: "analyse-vide-" });
  try {
    const path = join(dir, "entrepot.duckdb");
    assert.equal(await warehouseIsEmpty(path), true);
    const wh = await openWarehouse(path);
    await wh.conn.run("CREATE TABLE ind_visits (year INTEGER)");
    wh.close();
    assert.equal(await warehouseIsEmpty(path), false);
    const again = await openWarehouse(path);
    await again.conn.run("CREATE TABLE loads (load_id INTEGER)");
    again.close();
    assert.equal(await warehouseIsEmpty(path), true);
    const loaded = await openWarehouse(path);
    await loaded.conn.run("INSERT INTO loads VALUES (1)");
    loaded.close();
    assert.equal(await warehouseIsEmpty(path), false);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
