/**
 * The `deno task unload` contract, through the real command in a subprocess: usage errors exit
 * 2, a name matching no load exits 1 with its JSON report and withdraws nothing, a withdrawal
 * exits 0, records who and why, rebuilds the page data (« Qualité des données » lists it) and
 * lets the file be loaded again.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const FIXTURES = new URL("../fixtures/unload/", import.meta.url);
const MEMBERS = "ors/liste_membres_2024.csv";

async function run(script: string, args: string[], env: Record<string, string>) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(PROJECT_ROOT, "src", "cli", script), ...args],
    cwd: PROJECT_ROOT,
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("deno task unload: exit codes, JSON report, page data rebuilt, reload possible", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "unload_cli_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "ors"), { recursive: true });
  await Deno.copyFile(new URL("structures.csv", FIXTURES), join(inbox, "structures.csv"));
  await Deno.copyFile(new URL("liste_membres_2024.csv", FIXTURES), join(inbox, MEMBERS));
  const env = {
    PATH: Deno.env.get("PATH") ?? "",
    HOME: dir,
    DENO_DIR: Deno.env.get("DENO_DIR") ?? join(Deno.env.get("HOME") ?? dir, ".cache", "deno"),
    DENO_NO_UPDATE_CHECK: "1",
    OBSERVATOIRE_WAREHOUSE: join(dir, "wh", "observatoire.duckdb"),
    OBSERVATOIRE_SECRET: join(dir, "cle"),
    OBSERVATOIRE_ARCHIVE: join(dir, "archive"),
    OBSERVATOIRE_PAGE_DATA: join(dir, "page-data"),
  };
  const query = async (sql: string) => {
    const wh = await openWarehouse(env.OBSERVATOIRE_WAREHOUSE);
    try {
      return await queryRows(wh.conn, sql);
    } finally {
      wh.close();
    }
  };
  const quality = async () => JSON.parse(await Deno.readTextFile(join(dir, "page-data", "qualite.json")));
  try {
    const loaded = await run("ingest.ts", ["--json", inbox], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    const members = JSON.parse(loaded.stdout).files.find((f: { path: string }) => f.path === MEMBERS);
    assert.equal(members.rows_loaded, 4);
    assert.equal((await quality()).totals.files, 2);

    await t.step("usage errors exit 2", async () => {
      const none = await run("unload.ts", ["--json"], env);
      assert.equal(none.code, 2);
      assert.match(
        none.stderr,
        /Indiquez le fichier ou le numéro du chargement à retirer\.\nUsage : deno task unload/,
      );
      const unknown = await run("unload.ts", ["--motif", "x", MEMBERS], env);
      assert.equal(unknown.code, 2);
    });

    await t.step("a name matching no load: exit 1, JSON errors, nothing withdrawn", async () => {
      const { code, stdout } = await run("unload.ts", ["--json", MEMBERS, "ors/absent.csv"], env);
      assert.equal(code, 1);
      const report = JSON.parse(stdout);
      assert.deepEqual(report.withdrawn, []);
      assert.deepEqual(report.errors.map((e: { target: string }) => e.target), ["ors/absent.csv"]);
      assert.match(report.errors[0].message, /^aucun chargement ne correspond à « ors\/absent\.csv »/);
      assert.deepEqual(await query("SELECT count(*) AS n FROM stg_memberships"), [{ n: 4 }]);
    });

    await t.step("a withdrawal by file name: exit 0, who and why, pages rebuilt", async () => {
      const { code, stdout } = await run(
        "unload.ts",
        ["--json", "--raison", "mauvais type d'export", MEMBERS],
        { ...env, USER: "agent-test" },
      );
      assert.equal(code, 0);
      const report = JSON.parse(stdout);
      assert.equal(report.withdrawn.length, 1);
      assert.deepEqual(
        [report.withdrawn[0].path, report.withdrawn[0].structure, report.withdrawn[0].rows_removed],
        [MEMBERS, "ors", 4],
      );
      assert.deepEqual(report.withdrawn[0].tables, { stg_memberships: 4 });
      assert.deepEqual([report.reason, report.by, report.errors], [
        "mauvais type d'export",
        "agent-test",
        [],
      ]);
      assert.deepEqual(await query("SELECT count(*) AS n FROM stg_memberships"), [{ n: 0 }]);
      assert.deepEqual(await query("SELECT withdrawn_by, reason FROM load_withdrawals"), [
        { withdrawn_by: "agent-test", reason: "mauvais type d'export" },
      ]);
      // The archive keeps the original.
      assert.equal([...Deno.readDirSync(join(dir, "archive"))].length, 2);
      const page = await quality();
      assert.equal(page.totals.files, 1);
      assert.deepEqual(page.withdrawn.map((w: { file: string; reason: string }) => [w.file, w.reason]), [
        [MEMBERS, "mauvais type d'export"],
      ]);
    });

    await t.step("the file loads again; withdrawn by number, the login defaults to « inconnu »", async () => {
      const again = await run("ingest.ts", ["--json", join(inbox, "ors")], env);
      assert.equal(again.code, 0);
      const [file] = JSON.parse(again.stdout).files;
      assert.deepEqual([file.status, file.rows_loaded], ["loaded", 4]);
      const text = await run("unload.ts", [String(file.load_id)], env);
      assert.equal(text.code, 0);
      assert.match(
        text.stdout,
        new RegExp(`^chargement n° ${file.load_id} retiré : ${MEMBERS} — registrations`),
      );
      assert.match(text.stdout, /4 lignes retirées \(stg_memberships : 4\)\nMotif : motif non précisé\./);
      assert.deepEqual(await query("SELECT withdrawn_by FROM load_withdrawals ORDER BY load_id"), [
        { withdrawn_by: "agent-test" },
        { withdrawn_by: "inconnu" },
      ]);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
