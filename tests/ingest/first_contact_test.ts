/**
 * `deno task ingest` keeps its contract in every state a new user meets (issue 12): an empty
 * warehouse, a registry alone, exports before any registry (loaded against the shipped registry
 * of La Coopération, or refused when their folder names no known structure), an emptied
 * page-data folder, a publication or a warehouse that fails. Each run is the real command in a
 * subprocess: exit status, the JSON report on stdout (always), the French messages.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const HEADER = "IDconso;IDindividu;IDinscription;IDactivite;date;heure_debut;heure_fin;etat;quantite";
/** A Noethys consommations export: 6 presences on two days of January 2024. */
const CONSOMMATIONS = [
  HEADER,
  "501;11;3;7;08/01/2024;14:00;15:30;present;1",
  "502;12;3;7;08/01/2024;14:00;15:30;present;1",
  "503;13;4;7;08/01/2024;14:00;15:30;present;1",
  "504;11;3;7;15/01/2024;14:00;15:30;present;1",
  "505;12;3;7;15/01/2024;14:00;15:30;present;1",
  "506;14;4;7;15/01/2024;14:00;15:30;present;1",
].join("\r\n") + "\r\n";

interface Workspace {
  dir: string;
  inbox: string;
  pageData: string;
  env: Record<string, string>;
}

async function workspace(): Promise<Workspace> {
  const dir = await Deno.makeTempDir({ prefix: "premier_contact_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(inbox, { recursive: true });
  const pageData = join(dir, "page-data");
  return {
    dir,
    inbox,
    pageData,
    env: {
      DENO_NO_UPDATE_CHECK: "1",
      OBSERVATOIRE_WAREHOUSE: join(dir, "wh", "observatoire.duckdb"),
      OBSERVATOIRE_SECRET: join(dir, "cle"),
      OBSERVATOIRE_ARCHIVE: join(dir, "archive"),
      OBSERVATOIRE_PAGE_DATA: pageData,
    },
  };
}

interface FileEntry {
  path: string;
  status: string;
  kind: string | null;
  structure: string | null;
  rows_loaded: number;
  errors: { message: string }[];
  warnings: { message: string }[];
}

interface Report {
  files: FileEntry[];
  totals: { files: number; rows_loaded: number; rows_rejected: number };
  publication: { status: string; message: string | null };
  error: string | null;
}

/** Runs the real command; stdout must be one JSON report whatever happened. */
async function ingest(ws: Workspace, args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(PROJECT_ROOT, "src", "cli", "ingest.ts"), "--json", ...args],
    cwd: PROJECT_ROOT,
    env: { ...ws.env, ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  const stderr = new TextDecoder().decode(out.stderr);
  let report: Report;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new Error(`stdout is not one JSON report (exit ${out.code}):\n${stdout}\n--- stderr:\n${stderr}`);
  }
  // No stack trace ever reaches the user.
  assert.doesNotMatch(stderr, /^\s+at .*:\d+:\d+\)?$/m, stderr);
  assert.doesNotMatch(stderr, /Uncaught|error: /, stderr);
  return { code: out.code, report, stderr };
}

async function query(ws: Workspace, sql: string) {
  const wh = await openWarehouse(ws.env.OBSERVATOIRE_WAREHOUSE);
  try {
    return await queryRows(wh.conn, sql);
  } finally {
    wh.close();
  }
}

const byPath = (report: Report) => Object.fromEntries(report.files.map((f) => [f.path, f]));
const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

Deno.test("an empty inbox on an empty warehouse: exit 0, an empty JSON report, page data published", async () => {
  const ws = await workspace();
  const { code, report } = await ingest(ws, [ws.inbox]);
  assert.equal(code, 0);
  assert.deepEqual(report.files, []);
  assert.deepEqual(report.totals, { files: 0, rows_loaded: 0, rows_rejected: 0 });
  assert.equal(report.error, null);
  // Nothing was ever published: the pages get their (empty) data now.
  assert.equal(report.publication.status, "published");
  assert.ok(await exists(join(ws.pageData, "structures")), "the structures folder exists, empty");
  assert.deepEqual(JSON.parse(await Deno.readTextFile(join(ws.pageData, "structures.json"))), []);
  await Deno.remove(ws.dir, { recursive: true });
});

