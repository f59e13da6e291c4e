import assert from "node:assert/strict";
import { openWarehouse } from "../warehouse/connect.ts";
import { countExports, missingExports } from "./exports_summary.ts";

Deno.test("an export is a file (one per workbook, whatever its sheets); missing kinds follow EXPECTED_KINDS", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    await wh.conn.run(
      `CREATE TABLE loads (structure_id VARCHAR, kind VARCHAR, sha256 VARCHAR, sheet VARCHAR, superseded_by INTEGER);
       INSERT INTO loads VALUES
         ('a', 'attendance', 'f1', '2024', NULL), ('a', 'attendance', 'f1', '2025', NULL),
         ('a', 'people', 'f2', NULL, NULL), ('a', 'volunteering', 'old', NULL, 9),
         ('b', 'attendance', 'f3', NULL, NULL), ('b', 'people', 'f4', NULL, NULL),
         ('b', 'volunteering', 'f5', NULL, NULL), ('b', 'finances', 'f6', NULL, NULL),
         ('b', 'partnerships', 'f7', NULL, NULL), (NULL, 'structures', 'f8', NULL, NULL)`,
    );
    // f1 has two sheets: one export; the superseded file no longer counts; the registry is one.
    assert.equal(await countExports(wh.conn), 8);
    assert.deepEqual(await missingExports(wh.conn, ["a", "b", "c"]), [
      { structure_id: "a", kinds: ["volunteering", "finances", "partnerships"] },
      { structure_id: "c", kinds: ["attendance", "people", "volunteering", "finances", "partnerships"] },
    ]);
  } finally {
    wh.close();
  }
});
