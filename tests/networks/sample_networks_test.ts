/**
 * The network and volunteering marts on the generated sample (seed 2017, scale 0.05), checked
 * against expected.json and against values derived independently in this test from the raw
 * time-bank exports (member numbers, not the warehouse's pseudonyms; own union-find).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateSample } from "../../src/sample/generate.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { decodeText } from "../../src/read/decode_text.ts";
import { parseDelimited } from "../../src/read/parse_delimited.ts";
import { buildNetworkMarts } from "../../src/networks/build_marts.ts";
import { buildVolunteeringMarts } from "../../src/volunteering/build_marts.ts";

const SEED = 2017;
const SCALE = 0.05;
const KEY = new Uint8Array(32).fill(1);

/** Per year, from the raw CSV: members active, both-ways members, arcs, ties, mutual ties, components. */
async function rawTimebank(dir: string, years: string[]) {
  const out: Record<
    string,
    { nodes: number; both: number; arcs: number; ties: number; mutual: number; components: number }
  > = {};
  for (const year of years) {
    const bytes = await Deno.readFile(join(dir, "inbox", "accorderie", `echanges_${year}.csv`));
    const arcs = new Set<string>();
    const givers = new Set<string>(), receivers = new Set<string>();
    for (const { cells } of parseDelimited(decodeText(bytes).text, ";")) {
      if (!/^\d{2}\/\d{2}\/\d{4}$/.test(cells[0] ?? "")) continue;
      const [giver, receiver] = [String(Number(cells[1])), String(Number(cells[3]))];
      givers.add(giver);
      receivers.add(receiver);
      if (giver !== receiver) arcs.add(`${giver}>${receiver}`);
    }
    const nodes = new Set([...givers, ...receivers]);
    const ties = new Set<string>();
    let mutual = 0;
    const parent = new Map([...nodes].map((n) => [n, n]));
    const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
    for (const arc of arcs) {
      const [a, b] = arc.split(">");
      ties.add([a, b].sort().join("-"));
      if (a < b && arcs.has(`${b}>${a}`)) mutual++;
      parent.set(find(a), find(b));
    }
    out[year] = {
      nodes: nodes.size,
      both: [...givers].filter((g) => receivers.has(g)).length,
      arcs: arcs.size,
      ties: ties.size,
      mutual,
      components: new Set([...nodes].map(find)).size,
    };
  }
  return out;
}

