/**
 * Volunteers counted above the structure (issue 14, item 10). Two structures of La Coopération
 * (and of the cluster), five volunteers each, one of them (Hélène Faure, born 2 March 1984,
 * written « FAURE Helene » at the Tilleul) active in both. Hand-computed, 2024:
 *
 * - with birth dates: Ors 5, Tilleul 5, Coopération / cluster / département 9 (Hélène once),
 *   unit « personnes »; governance volunteers (CA, bureau): Ors 1, Tilleul 1, Coopération 2;
 * - without birth dates: Ors 5, Tilleul 5, Coopération 10 (Hélène twice), unit « bénévoles ×
 *   structures »;
 * - birth dates everywhere but one line of the Tilleul (Thierry Blanc): Coopération 9 (Hélène
 *   linked, counted once), still « bénévoles × structures » since one line is unlinked.
 *
 * Fixtures: tests/fixtures/volunteering/ (hand-written, the layout of loaders/volunteering.ts).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { buildMarts } from "../../src/warehouse/marts.ts";
import { volunteerKey } from "../../loaders/volunteer_key.ts";
import { volunteeringLoader } from "../../loaders/volunteering.ts";
import type { LoadContext } from "../../src/ingest/loader_spec.ts";
import { publishIndicators } from "../../src/site/publish_indicators.ts";
import { publishStory } from "../../src/site/publish_story.ts";
import { publishCluster } from "../../src/site/publish_cluster.ts";
import { publishCooperation } from "../../src/site/publish_cooperation.ts";
import { VOLUNTEERS_BY_STRUCTURE } from "../../src/volunteering/count_unit.ts";

const KEY = new Uint8Array(32).fill(7);
const FIXTURES = new URL("../fixtures/volunteering/", import.meta.url);

/** A context whose pseudonyms are readable, to test which parts enter a key. */
const READABLE: LoadContext = {
  structureId: "ors",
  pseudonym: (parts: readonly string[]) => parts.join("|"),
  qpvOf: () => null,
} as unknown as LoadContext;

Deno.test("volunteerKey: name words in any order, accents and case ignored; no key without a birth date", () => {
  const a = volunteerKey(READABLE, "Hélène Faure", "1984-03-02");
  assert.equal(a, "benevole-reseau|faure helene|1984-03-02");
  assert.equal(volunteerKey(READABLE, "FAURE  Helene", "1984-03-02"), a);
  // A namesake born another day is another person; no birth date, no cross-structure key.
  assert.notEqual(volunteerKey(READABLE, "Hélène Faure", "1991-07-12"), a);
  assert.equal(volunteerKey(READABLE, "Hélène Faure", null), null);
});

Deno.test("volunteering loader: volunteer_key beside the per-structure volunteer_ref, no birth date stored", () => {
  const [{ row }] = volunteeringLoader.toRows({
    volunteer: "Hélène Faure",
    birth_date: "1984-03-02",
    month: null,
    date: "2024-02-06",
    mission: "Accueil",
    hours: 2,
  }, READABLE);
  assert.equal(row.volunteer_ref, "benevole|ors|Hélène Faure");
  assert.equal(row.volunteer_key, "benevole-reseau|faure helene|1984-03-02");
  assert.deepEqual(
    Object.keys(row).sort(),
    [
      "activity_date",
      "hours",
      "mission",
      "month",
      "record_ref",
      "structure_id",
      "volunteer_key",
      "volunteer_ref",
    ],
  );
});

/** Ingests the registry and one volunteering file per structure, then builds every mart. */
async function warehouseOf(ors: string, tilleul: string) {
  const dir = await Deno.makeTempDir({ prefix: "volunteer_linkage_" });
  const inbox = join(dir, "inbox");
  for (const s of ["ors", "tilleul"]) await Deno.mkdir(join(inbox, s), { recursive: true });
  await Deno.copyFile(new URL("structures.csv", FIXTURES), join(inbox, "structures.csv"));
  await Deno.copyFile(new URL(ors, FIXTURES), join(inbox, "ors", "benevolat_2024.csv"));
  await Deno.copyFile(new URL(tilleul, FIXTURES), join(inbox, "tilleul", "benevolat_2024.csv"));
  const wh = await openWarehouse(":memory:");
  const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY, archiveDir: join(dir, "archive") });
  await buildMarts(wh.conn);
  return { dir, wh, reports };
}

async function values(conn: DuckDBConnection, indicator: string): Promise<Record<string, number>> {
  const rows = await queryRows(
    conn,
    "SELECT scope, value FROM mart_indicator_values WHERE indicator_id = $1 AND year = 2024 ORDER BY scope",
    [indicator],
  );
  return Object.fromEntries(rows.map((r) => [String(r.scope), Number(r.value)]));
}

