/**
 * Head counts, catalogues of actions and staff tables of the generated sample, ingested into an
 * in-memory warehouse and checked against the generator's ground truth (expected.json).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";

const SEED = 2017;
const SCALE = 0.05;
const KEY = new Uint8Array(32).fill(1);
const COOP = ["ors", "saint-nicolas", "noel-guichard", "accorderie"];

Deno.test("sample head counts, catalogues and staff ingest as expected.json says", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "more_kinds_" });
  const wh = await openWarehouse(":memory:");
  const query = (sql: string, params: unknown[] = []) => queryRows(wh.conn, sql, params);
  try {
    const { expected } = await generateSample({ out: dir, scale: SCALE, seed: SEED });
    const reports = await ingestPaths(wh.conn, { paths: [join(dir, "inbox")], key: KEY });

    await t.step("every file of these kinds loads whole, detected as its kind", () => {
      const kinds = ["headcounts", "activities", "staff"];
      const mine = reports.filter((r) => kinds.includes(r.kind ?? ""));
      const byKind = (k: string) =>
        new Set(mine.filter((r) => r.kind === k).map((r) => r.file.split("/")[0]));
      assert.deepEqual(byKind("headcounts"), new Set(Object.keys(expected.headcounts)));
      assert.deepEqual(byKind("activities"), new Set(COOP));
      assert.deepEqual(byKind("staff"), new Set(COOP));
      assert.ok(Object.keys(expected.headcounts).length >= 9);
      for (const r of mine) {
        assert.equal(r.status, "loaded", r.file);
        assert.deepEqual([r.rowsRejected, r.rowsDuplicate], [0, 0], r.file);
        const entry = expected.files.find((f) => f.path === r.file)!;
        assert.equal(r.rowsLoaded, entry.sheets?.[r.sheet!] ?? entry.rows, `${r.file} ${r.sheet}`);
        assert.ok(r.issues.every((i) => i.severity === "avertissement"), r.file);
      }
    });

    await t.step("head counts per structure and year", async () => {
      const rows = await query(
        `SELECT structure_id AS id, year(event_date) AS y, count(*) AS sessions,
           coalesce(sum(adults), 0) AS adults, coalesce(sum(children), 0) AS children,
           coalesce(sum(qpv_inhabitants), 0) AS qpv
         FROM stg_headcounts GROUP BY ALL ORDER BY ALL`,
      );
      const want = Object.entries(expected.headcounts).flatMap(([id, years]) =>
        Object.entries(years).map(([y, s]) => ({
          id,
          y: Number(y),
          sessions: s.sessions,
          adults: s.adults,
          children: s.children,
          qpv: s.qpv_inhabitants,
        }))
      ).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.y - b.y));
      assert.deepEqual(
        rows.map((r) => ({
          id: r.id,
          y: Number(r.y),
          sessions: Number(r.sessions),
          adults: Number(r.adults),
          children: Number(r.children),
          qpv: Number(r.qpv),
        })),
        want,
      );
      const [{ bad }] = await query(
        "SELECT count(*) AS bad FROM stg_headcounts WHERE qpv_inhabitants > coalesce(adults, 0) + coalesce(children, 0)",
      );
      assert.equal(bad, 0);
    });

    await t.step(
      "catalogues: actions and sectors per structure; themes linked to the socle commun",
      async () => {
        const rows = await query(
          "SELECT structure_id AS id, sector, count(*) AS n FROM stg_activities GROUP BY ALL ORDER BY ALL",
        );
        for (const id of COOP) {
          const mine = rows.filter((r) => r.id === id);
          assert.equal(mine.reduce((s, r) => s + Number(r.n), 0), expected.activities[id].actions, id);
          assert.deepEqual(
            Object.fromEntries(mine.map((r) => [r.sector, Number(r.n)])),
            expected.activities[id].sectors,
            id,
          );
        }
        // Every theme of the sample is in data/reference/themes.csv except « Théâtre ».
        const unmapped = await query(
          "SELECT DISTINCT theme FROM stg_activities WHERE senacs_theme IS NULL OR socle_dimension IS NULL",
        );
        assert.ok(unmapped.every((r) => r.theme === "Théâtre"), JSON.stringify(unmapped));
      },
    );

    await t.step("staff: people, contract lines and 2025 average FTE", async () => {
      const rows = await query(
        `SELECT structure_id AS id, count(DISTINCT staff_ref) AS people, count(*) AS contracts,
           round(sum(CASE WHEN least(coalesce(end_date, DATE '2025-12-31'), DATE '2025-12-31')
                            >= greatest(start_date, DATE '2025-01-01')
                 THEN fte * (least(coalesce(end_date, DATE '2025-12-31'), DATE '2025-12-31')
                             - greatest(start_date, DATE '2025-01-01') + 1) / 365 ELSE 0 END), 2) AS fte
         FROM stg_staff GROUP BY ALL ORDER BY ALL`,
      );
      assert.deepEqual(
        Object.fromEntries(
          rows.map((r) => [r.id, { people: r.people, contracts: r.contracts, fte_2025: r.fte }]),
        ),
        expected.staff,
      );
      const [{ bad }] = await query("SELECT count(*) AS bad FROM stg_staff WHERE fte <= 0 OR fte > 1");
      assert.equal(bad, 0);
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
