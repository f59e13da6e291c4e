/**
 * Keyboard navigation, chart text alternatives and the French site search, on the built site.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { SKIP_LINK_ID } from "../../src/site/shell.ts";
import { serveStatic } from "../../src/site/static_server.ts";

const DIST = join(PROJECT_ROOT, "dist");

Deno.test("La Coopération: skip link first, visible focus, every chart has a text alternative", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.goto(`${server.url}/cooperation`);
    await page.waitForSelector("[data-testid=chart-monthly] svg");

    // The first Tab reaches the skip link, which then shows on screen with a focus ring.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        id: el.id,
        text: el.textContent,
        top: box.top,
        outline: style.outlineStyle,
        width: style.outlineWidth,
      };
    });
    assert.equal(focused.id, SKIP_LINK_ID);
    assert.equal(focused.text, "Aller au contenu principal");
    assert.ok(focused.top >= 0, "the focused skip link is on screen");
    assert.equal(focused.outline, "solid");
    assert.notEqual(focused.width, "0px");
    // Enter jumps to the main column: the next Tab lands inside it, past the sidebar.
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "observablehq-main");
    await page.keyboard.press("Tab");
    assert.ok(
      await page.evaluate(() =>
        document.getElementById("observablehq-main")!.contains(document.activeElement)
      ),
      "Tab after the skip link stays in the main column",
    );

    // Every chart is a figure with a title and an svg carrying an aria-label.
    const charts = await page.locator("#observablehq-main figure").evaluateAll((figures) =>
      figures.map((f) => ({
        label: f.querySelector("svg[aria-label]")?.getAttribute("aria-label") ?? "",
        title: f.querySelector("h2, h3, figcaption")?.textContent ?? "",
      }))
    );
    assert.ok(charts.length >= 3, `${charts.length} charts`);
    for (const chart of charts) {
      assert.ok(chart.label.length > 10, `a chart without aria-label (${chart.title})`);
      assert.ok(chart.title.length > 0, `a chart without a visible title (${chart.label})`);
    }
    assert.deepEqual(watch.consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

Deno.test("the site search finds pages by accented words typed without accents, offline", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.goto(`${server.url}/`);
    const input = page.locator("#observablehq-search input");
    assert.equal(await input.getAttribute("placeholder"), "Rechercher");
    const search = async (query: string) => {
      await input.fill(query);
      await page.waitForSelector("#observablehq-search-results div");
      return {
        summary: await page.locator("#observablehq-search-results > div").first().innerText(),
        links: await page.locator("#observablehq-search-results li a").evaluateAll((as) =>
          as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)
        ),
      };
    };
    // « Qualité des données » is a title: the folded index makes it an exact match, ranked first.
    const qualite = await search("qualite");
    assert.equal(qualite.links[0], "/qualite", qualite.links.join(", "));
    assert.match(qualite.summary, /^\d+ résultats?$/);
    const cooperation = await search("cooperation");
    assert.ok(cooperation.links.includes("/cooperation"), cooperation.links.join(", "));
    // « requête », « publiées »: words of the Explorateur typed without accents.
    const explorer = await search("requete publiees");
    assert.equal(explorer.links[0], "/explorateur", explorer.links.join(", "));
    // Indicator definitions are in the index (written into the Méthodologie page as it is built).
    const definition = await search("contributions volontaires");
    assert.equal(definition.links[0], "/methodologie", definition.links.join(", "));
    const none = await search("zzzzqqq");
    assert.equal(none.summary, "aucun résultat");
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
