import assert from "node:assert/strict";
import { tableFromIPC } from "apache-arrow";
import { openWarehouse } from "../warehouse/connect.ts";
import { martsModule, protectIndicatorValues, PUBLISHED_MARTS, toArrowStream } from "./publish_marts.ts";

Deno.test("toArrowStream writes typed columns with nulls, read back by apache-arrow", () => {
  const bytes = toArrowStream(
    [
      {
        scope: "ors",
        year: 2024,
        participants: null,
        hours: 12.5,
        ok: true,
        day: new Date("2024-03-01T00:00:00Z"),
      },
      { scope: "cooperation", year: 2024, participants: 40, hours: null, ok: false, day: null },
    ],
    [
      { name: "scope", type: "VARCHAR" },
      { name: "year", type: "INTEGER" },
      { name: "participants", type: "INTEGER" },
      { name: "hours", type: "DOUBLE" },
      { name: "ok", type: "BOOLEAN" },
      { name: "day", type: "DATE" },
    ],
  );
  const table = tableFromIPC(bytes);
  assert.equal(table.numRows, 2);
  assert.deepEqual(table.schema.fields.map((f) => String(f.type)), [
    "Utf8",
    "Int32",
    "Int32",
    "Float64",
    "Bool",
    "Date32<DAY>",
  ]);
  assert.equal(table.get(0)!.participants, null);
  assert.equal(table.get(1)!.participants, 40);
  assert.equal(table.get(0)!.hours, 12.5);
});

Deno.test("indicator counts: one hidden structure of a total hides the smallest other too", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    await wh.conn.run(`CREATE TABLE ind_scopes AS SELECT * FROM (VALUES
      ('structure', 'a', 'a'), ('structure', 'b', 'b'), ('structure', 'c', 'c'),
      ('cooperation', 'cooperation', 'a'), ('cooperation', 'cooperation', 'b'), ('cooperation', 'cooperation', 'c'))
      t(scope_level, scope, structure_id)`);
    const row = (scope: string, value: number, suppressed: boolean, level = "structure") => ({
      indicator_id: "participants",
      scope_level: level,
      scope,
      year: 2024,
      value: suppressed ? null : value,
      numerator: null,
      denominator: null,
      suppressed,
      disclosure: "effectif_personnes",
    });
    const out = await protectIndicatorValues(
      [
        row("a", 3, true),
        row("b", 12, false),
        row("c", 40, false),
        row("cooperation", 55, false, "cooperation"),
      ],
      wh.conn,
      5,
    );
    assert.deepEqual(out.map((r) => [r.scope, r.value, r.suppressed]), [
      ["a", null, true],
      ["b", null, true],
      ["c", 40, false],
      ["cooperation", 55, false],
    ]);
    assert.ok(out.every((r) => !("disclosure" in r)));
  } finally {
    wh.close();
  }
});

Deno.test("every published table is documented and carries no person-level column", () => {
  const tables = new Set<string>();
  for (const spec of PUBLISHED_MARTS) {
    assert.match(spec.table, /^[a-z][a-z0-9_]*$/);
    assert.ok(!tables.has(spec.table), `${spec.table} twice`);
    tables.add(spec.table);
    assert.ok(spec.grain && spec.disclosure && spec.title);
    assert.doesNotMatch(
      spec.sql,
      /\b(stg_(people|attendance|volunteering|households|testimonies|survey)\w*|int_\w+)\b/,
    );
    for (const [column, description] of Object.entries(spec.columns)) {
      assert.ok(description.length > 3, `${spec.table}.${column} undocumented`);
      assert.doesNotMatch(
        column,
        /person_(key|ref|id)|pseudo|_ref$|_key$|^nom$|birth|naiss/,
        `${spec.table}.${column}`,
      );
    }
  }
  assert.match(martsModule(["structures"]), /structures: FileAttachment\("\.\/marts\/structures\.arrow"\)/);
});
