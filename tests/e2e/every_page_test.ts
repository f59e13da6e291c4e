/**
 * Every page of the built site (dist/) opens in Chromium in French, with no console error and
 * no request outside loopback; the data-quality page shows the warehouse's totals.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import config from "../../observablehq.config.ts";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const fr = (n: number) => plain(new Intl.NumberFormat("fr-FR").format(n));

Deno.test("every page opens in French, offline, without console errors", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    // Sections (« Structures », « Outils de recueil ») hold pages; dynamic routes are built too: visit them all.
    const listed = (config.pages as { path?: string; pages?: { path?: string }[] }[])
      .flatMap((p): { path?: string }[] => p.pages ?? [p]).map((p) => String(p.path));
    const paths = [...new Set(["/", ...listed, ...config.dynamicPaths])];
    assert.ok(paths.length >= 3);
    assert.ok(paths.some((p) => p.startsWith("/structures/")), "the structure pages are listed");
    for (const path of paths) {
      const watch = await watchedPage(browser);
      await watch.page.goto(`${server.url}${path}`);
      await watch.page.waitForSelector("#observablehq-main h1");
      await watch.page.waitForLoadState("networkidle");
      assert.equal(await watch.page.getAttribute("html", "lang"), "fr", path);
      // Every page says when its data was loaded and from how many exports.
      assert.match(
        await watch.page.locator("#observablehq-footer").innerText(),
        /Données chargées le \d/,
        path,
      );
      assert.equal(await watch.page.locator(".observablehq--error").count(), 0, `${path}: a cell failed`);
      // No page shows its own code (an inline expression broken by a blank line prints as text).
      const main = await watch.page.locator("#observablehq-main").innerText();
      assert.doesNotMatch(main, /\$\{|html`|` : html|\bundefined\b|\bNaN\b|\[object Object\]/, path);
      assert.deepEqual(watch.consoleErrors, [], path);
      assert.deepEqual(watch.outsideRequests, [], path);
      await watch.page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

Deno.test("Qualité des données shows the warehouse's totals and reasons", async () => {
  const wh = await openWarehouse(warehousePath());
  const [totals] = await queryRows(
    wh.conn,
    "SELECT sum(rows_loaded) AS loaded, count(DISTINCT sha256) AS files FROM loads WHERE superseded_by IS NULL",
  );
  const [{ duplicates }] = await queryRows(
    wh.conn,
    "SELECT count(*) AS duplicates FROM load_issues WHERE message LIKE 'ligne en double%'",
  );
  wh.close();
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    await watch.page.goto(`${server.url}/qualite`);
    await watch.page.waitForSelector("[data-testid=received] table");
    const lede = plain(await watch.page.locator("[data-testid=lede]").innerText());
    assert.match(
      lede,
      new RegExp(
        `contient ${fr(Number(totals.loaded))} lignes issues de ${fr(Number(totals.files))} exports`,
      ),
    );
    const reasons = plain(await watch.page.locator("[data-testid=reasons]").innerText());
    // Duplicate lines of every file group under one reason, counted in full.
    assert.ok(Number(duplicates) > 0);
    assert.match(reasons, /ligne en double dans le fichier \(même contenu que la ligne …\)/);
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
