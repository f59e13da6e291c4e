/**
 * A throw-away copy of the project for tests that run `deno task build` on another warehouse:
 * the build writes `pages/data/generated/`, Framework's cache and `dist/` inside the project
 * (Framework only reads its own root), so running it in place would replace the page data and
 * the site the rest of the suite checks. The copy holds the sources and the committed reference
 * data; `node_modules` is linked, not copied.
 *
 * @module
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";

/** What a build needs, relative to the project root (generated folders left out). */
const ENTRIES = [
  "src",
  "loaders",
  "pages",
  "data/reference",
  "data/indicators",
  "data/sroi",
  "deno.json",
  "deno.lock",
  "package.json",
  "observablehq.config.ts",
  ".npmrc",
];
/** Generated inside `pages/`: never copied (the copy must start as a fresh clone does). */
const GENERATED = ["pages/.observablehq", "pages/data/generated", "pages/outils/modeles"];

/** Copies the project into a new temporary folder; returns its path. */
export async function copyProject(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "observatoire-copie-" });
  for (const entry of ENTRIES) {
    const from = join(PROJECT_ROOT, entry);
    if (!(await Deno.stat(from).then(() => true, () => false))) continue;
    await Deno.mkdir(join(dir, entry, ".."), { recursive: true });
    const { success } = await new Deno.Command("cp", { args: ["-R", from, join(dir, entry)] }).output();
    if (!success) throw new Error(`copie impossible : ${entry}`);
  }
  for (const generated of GENERATED) {
    await Deno.remove(join(dir, generated), { recursive: true }).catch(() => {});
  }
  await Deno.symlink(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** What a build of a copy printed. */
export interface CopyBuild {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `deno task build`'s script in `project` (a copy) on the exports of `inbox`, with its
 * warehouse, key and archive in `workspace`: nothing of the officer's or of the suite's is read.
 */
export async function buildCopy(project: string, inbox: string, workspace: string): Promise<CopyBuild> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "src/cli/build.ts"],
    cwd: project,
    env: {
      DENO_NO_UPDATE_CHECK: "1",
      OBSERVATOIRE_INBOX: inbox,
      OBSERVATOIRE_WAREHOUSE: join(workspace, "observatoire.duckdb"),
      OBSERVATOIRE_SECRET: join(workspace, "cle"),
      OBSERVATOIRE_ARCHIVE: join(workspace, "archive"),
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}
