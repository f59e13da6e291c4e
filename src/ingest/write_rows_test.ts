import assert from "node:assert/strict";
import { inTransaction, openWarehouse, queryRows } from "../warehouse/connect.ts";
import { ensureSchema } from "../warehouse/schema.ts";
import { writeRows } from "./write_rows.ts";

const KEY = ["structure_id", "record_ref"];

function visit(ref: string, hours: number | null, state = "present", line = 2) {
  return {
    structure_id: "ors",
    record_ref: ref,
    person_ref: `p-${ref}`,
    activity_label: null,
    visit_date: "2024-03-12",
    hours,
    state,
    is_presence: state === "present",
    load_id: 1,
    source_line: line,
  };
}

Deno.test("writeRows inserts typed rows, then replaces rows with the same key", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    await ensureSchema(wh.conn);
    const all = () =>
      queryRows(
        wh.conn,
        `SELECT record_ref, CAST(visit_date AS VARCHAR) AS day, hours, state, is_presence, source_line
         FROM stg_attendance ORDER BY record_ref`,
      );

    assert.deepEqual(await writeRows(wh.conn, "stg_attendance", KEY, []), { inserted: 0, replaced: 0 });

    const first = await inTransaction(
      wh.conn,
      () =>
        writeRows(wh.conn, "stg_attendance", KEY, [
          visit("a", 1.5),
          visit("b", null, "absenti", 3),
          visit("c", 2),
        ]),
    );
    assert.deepEqual(first, { inserted: 3, replaced: 0 });
    assert.deepEqual(await all(), [
      { record_ref: "a", day: "2024-03-12", hours: 1.5, state: "present", is_presence: true, source_line: 2 },
      {
        record_ref: "b",
        day: "2024-03-12",
        hours: null,
        state: "absenti",
        is_presence: false,
        source_line: 3,
      },
      { record_ref: "c", day: "2024-03-12", hours: 2, state: "present", is_presence: true, source_line: 2 },
    ]);

    // "b" re-sent as a presence, "d" new: one replaced, one inserted, nothing doubled.
    const second = await writeRows(wh.conn, "stg_attendance", KEY, [
      visit("b", 2.5, "present", 7),
      visit("d", 1),
    ]);
    assert.deepEqual(second, { inserted: 1, replaced: 1 });
    const rows = await all();
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[1], {
      record_ref: "b",
      day: "2024-03-12",
      hours: 2.5,
      state: "present",
      is_presence: true,
      source_line: 7,
    });

    // Same record_ref in another structure is another row.
    const other = await writeRows(wh.conn, "stg_attendance", KEY, [{
      ...visit("a", 1),
      structure_id: "saint-nicolas",
    }]);
    assert.deepEqual(other, { inserted: 1, replaced: 0 });
    const [{ n }] = await queryRows(wh.conn, "SELECT count(*) AS n FROM stg_attendance");
    assert.equal(n, 5);
  } finally {
    wh.close();
  }
});

Deno.test("writeRows matches keys of non-text types", async () => {
  const wh = await openWarehouse(":memory:");
  try {
    await wh.conn.run("CREATE TABLE t (k INTEGER PRIMARY KEY, d DATE, v DOUBLE)");
    assert.deepEqual(
      await writeRows(wh.conn, "t", ["k"], [{ k: 1, d: "2024-01-31", v: 0.5 }, { k: 2, d: null, v: 3 }]),
      { inserted: 2, replaced: 0 },
    );
    assert.deepEqual(await writeRows(wh.conn, "t", ["k"], [{ k: 2, d: "2024-02-29", v: 4 }]), {
      inserted: 0,
      replaced: 1,
    });
    assert.deepEqual(
      await queryRows(wh.conn, "SELECT k, CAST(d AS VARCHAR) AS d, v FROM t ORDER BY k"),
      [{ k: 1, d: "2024-01-31", v: 0.5 }, { k: 2, d: "2024-02-29", v: 4 }],
    );
  } finally {
    wh.close();
  }
});
