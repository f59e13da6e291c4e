/**
 * The federation's SENACS extract of the generated sample, ingested into an in-memory warehouse:
 * every structure's row loads, and the totals of known answers equal expected.json.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { SENACS_PATH } from "../../src/sample/senacs_files.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";

const SEED = 2017;
const SCALE = 0.05;
const KEY = new Uint8Array(32).fill(1);

Deno.test("sample SENACS extract ingests as expected.json says", async () => {
  const dir = await Deno.makeTempDir({ prefix: "more_kinds_senacs_" });
  const wh = await openWarehouse(":memory:");
  try {
    const { expected } = await generateSample({ out: dir, scale: SCALE, seed: SEED });
    const reports = await ingestPaths(wh.conn, { paths: [join(dir, "inbox")], key: KEY });
    const mine = reports.filter((r) => r.file === SENACS_PATH);
    assert.equal(mine.length, 1);
    const [r] = mine;
    assert.equal(r.kind, "senacs");
    assert.equal(r.status, "loaded");
    assert.deepEqual([r.rowsRead, r.rowsRejected, r.rowsDuplicate], [expected.senacs.structures, 0, 0]);
    // Only the structure name, which is not a question, is reported.
    assert.deepEqual(r.issues.map((i) => [i.severity, i.column]), [["avertissement", "Nom de la structure"]]);
    assert.equal(expected.senacs.structures, 39);
    assert.equal(reports.filter((x) => x.kind === "senacs").length, 1);

    const rows = await queryRows(
      wh.conn,
      `SELECT count(DISTINCT structure_id) AS structures, min(survey_year) AS y0, max(survey_year) AS y1,
         sum(value_number) FILTER (WHERE field = 'volunteers_activity') AS volunteers,
         sum(value_number) FILTER (WHERE field = 'fte_total') AS fte,
         sum(value_number) FILTER (WHERE field = 'budget_total') AS budget
       FROM stg_senacs_answers`,
    );
    const [s] = rows;
    assert.deepEqual([s.structures, s.y0, s.y1], [39, expected.senacs.year, expected.senacs.year]);
    // Every structure is in the registry.
    const [{ orphans }] = await queryRows(
      wh.conn,
      `SELECT count(*) AS orphans FROM stg_senacs_answers a
       WHERE NOT EXISTS (SELECT 1 FROM stg_structures s WHERE s.structure_id = a.structure_id)`,
    );
    assert.equal(orphans, 0);
    assert.equal(s.volunteers, expected.senacs.totals.volunteers_activity);
    assert.equal(Math.round(Number(s.fte) * 100), Math.round(expected.senacs.totals.fte_total * 100));
    assert.equal(s.budget, expected.senacs.totals.budget_total);
    // « NSP » is unknown, not zero.
    const [{ unknown }] = await queryRows(
      wh.conn,
      "SELECT count(*) AS unknown FROM stg_senacs_answers WHERE value_text = 'NSP' AND value_number IS NULL",
    );
    assert.ok(Number(unknown) > 0);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
