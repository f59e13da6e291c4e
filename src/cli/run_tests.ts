/**
 * `deno task test`: builds the site on the bundled sample data in an isolated workspace (its own
 * warehouse, secret and archive, so the officer's data is never touched), then runs every test:
 * unit tests beside the code, integration tests and the browser tests on the built site.
 * Ends with the line `N passed, N failed`.
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

function run(args: string[]): Promise<Deno.CommandOutput> {
  return new Deno.Command(Deno.execPath(), { args, cwd: PROJECT_ROOT, env, stdout: "inherit", stderr: "inherit" })
    .output();
}

console.log("Construction du site sur les données d'exemple…");
const build = await run(["run", "-A", "src/cli/build.ts"]);
if (!build.success) {
  console.log("La construction a échoué : aucun test lancé.");
  console.log("0 passed, 1 failed");
  Deno.exit(1);
}

const junit = join(workspace, "junit.xml");
const tests = await run(["test", "-A", `--junit-path=${junit}`, ...Deno.args]);
let passed = 0;
let failed = tests.success ? 0 : 1;
try {
  const xml = await Deno.readTextFile(junit);
  const total = Number(/<testsuites[^>]*\btests="(\d+)"/.exec(xml)?.[1] ?? 0);
  const failures = Number(/<testsuites[^>]*\bfailures="(\d+)"/.exec(xml)?.[1] ?? 0) +
    Number(/<testsuites[^>]*\berrors="(\d+)"/.exec(xml)?.[1] ?? 0);
  passed = total - failures;
  failed = Math.max(failures, tests.success ? 0 : 1);
} catch {
  // no report: the test run itself crashed, counted as one failure above
}
await Deno.remove(workspace, { recursive: true }).catch(() => {});
console.log(`${passed} passed, ${failed} failed`);
Deno.exit(failed === 0 ? 0 : 1);
