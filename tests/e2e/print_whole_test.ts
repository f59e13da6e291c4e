/**
 * Printing whole (issue 15): a printed page holds every row of its tables, even those
 * Inputs.table draws only as one scrolls (the Cluster PDF stopped at 2023, the Qualité « Exports
 * reçus » table printed 30 of 206 rows), and chart text is at least 8 pt on A4.
 *
 * How chart text is measured: the page is laid out in print media at the width of an A4 page's
 * printable area (A4_CONTENT_WIDTH, the width `page.pdf()` lays it out at, scale 1: one CSS px is
 * 0.75 pt on paper). A text's size on paper is its computed font size × the scale of its <svg>
 * (rendered width ÷ drawn width, from the viewBox: below 1 when a chart drawn wider is shrunk to
 * the page) × 0.75 pt.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { A4_CONTENT_WIDTH, pdfPageCount } from "../../src/site/print_pdf.ts";
import { serveStatic } from "../../src/site/static_server.ts";

const DIST = join(PROJECT_ROOT, "dist");
const pageData = (name: string) =>
  JSON.parse(Deno.readTextFileSync(join(PROJECT_ROOT, "pages", "data", "generated", name)));

/** Waits for two animation frames: resize observers have redrawn the charts. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Rows of the tables under `selector` that print media shows. */
const printedRows = (page: Page, selector: string) =>
  page.locator(selector).evaluate((root) =>
    [...root.querySelectorAll("table tbody tr")].filter((tr) => tr.getClientRects().length > 0).length
  );

/** Smallest chart text on paper, in pt, and what it says (see the module comment). */
const smallestChartText = (page: Page) =>
  page.evaluate(() => {
    let min = { pt: Infinity, text: "" };
    let count = 0;
    for (const text of document.querySelectorAll<SVGTextElement>("#observablehq-main svg text")) {
      if (!text.textContent?.trim() || text.getClientRects().length === 0) continue;
      let svg = text.ownerSVGElement!;
      while (svg.ownerSVGElement) svg = svg.ownerSVGElement;
      const drawn = svg.viewBox.baseVal?.width || svg.width.baseVal.value;
      const scale = svg.getBoundingClientRect().width / drawn;
      const pt = parseFloat(getComputedStyle(text).fontSize) * scale * 0.75;
      count++;
      if (pt < min.pt) min = { pt, text: text.textContent };
    }
    return { ...min, count };
  });

/** Opens `path` as `deno task pdf` does: A4 width, page loaded, then print media. */
async function openForPrint(page: Page, url: string, wait: string) {
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1123 });
  await page.goto(url);
  await page.waitForSelector(wait);
  await page.waitForLoadState("networkidle");
  await page.emulateMedia({ media: "print" });
  await settle(page);
}

Deno.test("printed pages hold every table row and chart text of at least 8 pt", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;

    await t.step("Qualité: every export received, not the 30 rows drawn first", async () => {
      const received = pageData("qualite.json").received.length;
      assert.ok(received > 30, `${received} rows in the sample`);
      await openForPrint(page, `${server.url}/qualite`, "[data-testid=received] table");
      // No `beforeprint` is sent: headless page.pdf() does not send it either.
      await page.waitForFunction(
        (n) => document.querySelectorAll("[data-testid=received] tbody tr").length >= n,
        received,
        { timeout: 10_000 },
      );
      assert.equal(await printedRows(page, "[data-testid=received]"), received);
      // Nothing wider than the paper (tables were cut at the right edge).
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= A4_CONTENT_WIDTH);
      // Numbered pages: Chromium kept the @page margin box (it drops rules it does not support).
      const pageNumbers = await page.evaluate(() =>
        [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
          .filter((rule) => rule instanceof CSSPageRule)
          .flatMap((rule) => [...(rule as CSSPageRule).cssRules])
          .map((rule) => rule.cssText).join(" ")
      );
      assert.match(pageNumbers, /@bottom-right \{[^}]*counter\(page\)[^}]*counter\(pages\)/);
      const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
      assert.ok(pdfPageCount(pdf) >= 4, `${pdfPageCount(pdf)} pages`);
    });

    await t.step("Cluster: every year of the network table, every indicator, text ≥ 8 pt", async () => {
      const data = pageData("cluster.json");
      await openForPrint(page, `${server.url}/cluster`, "[data-testid=chart-growth] svg");
      const years = data.years.map((y: { year: number }) => String(y.year));
      assert.ok(years.length > 16, `${years.length} years: more than Inputs.table draws first (2 × 8)`);
      const yearTable = page.locator("form.inputs-3a86ea-table", { hasText: "Nouveaux liens" });
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll("form.inputs-3a86ea-table")]
            .some((f) =>
              f.textContent?.includes("Nouveaux liens") && f.querySelectorAll("tbody tr").length >= n
            ),
        years.length,
        { timeout: 10_000 },
      );
      const printedYears = await yearTable.evaluate((form) =>
        [...form.querySelectorAll("tbody tr")].filter((tr) => tr.getClientRects().length > 0)
          .map((tr) => tr.querySelector("td:nth-child(2)")?.textContent)
      );
      assert.deepEqual(printedYears, years);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= A4_CONTENT_WIDTH);
      assert.equal(await printedRows(page, "[data-testid=indicators]"), data.indicators.catalogue.length);
      const smallest = await smallestChartText(page);
      assert.ok(smallest.count > 20, `${smallest.count} chart texts measured`);
      assert.ok(smallest.pt >= 8, `« ${smallest.text} » prints at ${smallest.pt.toFixed(1)} pt`);
      console.log(`cluster: ${smallest.count} chart texts, smallest ${smallest.pt.toFixed(2)} pt`);
    });

    await t.step(
      "the browser's own print from a wide window redraws charts at the paper's width",
      async () => {
        await page.emulateMedia({ media: "screen" });
        await page.setViewportSize({ width: 1400, height: 900 });
        await page.goto(`${server.url}/cooperation`);
        await page.waitForSelector("[data-testid=chart-baseline] svg");
        await page.waitForLoadState("networkidle");
        // Every chart drawn before the print starts: on a loaded machine a late chart drawn after
        // `beforeprint` keeps the window's width (not what a reader who waits for the page meets).
        await page.waitForFunction(() => !document.querySelector("observablehq-loading"));
        await settle(page);
        // Chromium's print sends `beforeprint`, then lays the page out at A4 width without redrawing.
        await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
        const widest = await page.evaluate(() =>
          Math.max(...[...document.querySelectorAll("#observablehq-main svg[viewBox]")]
            .map((svg) => (svg as SVGSVGElement).viewBox.baseVal.width))
        );
        assert.ok(
          widest <= A4_CONTENT_WIDTH,
          `a chart drawn ${widest} px wide for a ${A4_CONTENT_WIDTH} px page`,
        );
        await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1123 });
        await page.emulateMedia({ media: "print" });
        const smallest = await smallestChartText(page);
        assert.ok(smallest.pt >= 8, `« ${smallest.text} » prints at ${smallest.pt.toFixed(1)} pt`);
        console.log(`cooperation (browser print): smallest chart text ${smallest.pt.toFixed(2)} pt`);
      },
    );
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
