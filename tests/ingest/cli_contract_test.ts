/**
 * The `deno task ingest` contract, through the real command in a subprocess: the JSON report,
 * exit codes, the archive, replacement of a re-export, serialised ingests and a kill mid-load.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { encodeWindows1252 } from "../../src/read/decode_text.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const REGISTRY = "Identifiant;Nom;Type\nors;Maison de quartier des Ors;Centre social\n";
const HEADER = "IDconso;IDindividu;IDinscription;IDactivite;date;heure_debut;heure_fin;etat;quantite";

/** A consommations export of `days` days from `first` (ISO), `perDay` rows a day. */
function consommations(first: string, days: number, perDay = 3, offset = 0): string {
  const lines = [HEADER];
  const start = Date.parse(`${first}T00:00:00Z`);
  let id = offset;
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000);
    const fr = `${String(date.getUTCDate()).padStart(2, "0")}/${
      String(date.getUTCMonth() + 1).padStart(2, "0")
    }/${date.getUTCFullYear()}`;
    for (let p = 0; p < perDay; p++) lines.push(`${++id};${p + 1};1;7;${fr};14:00;15:30;present;1`);
  }
  return lines.join("\r\n") + "\r\n";
}

interface Workspace {
  dir: string;
  inbox: string;
  env: Record<string, string>;
}

async function workspace(): Promise<Workspace> {
  const dir = await Deno.makeTempDir({ prefix: "ingest_cli_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "ors"), { recursive: true });
  await Deno.writeTextFile(join(inbox, "structures.csv"), REGISTRY);
  return {
    dir,
    inbox,
    env: {
      DENO_NO_UPDATE_CHECK: "1",
      OBSERVATOIRE_WAREHOUSE: join(dir, "wh", "observatoire.duckdb"),
      OBSERVATOIRE_SECRET: join(dir, "cle"),
      OBSERVATOIRE_ARCHIVE: join(dir, "archive"),
      OBSERVATOIRE_PAGE_DATA: join(dir, "page-data"),
    },
  };
}

function ingestCommand(ws: Workspace, args: string[]): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(PROJECT_ROOT, "src", "cli", "ingest.ts"), ...args],
    cwd: PROJECT_ROOT,
    env: ws.env,
    stdout: "piped",
    stderr: "piped",
  });
}

async function ingest(ws: Workspace, args: string[]) {
  const out = await ingestCommand(ws, args).output();
  const stdout = new TextDecoder().decode(out.stdout);
  return { code: out.code, stdout, stderr: new TextDecoder().decode(out.stderr) };
}

async function query(ws: Workspace, sql: string) {
  const wh = await openWarehouse(ws.env.OBSERVATOIRE_WAREHOUSE);
  try {
    return await queryRows(wh.conn, sql);
  } finally {
    wh.close();
  }
}

