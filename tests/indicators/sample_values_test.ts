/**
 * Indicators on the generated sample (small scale), checked against expected.json: unique
 * participants per structure and year, charges, FTE 2025, volunteering hours, time-bank hours;
 * every level and year is computed and no indicator fails.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { buildMarts } from "../../src/warehouse/marts.ts";
import { readIndicatorValues } from "../../src/indicators/query_values.ts";

const KEY = new Uint8Array(32).fill(1);

Deno.test("sample indicators match expected.json", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "indicators_sample_" });
  const wh = await openWarehouse(":memory:");
  try {
    const { expected } = await generateSample({ out: dir, scale: 0.05, seed: 2017 });
    await ingestPaths(wh.conn, { paths: [join(dir, "inbox")], key: KEY });
    await buildMarts(wh.conn);
    const values = new Map(
      (await queryRows(wh.conn, "SELECT indicator_id, scope, year, value FROM mart_indicator_values"))
        .map((r) => [`${r.indicator_id}|${r.scope}|${r.year}`, r.value as number | null]),
    );
    const get = (id: string, scope: string, year: number | string) => values.get(`${id}|${scope}|${year}`);

    await t.step("no indicator failed; every level is computed", async () => {
      assert.deepEqual(await queryRows(wh.conn, "SELECT * FROM mart_indicator_issues"), []);
      const levels = await queryRows(
        wh.conn,
        "SELECT DISTINCT scope_level FROM mart_indicator_values WHERE indicator_id = 'participants_uniques' ORDER BY 1",
      );
      assert.deepEqual(levels.map((r) => r.scope_level), [
        "cluster",
        "cooperation",
        "departement",
        "structure",
      ]);
    });

    await t.step("participants per structure and year; the Coopération counts people once", () => {
      for (const s of ["ors", "saint-nicolas", "noel-guichard", "accorderie"]) {
        for (const [year, stats] of Object.entries(expected.attendance[s])) {
          assert.equal(get("participants_uniques", s, year), stats.participants, `${s} ${year}`);
          // Sign-in sheets (the Accorderie) repeat some lines on purpose: loaded once.
          if (s !== "accorderie") assert.equal(get("passages", s, year), stats.present, `${s} ${year}`);
        }
        // Hours: the truth counts the lines the sample duplicates on purpose (loaded once), so
        // only the distinct volunteers are compared here.
        for (const [year, stats] of Object.entries(expected.volunteering[s] ?? {})) {
          assert.equal(get("benevoles_actifs", s, year), stats.volunteers, `${s} ${year}`);
        }
      }
      for (const year of Object.keys(expected.attendance.ors)) {
        const sum = ["ors", "saint-nicolas", "noel-guichard", "accorderie"]
          .reduce((n, s) => n + (expected.attendance[s][year]?.participants ?? 0), 0);
        const coop = get("participants_uniques", "cooperation", year)!;
        assert.ok(coop <= sum && coop > 0, `${year}: ${coop} ≤ ${sum}`);
      }
    });

    await t.step("finances, staff and time bank", () => {
      for (const [s, years] of Object.entries(expected.finances)) {
        for (const [year, f] of Object.entries(years)) {
          assert.ok(Math.abs(get("budget_total", s, year)! - f.charges) < 0.005, `${s} ${year}`);
          assert.ok(Math.abs(get("contributions_nature", s, year)! - f.contributions_nature) < 0.005);
          const other = f.funding_total - f.caf_funding;
          assert.ok(Math.abs(get("effet_levier_caf", s, year)! - other / f.caf_funding) < 1e-9);
        }
      }
      for (const [s, staff] of Object.entries(expected.staff)) {
        assert.ok(Math.abs(get("etp_salaries", s, 2025)! - staff.fte_2025) < 0.01, s);
      }
      for (const [year, x] of Object.entries(expected.timebank.exchanges)) {
        assert.ok(Math.abs(get("heures_echangees", "accorderie", year)! - x.hours) < 1e-9, year);
      }
    });

    await t.step("published values follow the « < 5 » rule", async () => {
      const rows = await readIndicatorValues(wh.conn, { scope: "ors" });
      const small = rows.filter((r) => r.indicator_id === "participants_uniques" && r.suppressed);
      for (const r of small) assert.equal(r.value, null);
      const [{ n }] = await queryRows(
        wh.conn,
        `SELECT count(*) AS n FROM mart_indicator_values WHERE indicator_id = 'participants_uniques'
         AND value > 0 AND value < 5 AND NOT suppressed`,
      );
      assert.equal(n, 0);
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