Deno.test("a registry alone loads and publishes: no NotFound readdir, the JSON report printed (observed failure 1)", async (t) => {
  const ws = await workspace();
  await Deno.writeTextFile(
    join(ws.inbox, "structures.csv"),
    "Identifiant;Nom;Type;Code INSEE;Commune\ncs-anneyron;Centre social d'Anneyron;Centre social;26010;Anneyron\n",
  );
  await t.step("the registry is loaded, the page data written, exit 0", async () => {
    const { code, report } = await ingest(ws, [join(ws.inbox, "structures.csv")]);
    assert.equal(code, 0);
    assert.equal(report.files.length, 1);
    const [registry] = report.files;
    assert.deepEqual([registry.path, registry.status, registry.kind, registry.rows_loaded], [
      "structures.csv",
      "loaded",
      "structures",
      1,
    ]);
    assert.deepEqual(report.publication, { status: "published", message: null });
    assert.ok(await exists(join(ws.pageData, "structures")));
    assert.ok(await exists(join(ws.pageData, "accueil.json")));
  });
  await t.step(
    "an emptied page-data folder is published again, even when nothing new is loaded",
    async () => {
      await Deno.remove(ws.pageData, { recursive: true });
      await Deno.mkdir(ws.pageData);
      const { code, report } = await ingest(ws, [join(ws.inbox, "structures.csv")]);
      assert.equal(code, 0);
      assert.equal(report.files[0].status, "unchanged");
      assert.equal(report.publication.status, "published");
      assert.ok(await exists(join(ws.pageData, "accueil.json")));
      const again = await ingest(ws, [join(ws.inbox, "structures.csv")]);
      assert.equal(again.report.publication.status, "not_needed");
    },
  );
  await Deno.remove(ws.dir, { recursive: true });
});

Deno.test("exports before any registry: La Coopération's folders load against the shipped registry, an unknown folder is refused", async (t) => {
  const ws = await workspace();
  for (const folder of ["ors", "maison-du-lac"]) {
    await Deno.mkdir(join(ws.inbox, folder));
    await Deno.writeTextFile(join(ws.inbox, folder, "consommations.csv"), CONSOMMATIONS);
  }
  await t.step("exit 1, the shipped registry's row for ors only, the unknown folder named", async () => {
    const { code, report } = await ingest(ws, [ws.inbox]);
    assert.equal(code, 1);
    const files = byPath(report);
    assert.deepEqual(Object.keys(files).sort(), [
      "data/reference/structures_cooperation.csv",
      "maison-du-lac/consommations.csv",
      "ors/consommations.csv",
    ]);
    const reference = files["data/reference/structures_cooperation.csv"];
    assert.equal(reference.status, "loaded");
    assert.equal(reference.rows_loaded, 1);
    assert.match(
      reference.warnings[0].message,
      /^« ors » absente du registre chargé : repris du registre de La Coopération/,
    );
    assert.equal(files["ors/consommations.csv"].status, "loaded");
    assert.equal(files["ors/consommations.csv"].rows_loaded, 6);
    const refused = files["maison-du-lac/consommations.csv"];
    assert.equal(refused.status, "rejected");
    assert.equal(refused.structure, "maison-du-lac");
    assert.equal(
      refused.errors[0].message,
      "structure « maison-du-lac » absente du registre des structures (dossier « maison-du-lac ») : ajoutez une ligne « maison-du-lac » au registre (structures.csv, à la racine de data/inbox) puis chargez-le, ou renommez le dossier d'après un identifiant du registre (registre livré pour La Coopération : ors, saint-nicolas, noel-guichard, accorderie)",
    );
    assert.deepEqual(report.totals, { files: 3, rows_loaded: 7, rows_rejected: 0 });
    assert.equal(report.publication.status, "published");
    const structures = await query(
      ws,
      "SELECT structure_id, name, structure_type, commune, in_cooperation FROM stg_structures",
    );
    assert.deepEqual(structures, [{
      structure_id: "ors",
      name: "Maison de quartier des Ors",
      structure_type: "Centre social",
      commune: "Romans-sur-Isère",
      in_cooperation: true,
    }]);
  });
  await t.step(
    "the officer's registry then loaded wins over the shipped row, and adds her structure",
    async () => {
      await Deno.remove(join(ws.inbox, "maison-du-lac"), { recursive: true });
      await Deno.writeTextFile(
        join(ws.inbox, "structures.csv"),
        [
          "Identifiant;Nom;Type;Commune;Coopération",
          "ors;MQ des Ors (Romans);Centre social;Romans-sur-Isère;oui",
          "saint-nicolas;Maison de quartier Saint-Nicolas (registre de la chargée);Centre social;Romans-sur-Isère;oui",
        ].join("\n") + "\n",
      );
      await Deno.mkdir(join(ws.inbox, "saint-nicolas"));
      await Deno.writeTextFile(
        join(ws.inbox, "saint-nicolas", "consommations.csv"),
        CONSOMMATIONS.replaceAll(/^50/gm, "70"),
      );
      const { code, report } = await ingest(ws, [ws.inbox]);
      assert.equal(code, 0);
      // Her registry knows saint-nicolas: the shipped registry is not read again.
      assert.equal(byPath(report)["data/reference/structures_cooperation.csv"], undefined);
      assert.equal(byPath(report)["saint-nicolas/consommations.csv"].status, "loaded");
      const names = await query(ws, "SELECT structure_id, name FROM stg_structures ORDER BY 1");
      assert.deepEqual(names, [
        { structure_id: "ors", name: "MQ des Ors (Romans)" },
        { structure_id: "saint-nicolas", name: "Maison de quartier Saint-Nicolas (registre de la chargée)" },
      ]);
    },
  );
  await Deno.remove(ws.dir, { recursive: true });
});

