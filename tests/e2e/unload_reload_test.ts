/**
 * `task unload` removes a load and the pages change accordingly (issue 12): a small warehouse is
 * loaded by the real `deno task ingest`, its « Qualité des données » page is served by Framework's
 * preview server (what `deno task dev` runs, set up as in dev_reload_test.ts), then the real
 * `deno task unload` withdraws the member list: the open page counts one export fewer and lists
 * the withdrawn load with its reason, without a reload.
 */
import assert from "node:assert/strict";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { NODE_MODULES, PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { FRAMEWORK_ENV } from "../../src/site/framework.ts";
import { freePort, waitForServer } from "../support/local_server.ts";

const CLI = join(NODE_MODULES, "@observablehq", "framework", "dist", "bin", "observable.js");
const FIXTURES = new URL("../fixtures/unload/", import.meta.url);
const MEMBERS = "ors/liste_membres_2024.csv";

/** Runs one of the project's commands (src/cli/<script>) against the temporary warehouse. */
async function task(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(PROJECT_ROOT, "src", "cli", script), ...args],
    cwd: PROJECT_ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0, `${script} : ${new TextDecoder().decode(out.stderr)}`);
  return stdout;
}

Deno.test("task unload removes a load and the open Qualité page changes accordingly", async () => {
  const root = await Deno.makeTempDir({ prefix: "retrait-" });
  const pages = join(root, "pages");
  const inbox = join(root, "inbox");
  await Deno.mkdir(join(inbox, "ors"), { recursive: true });
  await Deno.copyFile(new URL("structures.csv", FIXTURES), join(inbox, "structures.csv"));
  await Deno.copyFile(new URL("liste_membres_2024.csv", FIXTURES), join(inbox, MEMBERS));
  await cp(join(PROJECT_ROOT, "pages", "components"), join(pages, "components"), { recursive: true });
  // The npm modules Framework resolved at build time (offline: nothing is fetched).
  await cp(join(PROJECT_ROOT, "pages", ".observablehq", "cache"), join(pages, ".observablehq", "cache"), {
    recursive: true,
  });
  for (const name of ["qualite.md", "style.css"]) {
    await Deno.copyFile(join(PROJECT_ROOT, "pages", name), join(pages, name));
  }
  await Deno.writeTextFile(
    join(root, "config.mjs"),
    `export default {root: "pages", title: "Essai", style: "style.css", pager: false, globalStylesheets: [],
      pages: [{name: "Qualité", path: "/qualite"}], duckdb: {extensions: {json: null, parquet: null}}};\n`,
  );
  const env = {
    DENO_NO_UPDATE_CHECK: "1",
    OBSERVATOIRE_WAREHOUSE: join(root, "wh", "observatoire.duckdb"),
    OBSERVATOIRE_SECRET: join(root, "cle"),
    OBSERVATOIRE_ARCHIVE: join(root, "archive"),
    OBSERVATOIRE_PAGE_DATA: join(pages, "data", "generated"),
  };
  // The registry and the member list, loaded as the officer would.
  const loaded = JSON.parse(await task("ingest.ts", ["--json", inbox], env));
  assert.deepEqual(loaded.files.map((f: { status: string }) => f.status), ["loaded", "loaded"]);

  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--no-prompt", CLI, "preview", "--config", "config.mjs", "--host", "127.0.0.1"]
      .concat(["--port", String(port), "--no-open"]),
    cwd: root,
    env: FRAMEWORK_ENV,
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const browser = await launchBrowser();
  try {
    const url = `http://127.0.0.1:${port}/qualite`;
    await waitForServer(url, child);
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.goto(url);
    /** Waits until the lede counts `n` exports and the withdrawn section holds `text`. */
    const pageShows = (n: number, text: string) =>
      page.waitForFunction(
        ([files, withdrawn]) =>
          document.querySelectorAll("[data-testid=lede] strong")[1]?.textContent === files &&
          (document.querySelector("[data-testid=withdrawn]")?.textContent ?? "").includes(withdrawn),
        [String(n), text] as const,
        { timeout: 60_000 },
      );
    await pageShows(2, "Aucun chargement retiré.");
    // A marker the page keeps only if it is not reloaded from scratch.
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));

    const report = JSON.parse(
      await task("unload.ts", ["--json", "--raison", "mauvais type d'export", MEMBERS], env),
    );
    assert.deepEqual(report.withdrawn.map((w: { rows_removed: number }) => w.rows_removed), [4]);
    await pageShows(1, MEMBERS);
    const row = await page.locator("[data-testid=withdrawn] tbody tr").first().textContent();
    assert.match(row ?? "", /mauvais type d'export/);
    assert.match(row ?? "", /Maison de quartier des Ors/);
    assert.equal(
      await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument),
      true,
    );
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    child.kill();
    await child.status;
    await child.stderr.cancel();
    await Deno.remove(root, { recursive: true });
  }
});