Deno.test("ingest --json: the report, exit codes, archive and idempotence", async (t) => {
  const ws = await workspace();
  await Deno.writeFile(
    join(ws.inbox, "ors", "consommations_2024.csv"),
    encodeWindows1252(consommations("2024-01-08", 10)),
  );
  await Deno.writeTextFile(
    join(ws.inbox, "ors", "saisie.csv"),
    `${HEADER}\n1001;4;1;7;31/02/2024;14:00;15:00;present;1\n1002;4;1;7;12/02/2024;14:00;15:00;present;1\n`,
  );
  await Deno.writeTextFile(join(ws.inbox, "ors", "notes.csv"), "Remarque;Auteur\nSalle fermée;Julie\n");

  await t.step("one JSON object; a file rejected whole gives exit 1", async () => {
    const { code, stdout } = await ingest(ws, ["--json", ws.inbox]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    const byPath = Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f]));
    assert.deepEqual(Object.keys(byPath).sort(), [
      "ors/consommations_2024.csv",
      "ors/notes.csv",
      "ors/saisie.csv",
      "structures.csv",
    ]);
    const main = byPath["ors/consommations_2024.csv"];
    assert.equal(main.status, "loaded");
    assert.equal(main.kind, "attendance");
    assert.equal(main.structure, "ors");
    assert.equal(main.rows_read, 30);
    assert.equal(main.rows_loaded, 30);
    assert.match(main.sha256, /^[0-9a-f]{64}$/);
    const partial = byPath["ors/saisie.csv"];
    assert.equal(partial.status, "partial");
    assert.deepEqual([partial.rows_read, partial.rows_loaded, partial.rows_rejected], [2, 1, 1]);
    assert.deepEqual(partial.errors, [{
      line: 2,
      column: "date",
      value: "31/02/2024",
      message: "« 31/02/2024 » : le 31 février 2024 n'existe pas",
    }]);
    assert.equal(byPath["ors/notes.csv"].status, "rejected");
    assert.match(byPath["ors/notes.csv"].errors[0].message, /type d'export non reconnu/);
    assert.deepEqual(report.totals, { files: 4, rows_loaded: 32, rows_rejected: 1 });
  });

  await t.step("every original is archived unchanged under its SHA-256, the rejected one too", async () => {
    const names = [];
    for await (const e of Deno.readDir(ws.env.OBSERVATOIRE_ARCHIVE)) names.push(e.name);
    assert.equal(names.length, 4);
    const notes = await Deno.readFile(join(ws.inbox, "ors", "notes.csv"));
    const hash = Array.from(
      new Uint8Array(await crypto.subtle.digest("SHA-256", notes)),
      (b) => b.toString(16).padStart(2, "0"),
    ).join("");
    assert.deepEqual(await Deno.readFile(join(ws.env.OBSERVATOIRE_ARCHIVE, `${hash}.csv`)), notes);
  });

  await t.step("the same files again are unchanged and add nothing", async () => {
    await Deno.remove(join(ws.inbox, "ors", "notes.csv"));
    const { code, stdout } = await ingest(ws, ["--json", ws.inbox]);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.files.map((f: { status: string }) => f.status), [
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    const [{ n }] = await query(ws, "SELECT count(*) AS n FROM stg_attendance");
    assert.equal(n, 31);
  });

  await t.step("usage errors exit 2 with a French message", async () => {
    const none = await ingest(ws, []);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Indiquez au moins un fichier/);
    const kind = await ingest(ws, ["--kind", "salaires", ws.inbox]);
    assert.equal(kind.code, 2);
    assert.match(kind.stderr, /Type d'export inconnu : « salaires »/);
    const missing = await ingest(ws, [join(ws.dir, "absent")]);
    assert.equal(missing.code, 2);
  });

  await t.step("the human summary is French", async () => {
    await Deno.writeTextFile(
      join(ws.inbox, "ors", "encore.csv"),
      `${HEADER}\n2001;9;1;7;03/03/2024;10:00;11:00;present;1\n`,
    );
    const { code, stdout } = await ingest(ws, [join(ws.inbox, "ors", "encore.csv")]);
    assert.equal(code, 0);
    assert.match(stdout, /encore\.csv — noethys-consommations : 1 lignes chargées, 0 rejetées/);
  });
  await Deno.remove(ws.dir, { recursive: true });
});

