/**
 * The dev server shows new figures without a restart: a copy of « La Coopération en chiffres »
 * is served by Framework's preview server (what `deno task dev` runs), its page data is then
 * rewritten the way an ingest rewrites it, and the open page shows the new figure.
 */
import assert from "node:assert/strict";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { NODE_MODULES, PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { FRAMEWORK_ENV } from "../../src/site/framework.ts";
import { freePort, waitForServer } from "../support/local_server.ts";

const CLI = join(NODE_MODULES, "@observablehq", "framework", "dist", "bin", "observable.js");
const GENERATED = join(PROJECT_ROOT, "pages", "data", "generated");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").trim();

Deno.test("the dev server shows rewritten page data without a restart", async () => {
  const root = await Deno.makeTempDir({ prefix: "apercu-" });
  const pages = join(root, "pages");
  await cp(join(PROJECT_ROOT, "pages", "components"), join(pages, "components"), { recursive: true });
  // The npm modules Framework resolved at build time (offline: nothing is fetched).
  await cp(join(PROJECT_ROOT, "pages", ".observablehq", "cache"), join(pages, ".observablehq", "cache"), {
    recursive: true,
  });
  await Deno.mkdir(join(pages, "data", "generated"), { recursive: true });
  // The page's data, and the glossary its term links read (pages/components/glossary.js).
  for (const name of ["cooperation.json", "cooperation_publics.json", "glossaire.json"]) {
    await Deno.copyFile(join(GENERATED, name), join(pages, "data", "generated", name));
  }
  for (const name of ["cooperation.md", "style.css"]) {
    await Deno.copyFile(join(PROJECT_ROOT, "pages", name), join(pages, name));
  }
  await Deno.writeTextFile(
    join(root, "config.mjs"),
    `export default {root: "pages", title: "Essai", style: "style.css", pager: false, globalStylesheets: [],
      pages: [{name: "La Coopération", path: "/cooperation"}], duckdb: {extensions: {json: null, parquet: null}}};\n`,
  );
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--no-prompt",
      CLI,
      "preview",
      "--config",
      "config.mjs",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--no-open",
    ],
    cwd: root,
    env: FRAMEWORK_ENV,
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const browser = await launchBrowser();
  try {
    const url = `http://127.0.0.1:${port}/cooperation`;
    await waitForServer(url, child);
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.goto(url);
    const file = join(pages, "data", "generated", "cooperation.json");
    const data = JSON.parse(await Deno.readTextFile(file));
    const coop = data.years.filter((d: { scope: string }) => d.scope === "cooperation");
    const latest = Math.max(...coop.map((d: { year: number }) => d.year));
    const row = coop.find((d: { year: number }) => d.year === latest);
    const cardShows = (n: number) =>
      page.waitForFunction(
        (text) =>
          document.querySelector("[data-testid=card-participants] .big")?.textContent
            ?.replace(/[\u202f\u00a0]/g, " ") === text,
        plain(new Intl.NumberFormat("fr-FR").format(n)),
        { timeout: 60_000 },
      );
    await cardShows(row.participants);
    // A marker the page keeps only if it is not reloaded from scratch.
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    // What an ingest does: the publisher rewrites the file (here, 1 234 more participants).
    row.participants += 1234;
    await Deno.writeTextFile(file, JSON.stringify(data));
    await cardShows(row.participants);
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
