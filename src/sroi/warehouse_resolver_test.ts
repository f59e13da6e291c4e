import assert from "node:assert/strict";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { resolverFrom, warehouseResolver } from "./warehouse_resolver.ts";

Deno.test("resolverFrom: values of the scope and year, and why an id has none", () => {
  const resolve = resolverFrom(
    new Map([["participants_uniques", 120], ["part_qpv", null]]),
    new Set(["participants_uniques", "part_qpv"]),
    "ors",
    2024,
  );
  assert.equal(resolve("participants_uniques"), 120);
  assert.equal(resolve("part_qpv"), null);
  assert.match(resolve.explain!("part_qpv"), /pas de valeur pour le périmètre « ors » en 2024/);
  assert.match(resolve.explain!("inconnu_ici"), /indicateur inconnu : « inconnu_ici »/);
});

Deno.test("warehouseResolver reads mart_indicator_values read-only, latest year by default", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sroi_resolver_" });
  const path = join(dir, "observatoire.duckdb");
  try {
    const db = await DuckDBInstance.create(path);
    const conn = await db.connect();
    await conn.run("CREATE TABLE mart_indicator_catalogue (indicator_id VARCHAR)");
    await conn.run(
      "INSERT INTO mart_indicator_catalogue VALUES ('participants_uniques'), ('heures_benevolat')",
    );
    await conn.run(
      "CREATE TABLE mart_indicator_values (indicator_id VARCHAR, scope VARCHAR, year INTEGER, value DOUBLE)",
    );
    await conn.run(`INSERT INTO mart_indicator_values VALUES
      ('participants_uniques', 'cooperation', 2023, 300), ('participants_uniques', 'cooperation', 2024, 320),
      ('heures_benevolat', 'cooperation', 2023, 1500), ('participants_uniques', 'ors', 2025, 90)`);
    conn.closeSync();
    db.closeSync();
    const latest = await warehouseResolver(path, "cooperation");
    assert.equal(latest.year, 2024);
    assert.equal(latest.resolve("participants_uniques"), 320);
    assert.equal(latest.resolve("heures_benevolat"), null); // no 2024 value: missing, not 0
    const y2023 = await warehouseResolver(path, "cooperation", 2023);
    assert.equal(y2023.resolve("heures_benevolat"), 1500);
    const none = await warehouseResolver(join(dir, "absent.duckdb"), "cooperation");
    assert.equal(none.year, null);
    assert.match(none.resolve.explain!("participants_uniques"), /aucun indicateur calculé dans l'entrepôt/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
