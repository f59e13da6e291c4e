/**
 * The partnership lists and testimonies of the generated sample, ingested into an in-memory
 * warehouse, checked against expected.json; no stored testimony names anyone from the sample's
 * name lists, and no text is stored without consent.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { OLD_FEMALE, OLD_MALE, YOUNG_FEMALE, YOUNG_MALE } from "../../src/sample/names.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";

const SEED = 2017;
const SCALE = 0.05;
const KEY = new Uint8Array(32).fill(1);

/** Lower case, no accents: how names are looked for in stored texts. */
const fold = (s: string) => s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

Deno.test("sample partnerships and testimonies ingest as expected.json says", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "more_kinds_partnerships_" });
  const wh = await openWarehouse(":memory:");
  const query = (sql: string, params: unknown[] = []) => queryRows(wh.conn, sql, params);
  try {
    const { expected } = await generateSample({ out: dir, scale: SCALE, seed: SEED });
    const reports = await ingestPaths(wh.conn, { paths: [join(dir, "inbox")], key: KEY });

    await t.step("every partnership and testimony file is loaded whole", () => {
      const mine = reports.filter((r) => r.kind === "partnerships" || r.kind === "testimonies");
      const files = expected.files.filter((f) => /\/(partenariats|temoignages)\.(csv|xlsx)$/.test(f.path));
      assert.equal(mine.length, files.length);
      assert.equal(
        files.length,
        Object.keys(expected.partnerships).length + Object.keys(expected.testimonies).length,
      );
      for (const f of files) {
        const [r] = mine.filter((x) => x.file === f.path);
        assert.equal(r.status, "loaded", f.path);
        assert.deepEqual(
          [r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate],
          [f.rows, f.rows, 0, 0],
          f.path,
        );
        assert.deepEqual(r.issues.filter((i) => i.severity === "erreur"), [], f.path);
      }
    });

    await t.step("partnerships per structure and per partner type", async () => {
      const rows = await query(
        "SELECT structure_id AS id, count(*) AS n FROM stg_partnerships GROUP BY ALL ORDER BY ALL",
      );
      assert.deepEqual(
        Object.fromEntries(rows.map((r) => [r.id, Number(r.n)])),
        Object.fromEntries(Object.entries(expected.partnerships).sort()),
      );
      assert.ok(
        Object.keys(expected.partnerships).length >= 6,
        "the four members and other cluster structures",
      );
      const types = await query(
        "SELECT partner_type AS t, count(*) AS n FROM stg_partnerships GROUP BY ALL ORDER BY ALL",
      );
      assert.deepEqual(
        Object.fromEntries(types.map((r) => [r.t, Number(r.n)])),
        Object.fromEntries(Object.entries(expected.partnership_types).sort()),
      );
      const [c] = await query(
        `SELECT count(*) FILTER (WHERE since IS NULL) AS no_since,
           count(*) FILTER (WHERE partner_type = 'autre' AND partner_type_label IS NULL) AS autre_unlabelled,
           count(*) FILTER (WHERE structure_id = 'accorderie' AND actor <> 'L''Accorderie') AS accorderie_actor
         FROM stg_partnerships`,
      );
      assert.deepEqual(c, { no_since: 0, autre_unlabelled: 0, accorderie_actor: 0 });
    });

    await t.step("testimonies per structure: total, with consent, per dimension", async () => {
      const rows = await query(
        `SELECT structure_id AS id, count(*) AS total, count(*) FILTER (WHERE consent) AS consented
         FROM stg_testimonies GROUP BY ALL ORDER BY ALL`,
      );
      assert.deepEqual(
        rows.map((r) => [r.id, Number(r.total), Number(r.consented)]),
        Object.entries(expected.testimonies).sort().map(([id, s]) => [id, s.total, s.consented]),
      );
      const dims = await query(
        `SELECT structure_id AS id, d, count(*) AS n FROM (SELECT structure_id, unnest(dimensions) AS d FROM stg_testimonies)
         GROUP BY ALL ORDER BY ALL`,
      );
      for (const [id, s] of Object.entries(expected.testimonies)) {
        assert.deepEqual(
          Object.fromEntries(dims.filter((r) => r.id === id).map((r) => [r.d, Number(r.n)])),
          Object.fromEntries(Object.entries(s.dimensions).sort()),
          id,
        );
      }
      const [{ unknown }] = await query("SELECT count(dimensions_unknown) AS unknown FROM stg_testimonies");
      assert.equal(unknown, 0);
    });

    await t.step("no text without consent, no first name of the sample in a stored text", async () => {
      const [{ leaked }] = await query(
        "SELECT count(*) AS leaked FROM stg_testimonies WHERE NOT consent AND text IS NOT NULL",
      );
      assert.equal(leaked, 0);
      const texts = (await query("SELECT text FROM stg_testimonies WHERE text IS NOT NULL")).map((r) =>
        String(r.text)
      );
      assert.ok(texts.length > 20);
      const firstNames = [...new Set([...OLD_FEMALE, ...OLD_MALE, ...YOUNG_FEMALE, ...YOUNG_MALE].map(fold))];
      for (const text of texts) {
        const words = new Set(fold(text).split(/[^\p{L}\p{N}'’-]+/u).flatMap((w) => [w, ...w.split(/['’]/)]));
        for (const name of firstNames) {
          // Compound names (« jean-pierre ») as a whole, simple ones as a word.
          assert.ok(!words.has(name) && !fold(text).includes(` ${name} `), `« ${name} » in « ${text} »`);
        }
      }
      // The sample did name people: they were redacted, not absent.
      assert.ok(texts.some((x) => x.includes("[prénom]")));
      assert.ok(texts.some((x) => x.includes("[nom]")));
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