Deno.test("a corrected re-export covering the same period replaces the earlier load", async () => {
  const ws = await workspace();
  // January, 3 rows a day; then the re-export of the whole quarter, with other ids.
  await Deno.writeTextFile(join(ws.inbox, "ors", "janvier.csv"), consommations("2024-01-01", 31));
  assert.equal((await ingest(ws, [ws.inbox])).code, 0);
  await Deno.writeTextFile(join(ws.inbox, "ors", "trimestre.csv"), consommations("2024-01-01", 91, 2, 5000));
  const { stdout } = await ingest(ws, ["--json", join(ws.inbox, "ors", "trimestre.csv")]);
  const [file] = JSON.parse(stdout).files;
  assert.equal(file.rows_loaded, 182);
  assert.equal(file.superseded_loads.length, 1);
  const [{ n }] = await query(ws, "SELECT count(*) AS n FROM stg_attendance");
  assert.equal(n, 182);
  const loads = await query(
    ws,
    "SELECT file_name, superseded_by IS NOT NULL AS old FROM loads WHERE kind = 'attendance' ORDER BY load_id",
  );
  assert.deepEqual(loads, [{ file_name: "ors/janvier.csv", old: true }, {
    file_name: "ors/trimestre.csv",
    old: false,
  }]);
  // A later file for February only does not cover the quarter: it adds to it.
  await Deno.writeTextFile(join(ws.inbox, "ors", "fevrier.csv"), consommations("2024-02-01", 29, 1, 9000));
  await ingest(ws, [join(ws.inbox, "ors", "fevrier.csv")]);
  const [{ m }] = await query(ws, "SELECT count(*) AS m FROM stg_attendance");
  assert.equal(m, 182 + 29);
  await Deno.remove(ws.dir, { recursive: true });
});

Deno.test("two ingests at once are serialised, never interleaved", async () => {
  const ws = await workspace();
  await Deno.writeTextFile(join(ws.inbox, "ors", "a.csv"), consommations("2024-03-01", 5));
  await Deno.mkdir(join(ws.dir, "wh"), { recursive: true });
  const lock = await Deno.open(`${ws.env.OBSERVATOIRE_WAREHOUSE}.lock`, { create: true, write: true });
  await lock.lock(true);
  const child = ingestCommand(ws, [ws.inbox]).spawn();
  const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!seen.includes("attente")) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value;
  }
  assert.match(seen, /Un autre chargement ou une construction utilise l'entrepôt : attente de sa fin/);
  lock.close(); // releases: the waiting ingest goes on
  await reader.cancel();
  const status = await child.status;
  await child.stdout.cancel().catch(() => {});
  assert.equal(status.code, 0);
  const [{ n }] = await query(ws, "SELECT count(*) AS n FROM stg_attendance");
  assert.equal(n, 15);
  await Deno.remove(ws.dir, { recursive: true });
});

Deno.test("a load killed mid-write leaves the warehouse exactly as before", async () => {
  const ws = await workspace();
  await Deno.writeTextFile(join(ws.inbox, "ors", "petit.csv"), consommations("2023-01-02", 10));
  assert.equal((await ingest(ws, [ws.inbox])).code, 0);
  const before = await query(
    ws,
    "SELECT (SELECT count(*) FROM stg_attendance) AS rows, (SELECT count(*) FROM loads) AS loads, (SELECT count(*) FROM load_issues) AS issues",
  );
  // A big file: 3,650 days × 60 rows = 219,000 rows, killed once its write has begun.
  await Deno.writeTextFile(join(ws.inbox, "ors", "gros.csv"), consommations("2010-01-01", 3650, 60, 100_000));
  const child = ingestCommand(ws, [join(ws.inbox, "ors", "gros.csv")]).spawn();
  const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (!seen.includes("écriture de")) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value;
  }
  assert.match(seen, /écriture de 219[\s\u202f]000 lignes : ors\/gros\.csv/);
  await new Promise((resolve) => setTimeout(resolve, 150));
  child.kill("SIGKILL");
  const status = await child.status;
  assert.equal(status.success, false, "the load should still have been running");
  await reader.cancel();
  await child.stdout.cancel().catch(() => {});
  const after = await query(
    ws,
    "SELECT (SELECT count(*) FROM stg_attendance) AS rows, (SELECT count(*) FROM loads) AS loads, (SELECT count(*) FROM load_issues) AS issues",
  );
  assert.deepEqual(after, before);
  // and the file loads in full when sent again
  const again = await ingest(ws, ["--json", join(ws.inbox, "ors", "gros.csv")]);
  assert.equal(JSON.parse(again.stdout).files[0].rows_loaded, 219_000);
  await Deno.remove(ws.dir, { recursive: true });
});
