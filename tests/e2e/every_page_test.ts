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
import { EXPECTED_KINDS } from "../../src/site/exports_summary.ts";
import config from "../../observablehq.config.ts";
import { sitePaths } from "../../src/site/site_paths.ts";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const fr = (n: number) => plain(new Intl.NumberFormat("fr-FR").format(n));

Deno.test("every page opens in French, offline, without console errors", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    // Sections (« Structures », « Outils de recueil ») hold pages; dynamic routes are built too: visit them all.
    const paths = sitePaths(config);
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

Deno.test("Qualité des données shows the warehouse's totals, the same export count as the home page, and every missing export", async () => {
  const wh = await openWarehouse(warehousePath());
  // One export = one file received, whatever its number of sheets.
  const [totals] = await queryRows(
    wh.conn,
    "SELECT sum(rows_loaded) AS loaded, count(DISTINCT sha256) AS files, count(*) AS loads FROM loads WHERE superseded_by IS NULL",
  );
  assert.ok(Number(totals.loads) > Number(totals.files), "the sample has workbooks with several sheets");
  const [registry] = await queryRows(
    wh.conn,
    "SELECT count(*) AS structures, count(*) FILTER (WHERE in_federation) AS federation FROM stg_structures",
  );
  // Anneyron and L'Accorderie: the expected kinds with no file in use.
  const received = await queryRows(
    wh.conn,
    `SELECT s.structure_id, s.name, list(DISTINCT l.kind) FILTER (WHERE l.kind IS NOT NULL) AS kinds
     FROM stg_structures s LEFT JOIN loads l ON l.structure_id = s.structure_id AND l.superseded_by IS NULL
     WHERE s.structure_id IN ('cs-anneyron', 'accorderie') GROUP BY ALL ORDER BY 1`,
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
    // The same number of exports on the home page and in every footer.
    const footer = plain(await watch.page.locator("#observablehq-footer").innerText());
    assert.match(footer, new RegExp(`à partir de ${fr(Number(totals.files))} exports`));
    const federation = plain(await watch.page.locator("[data-testid=level-federation]").innerText());
    assert.match(
      federation,
      new RegExp(`${registry.federation} adhérentes à la fédération sur ${registry.structures} structures`),
    );
    const missing = plain(await watch.page.locator("[data-testid=missing]").innerText());
    const labels: Record<string, string> = {
      attendance: "présences",
      people: "personnes",
      volunteering: "bénévolat",
      finances: "finances",
      partnerships: "partenariats",
    };
    for (const r of received) {
      const kinds = (r.kinds as string[] | null) ?? [];
      const expected = EXPECTED_KINDS.filter((k) => !kinds.includes(k)).map((k) => labels[k]);
      assert.ok(expected.length > 0, `${r.structure_id} lacks an expected export in the sample`);
      const line = missing.split("\n").find((l) => l.includes(String(r.name)));
      assert.ok(line, `${r.name} listed in « Ce qui manque »`);
      assert.match(line, new RegExp(`${r.name}\\s+${expected.join(", ")}\\s*$`));
    }
    const home = await watchedPage(browser);
    await home.page.goto(`${server.url}/`);
    // The line is drawn by a cell once the page data has arrived: wait for its text, not its box.
    await home.page.waitForFunction(() =>
      /\d exports/.test(document.querySelector("[data-testid=sources]")?.textContent ?? "")
    );
    assert.match(
      plain(await home.page.locator("[data-testid=sources]").innerText()),
      new RegExp(`^Source : ${fr(Number(totals.files))} exports`),
    );
    await home.page.close();
    const reasons = plain(await watch.page.locator("[data-testid=reasons]").innerText());
    // Duplicate lines of every file group under one reason, counted in full.
    assert.ok(Number(duplicates) > 0);
    assert.match(reasons, /ligne en double dans le fichier \(même contenu que la ligne …\)/);
    // The sample holds no column personal by its content: the section says so (issue 13).
    assert.equal(
      plain(await watch.page.locator("[data-testid=personal-columns]").innerText()),
      "Aucune colonne écartée.",
    );
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
