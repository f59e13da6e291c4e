/**
 * Undo and re-kind (issue 12, observed failure 2): a member list loaded under the wrong kind is
 * reloaded with `--kind` and its earlier rows are gone; `unload` withdraws a load by number or by
 * file name from every table its loader wrote, records who, when and why, and the file can be
 * loaded again.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { findLoads, unloadTargets } from "../../src/ingest/unload_load.ts";
import { stagingTablesWithLoads } from "../../src/ingest/withdraw_loads.ts";
import { publishQuality } from "../../src/site/publish_quality.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const KEY = new Uint8Array(32).fill(5);
const FIXTURES = new URL("../fixtures/unload/", import.meta.url);
const NOW = new Date("2025-01-10T09:30:00Z");

interface Bench {
  inbox: string;
  conn: DuckDBConnection;
  ingest: (kind?: string, structureId?: string) => ReturnType<typeof ingestPaths>;
  count: (table: string) => Promise<number>;
}

/** An inbox with the registry, the member list under `ors/` and the SENACS extract at the root. */
async function withBench(run: (bench: Bench) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "unload_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "ors"), { recursive: true });
  await Deno.copyFile(new URL("structures.csv", FIXTURES), join(inbox, "structures.csv"));
  await Deno.copyFile(new URL("senacs_2024.csv", FIXTURES), join(inbox, "senacs_2024.csv"));
  await Deno.copyFile(
    new URL("liste_membres_2024.csv", FIXTURES),
    join(inbox, "ors", "liste_membres_2024.csv"),
  );
  const wh = await openWarehouse(":memory:");
  try {
    await ingestPaths(wh.conn, { paths: [inbox], key: KEY, now: NOW });
    await run({
      inbox,
      conn: wh.conn,
      ingest: (kind, structureId) =>
        ingestPaths(wh.conn, {
          paths: [join(inbox, "ors", "liste_membres_2024.csv")],
          key: KEY,
          kind,
          structureId,
          now: NOW,
        }),
      count: async (table) => Number((await queryRows(wh.conn, `SELECT count(*) AS n FROM ${table}`))[0].n),
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

const loadsOf = (conn: DuckDBConnection, file: string) =>
  queryRows(conn, "SELECT load_id, kind, structure_id FROM loads WHERE file_name = $1 ORDER BY load_id", [
    file,
  ]);

Deno.test("re-kind: a member list loaded as time-bank members is reloaded as registrations", async () => {
  await withBench(async ({ conn, ingest, count }) => {
    const [wrong] = await ingest("timebank_members");
    // The whole inbox loaded it first under its detected kind; --kind replaced it already.
    assert.equal(wrong.status, "loaded");
    assert.equal(wrong.kind, "timebank_members");
    assert.equal(await count("stg_timebank_members"), 4);
    assert.equal(await count("stg_memberships"), 0);

    const [again] = await ingest("timebank_members");
    assert.equal(again.status, "unchanged");
    assert.match(
      again.issues[0].message,
      /contenu identique à « ors\/liste_membres_2024\.csv », déjà chargé/,
    );

    const [right] = await ingest("registrations");
    assert.equal(right.status, "loaded");
    assert.equal(right.kind, "registrations");
    assert.equal(right.format, "liste-adhesions");
    assert.deepEqual([right.rowsRead, right.rowsLoaded, right.rowsRejected], [4, 4, 0]);
    assert.deepEqual(right.superseded, [wrong.loadId]);
    assert.ok(
      right.issues.some((i) =>
        i.message ===
          `remplace le chargement n° ${wrong.loadId} du même fichier (type « timebank_members », structure « ors ») : 4 lignes retirées`
      ),
    );
    // The earlier rows are gone, the new ones are there.
    assert.equal(await count("stg_timebank_members"), 0);
    assert.equal(await count("stg_memberships"), 4);
    assert.deepEqual(await loadsOf(conn, "ors/liste_membres_2024.csv"), [
      { load_id: right.loadId, kind: "registrations", structure_id: "ors" },
    ]);
    const history = await queryRows(
      conn,
      "SELECT load_id, kind, rows_removed, reason, replaced_by FROM load_withdrawals ORDER BY load_id",
    );
    assert.deepEqual(history.at(-1), {
      load_id: wrong.loadId,
      kind: "timebank_members",
      rows_removed: 4,
      reason: "rechargé comme registrations pour la structure « ors »",
      replaced_by: right.loadId,
    });
    // Loaded again under the same kind: unchanged.
    assert.equal((await ingest("registrations"))[0].status, "unchanged");
  });
});

Deno.test("re-kind: --structure moves a load to another structure; a refused reload keeps the earlier one", async () => {
  await withBench(async ({ conn, ingest, count }) => {
    // Detected as a membership list when the inbox was loaded.
    const [first] = await loadsOf(conn, "ors/liste_membres_2024.csv");
    assert.equal(first.kind, "registrations");
    assert.equal((await ingest("registrations"))[0].status, "unchanged");
    // Forcing a kind whose columns are missing is refused: the earlier load stays.
    const [refused] = await ingest("attendance");
    assert.equal(refused.status, "rejected");
    assert.equal(await count("stg_memberships"), 4);
    assert.equal((await loadsOf(conn, "ors/liste_membres_2024.csv")).length, 1);

    const [moved] = await ingest(undefined, "vercors");
    assert.equal(moved.status, "loaded");
    assert.equal(moved.structureId, "vercors");
    assert.deepEqual(moved.superseded, [first.load_id]);
    const rows = await queryRows(
      conn,
      "SELECT structure_id, count(*) AS n FROM stg_memberships GROUP BY ALL",
    );
    assert.deepEqual(rows, [{ structure_id: "vercors", n: 4 }]);
    // The structure taken from the folder is not a request: no ping-pong on the next ingest.
    assert.equal((await ingest())[0].status, "unchanged");
  });
});

Deno.test("unload by number: rows leave every table of the loader, history recorded, reload possible", async () => {
  await withBench(async ({ conn, inbox, count }) => {
    const tables = await stagingTablesWithLoads(conn);
    assert.ok(tables.includes("stg_senacs_unmapped") && tables.includes("stg_memberships"));
    const [senacs] = await queryRows(conn, "SELECT load_id FROM loads WHERE kind = 'senacs'");
    assert.deepEqual(
      [await count("stg_senacs_answers"), await count("stg_senacs_unmapped")],
      [4, 2],
    );
    // A warehouse made before withdrawals existed: the history table is created on the way.
    await conn.run("DROP TABLE load_withdrawals");
    const report = await unloadTargets(conn, [String(senacs.load_id)], {
      reason: "extraction provisoire",
      by: "agent-test",
      now: NOW,
    });
    assert.deepEqual(report.refusals, []);
    assert.equal(report.withdrawn.length, 1);
    assert.deepEqual(report.withdrawn[0].rowsRemoved, { stg_senacs_answers: 4, stg_senacs_unmapped: 2 });
    assert.deepEqual(
      [await count("stg_senacs_answers"), await count("stg_senacs_unmapped")],
      [0, 0],
    );
    assert.deepEqual(await queryRows(conn, "SELECT * FROM loads WHERE kind = 'senacs'"), []);
    assert.deepEqual(
      await queryRows(conn, "SELECT count(*) AS n FROM load_issues WHERE load_id = $1", [senacs.load_id]),
      [{ n: 0 }],
    );
    const [history] = await queryRows(
      conn,
      `SELECT file_name, kind, structure_id, rows_loaded, rows_removed, withdrawn_by, reason,
         strftime(withdrawn_at, '%Y-%m-%d %H:%M') AS at
       FROM load_withdrawals WHERE load_id = $1`,
      [senacs.load_id],
    );
    assert.deepEqual(history, {
      file_name: "senacs_2024.csv",
      kind: "senacs",
      structure_id: null,
      rows_loaded: 4,
      rows_removed: 6,
      withdrawn_by: "agent-test",
      reason: "extraction provisoire",
      at: "2025-01-10 09:30",
    });
    // Forgotten: the same file loads again.
    const [again] = (await ingestPaths(conn, { paths: [inbox], key: KEY, now: NOW }))
      .filter((r) => r.file === "senacs_2024.csv");
    assert.equal(again.status, "loaded");
    assert.equal(await count("stg_senacs_answers"), 4);
  });
});

Deno.test("unload by file name, path or SHA-256; unknown names withdraw nothing", async () => {
  await withBench(async ({ conn, inbox, count }) => {
    const path = join(inbox, "ors", "liste_membres_2024.csv");
    const [load] = await loadsOf(conn, "ors/liste_membres_2024.csv");
    const [{ sha256 }] = await queryRows(conn, "SELECT sha256 FROM loads WHERE load_id = $1", [load.load_id]);
    for (const target of ["ors/liste_membres_2024.csv", "liste_membres_2024.csv", path, String(sha256)]) {
      assert.deepEqual(await findLoads(conn, target), { loadIds: [load.load_id] }, target);
    }
    const refused = await unloadTargets(conn, ["ors/liste_membres_2024.csv", "ors/inconnu.csv"], {
      now: NOW,
    });
    assert.deepEqual(refused.withdrawn, []);
    assert.match(refused.refusals[0].message, /^aucun chargement ne correspond à « ors\/inconnu\.csv »/);
    assert.equal((await loadsOf(conn, "ors/liste_membres_2024.csv")).length, 1);
    assert.deepEqual(await findLoads(conn, "999"), {
      message:
        "aucun chargement n° 999 dans l'entrepôt : indiquez le numéro du chargement, le nom du fichier tel que le rapport de chargement l'affiche (ex. demo/adherents.csv), son chemin ou son empreinte SHA-256",
    });

    const before = await count("stg_memberships") + await count("stg_timebank_members");
    assert.equal(before, 4);
    const done = await unloadTargets(conn, ["ors/liste_membres_2024.csv"], { by: "agent-test", now: NOW });
    assert.equal(done.reason, "motif non précisé");
    assert.equal(done.withdrawn[0].file, "ors/liste_membres_2024.csv");
    assert.equal(await count("stg_memberships") + await count("stg_timebank_members"), 0);
    assert.deepEqual(await queryRows(conn, "SELECT * FROM loaded_files WHERE sha256 = $1", [sha256]), []);

    // Qualité des données: the withdrawn load is listed, no longer counted as received, no login.
    const quality = await publishQuality(conn) as {
      withdrawn: Record<string, unknown>[];
      received: { kind: string }[];
    };
    assert.deepEqual(quality.withdrawn, [{
      file: "ors/liste_membres_2024.csv",
      sheet: null,
      kind: done.withdrawn[0].kind,
      format: done.withdrawn[0].format,
      structure_id: "ors",
      loaded_on: "2025-01-10",
      withdrawn_on: "2025-01-10",
      rows_removed: 4,
      reason: "motif non précisé",
    }]);
    assert.equal(quality.received.some((r) => r.kind === done.withdrawn[0].kind), false);
    assert.equal(JSON.stringify(quality).includes("agent-test"), false);
  });
});
