/**
 * The Accorderie's time bank in the generated sample (members list, one exchanges export per
 * year), ingested into an in-memory warehouse and checked against expected.json; every exchange
 * links to listed members, and no member's name is stored.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";

const SEED = 2017;
const SCALE = 0.05;
const KEY = new Uint8Array(32).fill(1);

Deno.test("sample time bank ingests as expected.json says", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "more_kinds_timebank_" });
  const wh = await openWarehouse(":memory:");
  const query = (sql: string, params: unknown[] = []) => queryRows(wh.conn, sql, params);
  try {
    const { expected } = await generateSample({ out: dir, scale: SCALE, seed: SEED });
    const reports = await ingestPaths(wh.conn, { paths: [join(dir, "inbox")], key: KEY });

    await t.step("the members list and every exchanges file load whole", () => {
      const files = expected.files.filter((f) =>
        /^accorderie\/(accordeurs|echanges_\d{4})\.csv$/.test(f.path)
      );
      assert.equal(files.length, 1 + Object.keys(expected.timebank.exchanges).length);
      for (const f of files) {
        const [r] = reports.filter((x) => x.file === f.path);
        assert.equal(r.kind, f.path.endsWith("accordeurs.csv") ? "timebank_members" : "timebank_exchanges");
        assert.equal(r.status, "loaded", f.path);
        assert.deepEqual(
          [r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate],
          [f.rows, f.rows, 0, 0],
          f.path,
        );
        assert.ok(r.issues.every((i) => i.severity === "avertissement"), f.path);
      }
    });

    await t.step("members, and exchanges and hours per year", async () => {
      const [{ n }] = await query("SELECT count(*) AS n FROM stg_timebank_members");
      assert.equal(Number(n), expected.timebank.members);
      assert.ok(expected.timebank.members >= 30);
      const rows = await query(
        `SELECT year(exchange_date) AS y, count(*) AS n, round(sum(hours), 2) AS h
         FROM stg_timebank_exchanges GROUP BY ALL ORDER BY ALL`,
      );
      assert.deepEqual(
        Object.fromEntries(rows.map((r) => [String(r.y), { count: Number(r.n), hours: Number(r.h) }])),
        expected.timebank.exchanges,
      );
      assert.deepEqual(Object.keys(expected.timebank.exchanges), [
        "2017",
        "2018",
        "2019",
        "2020",
        "2021",
        "2022",
        "2023",
        "2024",
        "2025",
      ]);
    });

    await t.step(
      "every exchange links to two different listed members; most both give and receive",
      async () => {
        const [links] = await query(
          `SELECT count(*) FILTER (WHERE g.member_ref IS NULL OR r.member_ref IS NULL) AS unlinked,
           count(*) FILTER (WHERE e.giver_ref = e.receiver_ref) AS self,
           count(*) FILTER (WHERE e.hours <= 0 OR e.hours > 12) AS bad_hours,
           count(*) FILTER (WHERE e.category IS NULL OR e.category = 'autre') AS uncategorised
         FROM stg_timebank_exchanges e
         LEFT JOIN stg_timebank_members g ON g.member_ref = e.giver_ref
         LEFT JOIN stg_timebank_members r ON r.member_ref = e.receiver_ref`,
        );
        assert.deepEqual(
          [links.unlinked, links.self, links.bad_hours, links.uncategorised].map(Number),
          [0, 0, 0, 0],
        );
        const [{ both, active }] = await query(
          `WITH g AS (SELECT DISTINCT giver_ref AS m FROM stg_timebank_exchanges),
              r AS (SELECT DISTINCT receiver_ref AS m FROM stg_timebank_exchanges)
         SELECT (SELECT count(*) FROM g JOIN r USING (m)) AS both,
                (SELECT count(*) FROM (SELECT m FROM g UNION SELECT m FROM r)) AS active`,
        );
        assert.ok(Number(both) > Number(active) / 2, `${both} of ${active}`);
      },
    );

    await t.step("no member's name reaches the warehouse", async () => {
      const text = await Deno.readTextFile(join(dir, "inbox", "accorderie", "accordeurs.csv"));
      const names = new Set<string>();
      for (const line of text.replace(/^\uFEFF/, "").trimEnd().split("\n").slice(1)) {
        const [, nom, prenom] = line.split(";");
        names.add(nom.toLowerCase());
        names.add(prenom.toLowerCase());
      }
      const stored = JSON.stringify([
        await query("SELECT * EXCLUDE (member_ref) FROM stg_timebank_members"),
        await query("SELECT service, category FROM stg_timebank_exchanges"),
      ]).toLowerCase();
      for (const name of names) assert.ok(!stored.includes(`"${name}"`), name);
      const refs = await query("SELECT member_ref FROM stg_timebank_members");
      assert.ok(refs.every((r) => /^[A-Za-z0-9_-]{20}$/.test(String(r.member_ref))));
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