Deno.test("a failure after loading still prints the JSON report, says what failed in French, exit 1", async (t) => {
  const ws = await workspace();
  await Deno.mkdir(join(ws.inbox, "accorderie"));
  await Deno.writeTextFile(join(ws.inbox, "accorderie", "presences.csv"), CONSOMMATIONS);
  await t.step("page data that cannot be written: the files stay loaded, publication failed", async () => {
    await Deno.writeTextFile(ws.pageData, "un fichier à la place du dossier");
    const { code, report, stderr } = await ingest(ws, [ws.inbox]);
    assert.equal(code, 1);
    assert.equal(byPath(report)["accorderie/presences.csv"].status, "loaded");
    assert.equal(report.publication.status, "failed");
    assert.match(
      report.publication.message!,
      /^les fichiers sont chargés, mais la mise à jour des données des pages a échoué : .*Relancez « deno task build » pour les publier\.$/,
    );
    assert.match(stderr, /^Erreur : les fichiers sont chargés/m);
    assert.equal(report.error, null);
  });
  await t.step("a warehouse that cannot be opened: an empty report with the French error", async () => {
    const broken = join(ws.dir, "entrepot-dossier");
    await Deno.mkdir(broken);
    const { code, report, stderr } = await ingest(ws, [ws.inbox], { OBSERVATOIRE_WAREHOUSE: broken });
    assert.equal(code, 1);
    assert.deepEqual(report.files, []);
    assert.equal(report.publication.status, "not_run");
    assert.match(report.error!, /^Erreur inattendue pendant le chargement : .*Relancez la commande/);
    assert.match(stderr, /Erreur inattendue pendant le chargement/);
  });
  await t.step("a usage error: exit 2, and with --json a report saying why", async () => {
    const { code, report, stderr } = await ingest(ws, ["--kind", "salaires", ws.inbox]);
    assert.equal(code, 2);
    assert.equal(report.error, "Type d'export inconnu : « salaires ».");
    assert.deepEqual(report.files, []);
    assert.match(stderr, /^Type d'export inconnu : « salaires »\.\nUsage : deno task ingest/);
  });
  await Deno.remove(ws.dir, { recursive: true });
});