Deno.test("network and volunteering marts on the sample", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "sample_networks_" });
  const wh = await openWarehouse(":memory:");
  const query = (sql: string) => queryRows(wh.conn, sql);
  try {
    const { expected } = await generateSample({ out: dir, scale: SCALE, seed: SEED });
    await ingestPaths(wh.conn, { paths: [join(dir, "inbox")], key: KEY });
    await buildNetworkMarts(wh.conn);
    const report = await buildVolunteeringMarts(wh.conn);
    assert.deepEqual(report.issues, []);

    await t.step("time bank: exchanges and hours per year as expected.json", async () => {
      const rows = await query("SELECT year, exchanges, hours FROM mart_timebank_year ORDER BY year");
      assert.deepEqual(
        Object.fromEntries(rows.map((r) => [String(r.year), { count: r.exchanges, hours: r.hours }])),
        expected.timebank.exchanges,
      );
    });

    await t.step("time bank: network metrics equal those derived from the raw exports", async () => {
      const years = Object.keys(expected.timebank.exchanges);
      const raw = await rawTimebank(dir, years);
      const rows = await query(
        `SELECT y.year, y.active_members, y.members_both, y.share_both, n.nodes, n.arcs, n.ties, n.mutual_ties,
                n.reciprocity, n.density, n.components
         FROM mart_timebank_year y JOIN mart_timebank_network_metrics n USING (structure_id, year) ORDER BY year`,
      );
      assert.equal(rows.length, years.length);
      for (const r of rows) {
        const x = raw[String(r.year)];
        assert.deepEqual(
          [r.active_members, r.nodes, r.members_both, r.arcs, r.ties, r.mutual_ties, r.components],
          [x.nodes, x.nodes, x.both, x.arcs, x.ties, x.mutual, x.components],
          String(r.year),
        );
        assert.ok(Math.abs(Number(r.reciprocity) - x.mutual / x.ties) < 1e-12);
        assert.ok(Math.abs(Number(r.density) - x.ties / (x.nodes * (x.nodes - 1) / 2)) < 1e-12);
        assert.ok(Math.abs(Number(r.share_both) - x.both / x.nodes) < 1e-12);
      }
      const [{ hours }] = await query(
        "SELECT round(sum(hours), 2) AS hours FROM mart_timebank_network_edges",
      );
      const total = Object.values(expected.timebank.exchanges).reduce((s, y) => s + y.hours, 0);
      assert.ok(Math.abs(Number(hours) - total) < 0.01, `${hours} vs ${total}`);
    });

    await t.step("time bank: pseudonyms only, no member's name in the marts", async () => {
      const text = await Deno.readTextFile(join(dir, "inbox", "accorderie", "accordeurs.csv"));
      const names = new Set<string>();
      for (const line of text.replace(/^\uFEFF/, "").trimEnd().split("\n").slice(1)) {
        const [, nom, prenom] = line.split(";");
        names.add(nom.toLowerCase());
        names.add(prenom.toLowerCase());
      }
      const stored = JSON.stringify([
        await query("SELECT * FROM mart_timebank_network_edges"),
        await query("SELECT * FROM mart_timebank_year"),
      ]).toLowerCase();
      for (const name of names) assert.ok(!stored.includes(name), name);
      const refs = await query("SELECT DISTINCT source AS r FROM mart_timebank_network_edges");
      assert.ok(refs.every((r) => /^[A-Za-z0-9_-]{20}$/.test(String(r.r))));
    });

    await t.step(
      "cluster: every reporting structure is a node, peers named as partners are structures",
      async () => {
        const lines = Object.values(expected.partnerships).reduce((s, n) => s + n, 0);
        const [{ n }] = await query("SELECT count(*) AS n FROM stg_partnerships");
        assert.equal(n, lines);
        const years = await query("SELECT * FROM mart_cluster_network_year ORDER BY year");
        const last = years.at(-1)!;
        assert.equal(last.structures, Object.keys(expected.partnerships).length);
        assert.ok(Number(last.ties) + Number(last.undated_ties) <= lines);
        assert.equal(years.reduce((s, y) => s + Number(y.new_ties), 0), last.ties);
        assert.equal(years.reduce((s, y) => s + Number(y.new_actors), 0), last.actors);
        const degrees = await query(
          "SELECT year, sum(degree) AS d, count(*) AS actors FROM mart_cluster_network_nodes GROUP BY year ORDER BY year",
        );
        degrees.forEach((d, i) => {
          assert.equal(d.d, 2 * Number(years[i].ties));
          assert.equal(d.actors, years[i].actors);
        });
        const named = await query(
          `SELECT count(*) AS n FROM mart_cluster_network_nodes m JOIN stg_structures s
         ON lower(m.label) = lower(s.name) WHERE NOT m.is_structure`,
        );
        assert.equal(named[0].n, 0);
        const coop = await query(
          `SELECT s.structure_id FROM stg_structures s WHERE s.in_cooperation AND s.structure_id NOT IN
         (SELECT actor_id FROM mart_cluster_network_nodes WHERE year = ${last.year} AND is_structure)`,
        );
        assert.deepEqual(coop, []);
      },
    );

    await t.step(
      "volunteering: hours as staged (expected.json less duplicate lines), every line valued, Coopération = sum",
      async () => {
        const mart = await query("SELECT * FROM mart_volunteering_value ORDER BY structure_id, year");
        // Lines sent twice are dropped at ingestion (checked by the ingestion tests): the staged hours.
        const staged = new Map(
          (await query(
            "SELECT structure_id, year(month) AS y, round(sum(hours), 2) AS h FROM stg_volunteering GROUP BY ALL",
          )).map((r) => [`${r.structure_id} ${r.y}`, Number(r.h)]),
        );
        for (const [id, years] of Object.entries(expected.volunteering)) {
          for (const [year, stats] of Object.entries(years)) {
            const r = mart.find((m) => m.structure_id === id && String(m.year) === year)!;
            assert.equal(r.hours, staged.get(`${id} ${year}`), `${id} ${year}`);
            assert.ok(
              Number(r.hours) <= stats.hours && Number(r.hours) > 0.95 * stats.hours,
              `${id} ${year}`,
            );
            assert.equal(r.hours_unvalued, 0);
            const value = Number(r.value_eur);
            const hours = Number(r.hours);
            assert.ok(value >= hours * 9.76 * 1.45 && value <= hours * 12.02 * 1.5 * 1.45, `${id} ${year}`);
          }
        }
        const [{ gap }] = await query(
          `SELECT max(abs(c.value_eur - s.value_eur)) AS gap FROM mart_volunteering_value c JOIN (
           SELECT year, sum(value_eur) AS value_eur FROM mart_volunteering_value m JOIN stg_structures USING (structure_id)
           WHERE in_cooperation GROUP BY year) s USING (year) WHERE c.structure_id = 'cooperation'`,
        );
        assert.ok(Number(gap) < 0.05, String(gap));
        const ledger = await query(
          "SELECT year, ledger_870_eur FROM mart_volunteering_value WHERE structure_id = 'cooperation' AND ledger_structures > 0",
        );
        assert.deepEqual(ledger.map((r) => r.year), [2023, 2024, 2025]);
        assert.ok(ledger.every((r) => Number(r.ledger_870_eur) > 0));
      },
    );
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
