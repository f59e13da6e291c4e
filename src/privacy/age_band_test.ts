import assert from "node:assert/strict";
import { DuckDBInstance } from "@duckdb/node-api";
import { AGE_BANDS, ageBand, ageBandMacroSql, UNKNOWN_AGE } from "./age_band.ts";

Deno.test("ageBand uses the age reached during the year", () => {
  assert.equal(ageBand(2019, 2024), "0-5 ans");
  assert.equal(ageBand(2018, 2024), "6-11 ans");
  assert.equal(ageBand(2012, 2024), "12-17 ans");
  assert.equal(ageBand(1999, 2024), "18-25 ans");
  assert.equal(ageBand(1965, 2024), "26-59 ans");
  assert.equal(ageBand(1964, 2024), "60 ans et plus");
  assert.equal(ageBand(null, 2024), UNKNOWN_AGE);
  assert.equal(ageBand(2030, 2024), UNKNOWN_AGE);
});

Deno.test("the SQL macro agrees with the function on every age", async () => {
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  await c.run(ageBandMacroSql());
  const rows = (await c.runAndReadAll(
    "SELECT y AS birth_year, age_band(y, 2024) AS band FROM range(1900, 2031) t(y)",
  )).getRowObjects();
  assert.equal(rows.length, 131);
  for (const r of rows) assert.equal(r.band, ageBand(Number(r.birth_year), 2024));
  assert.equal(AGE_BANDS.length, 6);
  c.closeSync();
});
