/**
 * The ISO 26000 self-assessments of the generated sample (four structures, 2019 and 2024) load
 * whole, agree with expected.json, and the marts aggregate them for the Coopération: the
 * relevance-weighted maturity of a core subject is checked against a hand calculation.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { buildMarts } from "../../src/warehouse/marts.ts";
import { encodeText } from "../../src/sample/csv.ts";

const KEY = new Uint8Array(32).fill(1);

Deno.test("sample ISO 26000 self-assessments load as expected.json says", async () => {
  const dir = await Deno.makeTempDir({ prefix: "more_kinds_iso26000_" });
  const wh = await openWarehouse(":memory:");
  try {
    const { expected } = await generateSample({ out: dir, scale: 0.05, seed: 2017 });
    const inbox = join(dir, "inbox");
    const files = expected.files.filter((f) => f.path.includes("autoevaluation_iso26000"));
    assert.equal(files.length, 8);
    await ingestPaths(wh.conn, { paths: [join(inbox, "structures.csv")], key: KEY });
    const reports = await ingestPaths(wh.conn, { paths: files.map((f) => join(inbox, f.path)), key: KEY });
    for (const r of reports) {
      assert.deepEqual([r.kind, r.status, r.rowsRejected], ["iso26000", "loaded", 0], r.file);
    }
    const sums = await queryRows(
      wh.conn,
      `SELECT structure_id, assessment_year AS year, count(*) AS n,
         sum(relevance) FILTER (WHERE maturity IS NOT NULL) AS rel, sum(relevance * maturity) AS w
       FROM stg_iso26000 GROUP BY ALL ORDER BY ALL`,
    );
    for (const s of sums) {
      const truth = expected.iso26000[String(s.structure_id)][String(s.year)];
      assert.deepEqual([s.n, s.rel, s.w], [truth.rows, truth.relevance_sum, truth.weighted_sum]);
    }
    assert.equal(sums.length, 8);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("mart_iso26000_subjects: per structure and for the Coopération, weighted by relevance", async () => {
  const dir = await Deno.makeTempDir({ prefix: "iso26000_mart_" });
  const wh = await openWarehouse(":memory:");
  try {
    await Deno.mkdir(join(dir, "a"));
    await Deno.mkdir(join(dir, "b"));
    await Deno.writeTextFile(
      join(dir, "structures.csv"),
      "Identifiant;Nom;Type;Coopération\na;Centre A;Centre social;oui\nb;Centre B;Centre social;oui\n",
    );
    const csv = (lines: string[]) =>
      encodeText(["Année;Domaine d'action;Pertinence;Maturité", ...lines].join("\n") + "\n", "utf-8");
    // Community (6.8): A has 6.8.3 forte (3) at 2 and 6.8.4 faible (1) at 4; B has 6.8.3 moyenne (2)
    // at 3 and 6.8.8 non pertinent.
    await Deno.writeFile(
      join(dir, "a", "iso.csv"),
      csv(["2024;6.8.3;3;2", "2024;6.8.4;1;4", "2024;6.2;3;1"]),
    );
    await Deno.writeFile(join(dir, "b", "iso.csv"), csv(["2024;6.8.3;2;3", "2024;6.8.8;0;"]));
    await ingestPaths(wh.conn, { paths: [dir], key: KEY });
    await buildMarts(wh.conn);
    const rows = await queryRows(
      wh.conn,
      `SELECT scope, structures, relevant_domains, maturity_mean, maturity_weighted, maturity_min
       FROM mart_iso26000_subjects WHERE core_subject = 'Communautés et développement local' ORDER BY scope`,
    );
    assert.deepEqual(rows, [
      // A: mean (2 + 4) / 2 = 3; weighted (3×2 + 1×4) / (3 + 1) = 2.5.
      {
        scope: "a",
        structures: 1,
        relevant_domains: 2,
        maturity_mean: 3,
        maturity_weighted: 2.5,
        maturity_min: 2,
      },
      // B: one relevant domain at 3.
      {
        scope: "b",
        structures: 1,
        relevant_domains: 1,
        maturity_mean: 3,
        maturity_weighted: 3,
        maturity_min: 3,
      },
      // Coopération: mean (2 + 4 + 3) / 3 = 3; weighted (6 + 4 + 6) / (3 + 1 + 2) = 2.67.
      {
        scope: "cooperation",
        structures: 2,
        relevant_domains: 3,
        maturity_mean: 3,
        maturity_weighted: 2.67,
        maturity_min: 2,
      },
    ]);
    // The catalogue's indicators over the same lines, for the Coopération in 2024:
    // all relevant domains (3×2 + 1×4 + 3×1 + 2×3) / (3 + 1 + 3 + 2) = 19/9; 6.8 only 16/6.
    const indicators = await queryRows(
      wh.conn,
      `SELECT indicator_id, value, numerator, denominator FROM mart_indicator_values
       WHERE scope = 'cooperation' AND year = 2024 AND indicator_id LIKE 'maturite_iso26000%' ORDER BY ALL`,
    );
    assert.deepEqual(indicators.map((r) => [r.indicator_id, r.numerator, r.denominator]), [
      ["maturite_iso26000", 19, 9],
      ["maturite_iso26000_communautes", 16, 6],
    ]);
    assert.ok(Math.abs(Number(indicators[0].value) - 19 / 9) < 1e-9);
    assert.ok(Math.abs(Number(indicators[1].value) - 16 / 6) < 1e-9);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
