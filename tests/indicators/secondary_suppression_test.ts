/**
 * Secondary suppression in the indicator engine: a structure's people count hidden « < 5 » must
 * not be recoverable from its Coopération's total and the other structures' published values.
 */
import assert from "node:assert/strict";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { suppressComplements } from "../../src/indicators/build_marts.ts";

Deno.test("one hidden structure of a group hides the smallest other one, with its published value", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    await wh.conn.run(`CREATE VIEW ind_scopes AS SELECT * FROM (VALUES
      ('structure', 'a', 'a'), ('structure', 'b', 'b'), ('structure', 'c', 'c'),
      ('cooperation', 'cooperation', 'a'), ('cooperation', 'cooperation', 'b'), ('cooperation', 'cooperation', 'c')
    ) t(scope_level, scope, structure_id)`);
    await wh.conn.run(`CREATE TABLE mart_indicator_catalogue AS SELECT * FROM (VALUES
      ('passages', 'effectif_personnes'), ('budget_total', 'montant')) t(indicator_id, disclosure)`);
    await wh.conn.run(`CREATE TABLE mart_indicator_values AS SELECT * FROM (VALUES
      ('passages', 'structure', 'a', 2024, 3.0, true, NULL),
      ('passages', 'structure', 'b', 2024, 40.0, false, 40.0),
      ('passages', 'structure', 'c', 2024, 12.0, false, 12.0),
      ('passages', 'cooperation', 'cooperation', 2024, 55.0, false, 55.0),
      ('budget_total', 'structure', 'a', 2024, 3.0, false, 3.0)
    ) t(indicator_id, scope_level, scope, year, value, suppressed, published_value)`);
    await suppressComplements(wh.conn);
    const rows = await queryRows(
      wh.conn,
      "SELECT indicator_id, scope, suppressed, published_value FROM mart_indicator_values ORDER BY ALL",
    );
    assert.deepEqual(rows, [
      { indicator_id: "budget_total", scope: "a", suppressed: false, published_value: 3 },
      { indicator_id: "passages", scope: "a", suppressed: true, published_value: null },
      { indicator_id: "passages", scope: "b", suppressed: false, published_value: 40 },
      // 55 − 40 − 12 would give a's 3: c, the smallest other, is hidden too.
      { indicator_id: "passages", scope: "c", suppressed: true, published_value: null },
      { indicator_id: "passages", scope: "cooperation", suppressed: false, published_value: 55 },
    ]);
  } finally {
    wh.close();
  }
});
