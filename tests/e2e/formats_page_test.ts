/**
 * The « Formats acceptés » page of the built site (dist/): every kind of export has its section
 * and label, its column tables read on a phone, and the page opens without console errors.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { LOADERS } from "../../loaders/mod.ts";
import { describeFormats } from "../../src/ingest/describe_formats.ts";
import { capitalise } from "../../src/site/formats_page.ts";

const DIST = join(PROJECT_ROOT, "dist");

Deno.test("Formats acceptés lists every kind's label and columns, fits a phone, without console errors", async () => {
  const kinds = describeFormats(LOADERS);
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/outils/formats`);
    await page.waitForSelector("#observablehq-main h1");
    await page.waitForLoadState("networkidle");
    const headings = await page.locator("section.kind > h2").allInnerTexts();
    assert.deepEqual(headings, kinds.map((k) => capitalise(k.label)));
    for (
      const label of ["Présences", "Registre des structures", "Adhérents de l'Accorderie", "Questionnaires"]
    ) {
      assert.ok(headings.includes(label), label);
    }
    // One table per format; the sign-in sheet's « Date » row says it is required, with its aliases.
    assert.equal(
      await page.locator("table.columns").count(),
      kinds.reduce((n, k) => n + k.formats.length, 0),
    );
    const dateRow = page.locator('[data-format="feuille-emargement"] tr', { hasText: "Date de la séance" });
    assert.match(
      await dateRow.innerText(),
      /^Date\s+oui\s+« Date de la séance », « Jour »\s+date \(jj\/mm\/aaaa/,
    );
    // On a 390 px phone, the tables are stacked: nothing wider than the screen.
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll("table.columns")].filter((t) => t.getBoundingClientRect().right > 391)
        .length
    );
    assert.equal(overflow, 0, "no column table wider than the phone");
    assert.equal(await page.locator(".observablehq--error").count(), 0);
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
