/**
 * `deno task test`: static checks (format, lint, types), then the site built on the bundled
 * sample data with the network cut, in an isolated workspace (its own warehouse, secret and
 * archive, so the officer's data is never touched), then every test: unit tests beside the code,
 * integration tests and the browser tests on the built site. Ends with `N passed, N failed`.
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";

const workspace = await Deno.makeTempDir({ prefix: "observatoire-test-" });
const sample = join(PROJECT_ROOT, "data", "sample");
const env = {
  DENO_NO_UPDATE_CHECK: "1",
  OBSERVATOIRE_SAMPLE_DIR: sample,
  OBSERVATOIRE_INBOX: join(sample, "inbox"),
  OBSERVATOIRE_WAREHOUSE: join(workspace, "observatoire.duckdb"),
  OBSERVATOIRE_SECRET: join(workspace, "cle-pseudonymisation"),
  OBSERVATOIRE_ARCHIVE: join(workspace, "archive"),
};

function run(args: string[], offline = false): Promise<Deno.CommandOutput> {
  const [command, allArgs] = offline
    ? ["unshare", ["-n", Deno.execPath(), ...args]]
    : [Deno.execPath(), args];
  return new Deno.Command(command, {
    args: allArgs,
    cwd: PROJECT_ROOT,
    env,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
}

/** `unshare -n` (root on Linux) runs a command with no network at all. */
async function canCutNetwork(): Promise<boolean> {
  try {
    return (await new Deno.Command("unshare", { args: ["-n", "true"], stderr: "null" }).output()).success;
  } catch {
    return false;
  }
}

let passed = 0;
let failed = 0;

const checks: [string, string[]][] = [
  ["format (deno fmt --check)", ["fmt", "--check"]],
  ["lint (deno lint)", ["lint"]],
  ["types (deno check)", ["check", "src", "loaders", "tests", "observablehq.config.ts"]],
];
for (const [name, args] of checks) {
  const { success } = await run(args);
  console.log(`${name} : ${success ? "ok" : "ÉCHEC"}`);
  if (success) passed++;
  else failed++;
}

// Page data left by an earlier build must not stand in for what this build publishes.
await Deno.remove(join(PROJECT_ROOT, "pages", "data", "generated"), { recursive: true }).catch(() => {});
const offline = await canCutNetwork();
console.log(
  offline
    ? "Construction du site sur les données d'exemple, réseau coupé (unshare -n)…"
    : "Construction du site sur les données d'exemple (unshare indisponible : réseau non coupé)…",
);
const build = await run(["run", "-A", "src/cli/build.ts"], offline);
if (!build.success) {
  console.log("La construction a échoué : les autres tests ne sont pas lancés.");
  console.log(`${passed} passed, ${failed + 1} failed`);
  Deno.exit(1);
}
passed++;

const junit = join(workspace, "junit.xml");
const tests = await run(["test", "-A", `--junit-path=${junit}`, ...Deno.args]);
try {
  const xml = await Deno.readTextFile(junit);
  const attr = (name: string) =>
    Number(new RegExp(`<testsuites[^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const failures = attr("failures") + attr("errors");
  passed += attr("tests") - failures;
  failed += Math.max(failures, tests.success ? 0 : 1);
} catch {
  failed += 1; // no report: the test run itself crashed
}
if (Deno.env.get("OBSERVATOIRE_KEEP_TEST_WORKSPACE")) console.log(`Espace de test conservé : ${workspace}`);
else await Deno.remove(workspace, { recursive: true }).catch(() => {});
console.log(`${passed} passed, ${failed} failed`);
Deno.exit(failed === 0 ? 0 : 1);
