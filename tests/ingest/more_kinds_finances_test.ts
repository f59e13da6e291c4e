/**
 * Ledgers, budgets and funders tables of the generated sample, ingested into an in-memory
 * warehouse and checked to the cent against the generator's ground truth (expected.json).
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

Deno.test("sample ledgers, budgets and funders ingest as expected.json says, to the cent", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "more_kinds_finances_" });
  const wh = await openWarehouse(":memory:");
  const query = (sql: string, params: unknown[] = []) => queryRows(wh.conn, sql, params);
  try {
    const { expected } = await generateSample({ out: dir, scale: SCALE, seed: SEED });
    const reports = await ingestPaths(wh.conn, { paths: [join(dir, "inbox")], key: KEY });

    await t.step("every finance file loads whole, detected with its format", () => {
      const mine = reports.filter((r) => r.kind === "finances");
      const formats = (id: string) =>
        mine.filter((r) => r.file.startsWith(`${id}/`)).map((r) => r.format).sort();
      for (const id of COOP) {
        assert.deepEqual(formats(id), [
          "budget-actions",
          "financeurs",
          "grand-livre-analytique",
          "grand-livre-analytique",
          "grand-livre-analytique",
        ], id);
      }
      for (const r of mine) {
        assert.equal(r.status, "loaded", r.file);
        assert.deepEqual([r.rowsRejected, r.rowsDuplicate], [0, 0], r.file);
        const entry = expected.files.find((f) => f.path === r.file)!;
        assert.equal(r.rowsLoaded, entry.sheets?.[r.sheet!] ?? entry.rows, `${r.file} ${r.sheet}`);
        // Only the totals lines are remarked upon.
        for (const i of r.issues) {
          assert.equal(
            i.message,
            "ligne de total ignorée (les totaux sont recalculés)",
            `${r.file}:${i.line}`,
          );
        }
      }
    });

    await t.step("ledger and funders totals per structure and year", async () => {
      const rows = await query(
        `WITH books AS (
           SELECT structure_id AS id, fiscal_year AS y,
             round(sum(debit - credit) FILTER (WHERE account_class = 'charge'), 2) AS charges,
             round(sum(credit - debit) FILTER (WHERE account_class = 'produit'), 2) AS produits,
             round(sum(debit) FILTER (WHERE account_class = 'contribution_nature'), 2) AS nature,
             round(sum(credit) FILTER (WHERE account_class = 'contribution_nature'), 2) AS nature_credit
           FROM stg_accounting_entries GROUP BY ALL),
         funds AS (
           SELECT structure_id AS id, year AS y, round(sum(amount), 2) AS total,
             round(coalesce(sum(amount) FILTER (WHERE funder_type = 'CAF'), 0), 2) AS caf
           FROM stg_funding GROUP BY ALL)
         SELECT * FROM books FULL JOIN funds USING (id, y) ORDER BY id, y`,
      );
      const got: Record<string, Record<string, unknown>> = {};
      for (const r of rows) {
        assert.equal(r.nature, r.nature_credit, `${r.id} ${r.y}: 86x debits = 87x credits`);
        (got[String(r.id)] ??= {})[String(r.y)] = {
          charges: r.charges,
          produits: r.produits,
          contributions_nature: r.nature,
          funding_total: r.total,
          caf_funding: r.caf,
        };
      }
      assert.deepEqual(got, expected.finances);
      assert.deepEqual(Object.keys(expected.finances).sort(), [...COOP].sort());
      for (const id of COOP) assert.deepEqual(Object.keys(expected.finances[id]), ["2023", "2024", "2025"]);
    });

    await t.step("accounts are digits, classes derived, no line both debit and credit", async () => {
      const [{ bad }] = await query(
        `SELECT count(*) AS bad FROM stg_accounting_entries
         WHERE NOT regexp_full_match(account, '[0-9]{3,8}') OR (debit > 0 AND credit > 0)
           OR debit < 0 OR credit < 0
           OR account_class <> CASE WHEN account[1:2] IN ('86', '87') THEN 'contribution_nature'
             WHEN account[1] = '6' THEN 'charge' WHEN account[1] = '7' THEN 'produit' ELSE 'autre' END`,
      );
      assert.equal(bad, 0);
      const classes = await query(
        "SELECT DISTINCT account_class AS c FROM stg_accounting_entries ORDER BY c",
      );
      assert.deepEqual(classes.map((r) => r.c), ["autre", "charge", "contribution_nature", "produit"]);
      const types = await query("SELECT DISTINCT funder_type AS t FROM stg_funding ORDER BY t");
      assert.ok(!types.some((r) => r.t === "autre"), JSON.stringify(types));
      const [{ budgets }] = await query("SELECT count(*) AS budgets FROM stg_budgets");
      assert.equal(
        budgets,
        expected.files.filter((f) => f.path.endsWith("/budget_actions.csv")).reduce((s, f) => s + f.rows, 0),
      );
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
