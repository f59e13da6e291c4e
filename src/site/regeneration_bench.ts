/**
 * Regeneration times on the sample data (issue 5), in an isolated copy of the project (its own
 * inbox, warehouse, secret, archive, page data, Framework cache and dist/): the officer's data and
 * the worktree's dist/ are never touched.
 *
 * 1. full build: empty warehouse, no page data, empty Framework cache;
 * 2. no-change rebuild: the same command again;
 * 3. one export changed: one volunteering export of the Maison de quartier des Ors corrected
 *    (one line's hours), then the same command.
 *
 * Each is `deno task build` (ingest → marts → page data → Framework build → French post-processing)
 * as a child process, timed from start to exit. Printed at the end. Needs the sample exports
 * (`deno task sample`, or any build). `deno bench -A src/site/regeneration_bench.ts`.
 *
 * @module
 */
import { join } from "node:path";
import { PROJECT_ROOT, sampleDir } from "../paths.ts";

const SAMPLE_INBOX = join(sampleDir(), "inbox");
const ready = await Deno.stat(join(SAMPLE_INBOX, "structures.csv")).then(() => true, () => false);
if (!ready) {
  console.log("Exports d'exemple absents : lancez `deno task sample` avant la mesure de régénération.");
}

/** What is copied into the isolated project (node_modules is linked). */
const COPIED = [
  "deno.json",
  "deno.lock",
  "package.json",
  ".npmrc",
  "observablehq.config.ts",
  "src",
  "loaders",
  "pages",
  "data/reference",
  "data/indicators",
];
/** Generated folders left out of the copy. */
const SKIPPED = new Set(["pages/.observablehq", "pages/data/generated"]);

async function copyTree(from: string, to: string, rel = ""): Promise<void> {
  const info = await Deno.stat(from);
  if (!info.isDirectory) {
    await Deno.copyFile(from, to);
    return;
  }
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (SKIPPED.has(child)) continue;
    await copyTree(join(from, entry.name), join(to, entry.name), child);
  }
}

let project = "";
let env: Record<string, string> = {};
const times: { label: string; seconds: number; ok: boolean; loaded: string }[] = [];

async function setUp(): Promise<void> {
  if (project) return;
  const root = await Deno.makeTempDir({ prefix: "observatoire-regeneration-" });
  project = join(root, "projet");
  await Deno.mkdir(join(project, "data"), { recursive: true });
  for (const path of COPIED) {
    await copyTree(join(PROJECT_ROOT, path), join(project, path), path).catch(() => {});
  }
  await Deno.symlink(join(PROJECT_ROOT, "node_modules"), join(project, "node_modules"));
  await copyTree(SAMPLE_INBOX, join(root, "inbox"));
  env = {
    DENO_NO_UPDATE_CHECK: "1",
    OBSERVATOIRE_INBOX: join(root, "inbox"),
    OBSERVATOIRE_SAMPLE_DIR: join(root, "exemple"),
    OBSERVATOIRE_WAREHOUSE: join(root, "entrepot", "observatoire.duckdb"),
    OBSERVATOIRE_SECRET: join(root, "cle-pseudonymisation"),
    OBSERVATOIRE_ARCHIVE: join(root, "archive"),
  };
}

/** Runs the build in the isolated project; returns the seconds it took. */
async function build(label: string): Promise<void> {
  const start = performance.now();
  const { success, stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "src/cli/build.ts"],
    cwd: project,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - start) / 1000;
  // What the ingest said: « Aucun nouvel export » or one paragraph per export loaded.
  const out = new TextDecoder().decode(stdout).split("\n");
  const loaded = out.some((l) => l.startsWith("Aucun nouvel export"))
    ? "aucun export chargé"
    : `${out.filter((l) => / : [\d\s\u202f]+ lignes chargées/.test(l)).length} export(s) chargé(s)`;
  times.push({ label, seconds, ok: success, loaded });
}

/** Corrects one line of one export (hours of the first volunteering line of 2025 at les Ors). */
async function changeOneExport(): Promise<string> {
  const dir = join(env.OBSERVATOIRE_INBOX, "ors");
  const name = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.startsWith("benevolat_")).sort()
    .at(-1)!;
  const bytes = await Deno.readFile(join(dir, name));
  // One character per byte, whatever the encoding: the bytes go back exactly as they were.
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  const changed = text.replace(
    /;(\d+)(,\d+)?\r\n/,
    (_m, whole, decimals = "") => `;${Number(whole) + 1}${decimals}\r\n`,
  );
  await Deno.writeFile(join(dir, name), Uint8Array.from(changed, (c) => c.charCodeAt(0)));
  return `ors/${name}`;
}

Deno.bench("régénération : construction complète, puis sans changement, puis un export modifié", {
  ignore: !ready,
  n: 1,
  warmup: 0,
}, async () => {
  if (times.length) return; // Deno may call a bench again: the three builds are measured once.
  await setUp();
  await build("construction complète (entrepôt vide, cache Framework vide)");
  await build("reconstruction sans changement");
  const file = await changeOneExport();
  await build(`reconstruction après un export modifié (${file})`);
});

globalThis.addEventListener("unload", () => {
  if (project) Deno.removeSync(join(project, ".."), { recursive: true });
  if (!times.length) return;
  const fmt = (s: number) => `${s.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`;
  console.log(
    ["", "Temps de régénération du site (données d'exemple) :"]
      .concat(times.map((t) => `  ${t.label} : ${fmt(t.seconds)} (${t.loaded})${t.ok ? "" : " (ÉCHEC)"}`))
      .join("\n"),
  );
});