/** The unit each page's data gives the volunteer count, per scope. */
async function publishedUnits(conn: DuckDBConnection) {
  const indicators = await publishIndicators(conn) as {
    catalogue: { id: string; unit: string }[];
    units: Record<string, Record<string, string>>;
  };
  const catalogueUnit = indicators.catalogue.find((c) => c.id === "benevoles_actifs")!.unit;
  const at = (scope: string) => indicators.units.benevoles_actifs?.[scope] ?? catalogueUnit;
  const story = await publishStory(conn, "cooperation", "cooperation");
  const ors = await publishStory(conn, "structure", "ors");
  const cluster = await publishCluster(conn) as { indicators: { catalogue: { id: string; unit: string }[] } };
  const cooperation = await publishCooperation(conn);
  type YearRow = { scope: string; year: number; volunteers: number | null; volunteers_unit: string | null };
  const yearRow = (scope: string) =>
    (cooperation.years as YearRow[]).find((r) => r.scope === scope && r.year === 2024);
  return {
    valueChain: {
      cooperation: at("cooperation"),
      cluster: at("cluster"),
      departement: at("departement"),
      ors: at("ors"),
    },
    cooperationStory: story.indicators.find((x) => x.id === "benevoles_actifs")?.unit,
    cooperationGovernance: story.indicators.find((x) => x.id === "benevoles_gouvernance")?.unit,
    cooperationHours: story.indicators.find((x) => x.id === "heures_benevolat")?.unit,
    orsStory: ors.indicators.find((x) => x.id === "benevoles_actifs")?.unit,
    cluster: cluster.indicators.catalogue.find((x) => x.id === "benevoles_actifs")?.unit,
    cooperationCard: cooperation.volunteerUnit,
    cooperationVolunteers: yearRow("cooperation")?.volunteers,
    // The published table activite_annuelle (mart_activity_year) carries the unit too.
    yearUnits: { cooperation: yearRow("cooperation")?.volunteers_unit, ors: yearRow("ors")?.volunteers_unit },
  };
}

Deno.test("one volunteer in two structures, with birth dates: counted once above the structure", async () => {
  const { dir, wh, reports } = await warehouseOf("ors_avec_naissance.csv", "tilleul_avec_naissance.csv");
  try {
    assert.deepEqual(
      reports.filter((r) => r.kind === "volunteering").map((r) => [r.file, r.status, r.rowsLoaded]),
      [["ors/benevolat_2024.csv", "loaded", 6], ["tilleul/benevolat_2024.csv", "loaded", 5]],
    );
    // Hélène Faure has one key in both structures; every line has one.
    const [keys] = await queryRows(
      wh.conn,
      `SELECT count(*) FILTER (WHERE volunteer_key IS NULL)::INTEGER AS unlinked,
         count(DISTINCT volunteer_key)::INTEGER AS keys, count(DISTINCT volunteer_ref)::INTEGER AS refs
       FROM stg_volunteering`,
    );
    assert.deepEqual(keys, { unlinked: 0, keys: 9, refs: 10 });
    // Nothing personal reaches the warehouse: no name, no birth date (not even the year).
    const [{ leaks }] = await queryRows(
      wh.conn,
      `SELECT count(*)::INTEGER AS leaks FROM stg_volunteering t
       WHERE regexp_matches(lower(CAST(t AS VARCHAR)), 'faure|helene|hélène|diallo|garnier|1984|02/03|1990-09-17')`,
    );
    assert.equal(leaks, 0);
    assert.deepEqual(await values(wh.conn, "benevoles_actifs"), {
      cluster: 9,
      cooperation: 9,
      departement: 9,
      ors: 5,
      tilleul: 5,
    });
    assert.deepEqual(await values(wh.conn, "benevoles_gouvernance"), {
      cluster: 2,
      cooperation: 2,
      departement: 2,
      ors: 1,
      tilleul: 1,
    });
    assert.deepEqual(await publishedUnits(wh.conn), {
      valueChain: {
        cooperation: "personnes",
        cluster: "personnes",
        departement: "personnes",
        ors: "personnes",
      },
      cooperationStory: "personnes",
      cooperationGovernance: "personnes",
      cooperationHours: "heures",
      orsStory: "personnes",
      cluster: "personnes",
      cooperationCard: null,
      cooperationVolunteers: 9,
      yearUnits: { cooperation: "personnes", ors: "personnes" },
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the same volunteer without birth dates: counted twice, published as « bénévoles × structures »", async () => {
  const { dir, wh } = await warehouseOf("ors_sans_naissance.csv", "tilleul_sans_naissance.csv");
  try {
    assert.deepEqual(await values(wh.conn, "benevoles_actifs"), {
      cluster: 10,
      cooperation: 10,
      departement: 10,
      ors: 5,
      tilleul: 5,
    });
    const x = VOLUNTEERS_BY_STRUCTURE;
    assert.equal(x, "bénévoles × structures");
    assert.deepEqual(await publishedUnits(wh.conn), {
      valueChain: { cooperation: x, cluster: x, departement: x, ors: "personnes" },
      cooperationStory: x,
      cooperationGovernance: x,
      cooperationHours: "heures",
      orsStory: "personnes",
      cluster: x,
      cooperationCard: x,
      cooperationVolunteers: 10,
      yearUnits: { cooperation: x, ors: "personnes" },
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("partial linkage: linked volunteers once, the unit still « bénévoles × structures »", async () => {
  const { dir, wh } = await warehouseOf("ors_avec_naissance.csv", "tilleul_naissance_partielle.csv");
  try {
    assert.deepEqual(await values(wh.conn, "benevoles_actifs"), {
      cluster: 9,
      cooperation: 9,
      departement: 9,
      ors: 5,
      tilleul: 5,
    });
    const [{ linked, unlinked }] = await queryRows(
      wh.conn,
      "SELECT linked_lines::INTEGER AS linked, unlinked_lines::INTEGER AS unlinked FROM ind_volunteer_count_unit WHERE scope = 'cooperation'",
    );
    assert.deepEqual([linked, unlinked], [10, 1]);
    const units = await publishedUnits(wh.conn);
    assert.equal(units.cooperationStory, VOLUNTEERS_BY_STRUCTURE);
    assert.equal(units.cooperationCard, VOLUNTEERS_BY_STRUCTURE);
    assert.equal(units.valueChain.ors, "personnes");
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
