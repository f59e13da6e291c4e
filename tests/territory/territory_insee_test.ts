/**
 * INSEE's base comparateur de territoires (tests/fixtures/territory/base_comparateur_drome_2021.csv,
 * written from INSEE's documented layout: `;`, CODGEO, LIBGEO, REG, DEP, then variable codes
 * carrying their vintage). By hand: 5 valid communes × 9 variable columns = 45 cells, of which
 * Eygluy-Escoulin's two empty cells give no row: 43 rows; line 7's code « 2628 » is refused.
 * Secret cells: Montmeyran's TP6021, Eygluy-Escoulin's MED21 and TP6021 (3); « nd »: 2.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { TEST_KEY } from "../support/with_inbox.ts";

const FIXTURE = new URL("../fixtures/territory/base_comparateur_drome_2021.csv", import.meta.url);

Deno.test("INSEE commune statistics: vintages read from the codes, secret cells missing, bad code refused", async () => {
  const dir = await Deno.makeTempDir({ prefix: "territoire_" });
  const wh = await openWarehouse(":memory:");
  try {
    const inbox = join(dir, "inbox");
    await Deno.mkdir(inbox);
    await Deno.copyFile(FIXTURE, join(inbox, "base_cc_comparateur.csv"));
    const [report] = await ingestPaths(wh.conn, { paths: [inbox], key: TEST_KEY });
    assert.deepEqual([report.kind, report.format, report.status], [
      "territoire",
      "insee-comparateur",
      "partial",
    ]);
    // rowsLoaded counts warehouse rows: one per commune and variable.
    assert.deepEqual([report.rowsRead, report.rowsLoaded, report.rowsRejected], [6, 43, 1]);
    const refused = report.issues.filter((i) => i.severity === "erreur");
    assert.deepEqual(refused.map((i) => [i.line, i.column]), [[7, "CODGEO"]]);
    assert.match(refused[0].message, /le code commune \(CODGEO\) doit avoir 5 caractères/);

    const count = await queryRows(
      wh.conn,
      `SELECT count(*) AS rows, count(*) FILTER (WHERE status = 'secret') AS secret,
        count(*) FILTER (WHERE status = 'absent') AS absent, count(*) FILTER (WHERE value = 0) AS zeros
       FROM stg_territory_stats`,
    );
    assert.deepEqual(count[0], { rows: 43, secret: 3, absent: 2, zeros: 0 });
    const romans = await queryRows(
      wh.conn,
      `SELECT code, variable, vintage, value FROM stg_territory_stats WHERE commune_insee = '26281'
       AND code IN ('P21_POP', 'P15_POP', 'TP6021', 'SUPERF') ORDER BY code`,
    );
    assert.deepEqual(romans.map((r) => Object.values(r)), [
      ["P15_POP", "P_POP", 2015, 33438],
      ["P21_POP", "P_POP", 2021, 33160],
      ["SUPERF", "SUPERF", null, 33.21],
      ["TP6021", "TP60", 2021, 22],
    ]);
    const secret = await queryRows(
      wh.conn,
      "SELECT value, status FROM stg_territory_stats WHERE commune_insee = '26226' AND variable = 'TP60'",
    );
    assert.deepEqual(secret, [{ value: null, status: "secret" }]);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
