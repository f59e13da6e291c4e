/**
 * Printing: the Coopération page prints to a multi-page A4 PDF with headless Chromium (as
 * `deno task pdf` does), and in print media the navigation is hidden, each section starts a new
 * page, the lede and the sources are printed.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { pdfName, pdfPageCount, printPdf } from "../../src/site/print_pdf.ts";
import { serveStatic } from "../../src/site/static_server.ts";

const DIST = join(PROJECT_ROOT, "dist");

Deno.test("pdfName names the file after the page path", () => {
  assert.equal(pdfName("/cooperation"), "cooperation.pdf");
  assert.equal(pdfName("/structures/ors"), "structures-ors.pdf");
  assert.equal(pdfName("/"), "accueil.pdf");
});

Deno.test("the Coopération page prints as a multi-page A4 report", async (t) => {
  const server = serveStatic(DIST);
  try {
    await t.step("PDF: several pages, no error, nothing fetched outside", async () => {
      const { pdf, consoleErrors, outsideRequests } = await printPdf(`${server.url}/cooperation`);
      assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), "%PDF-");
      const pages = pdfPageCount(pdf);
      assert.ok(pages >= 6, `${pages} pages`);
      assert.deepEqual(consoleErrors, []);
      assert.deepEqual(outsideRequests, []);
      // With poppler's pdftotext (optional), the text itself: lede and a section title.
      const file = await Deno.makeTempFile({ suffix: ".pdf" });
      await Deno.writeFile(file, pdf);
      try {
        const out = await new Deno.Command("pdftotext", { args: ["-layout", file, "-"] }).output();
        const text = new TextDecoder().decode(out.stdout).replace(/\s+/g, " ");
        assert.match(text, /les quatre structures de La Coopération ont accueilli/);
        assert.match(text, /Ressources : ce que les structures mobilisent/);
        assert.match(text, /Depuis 2017–2018 : ce qui a changé/);
        assert.match(text, /Structure Participants Passages (Heures de )?présence/);
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      } finally {
        await Deno.remove(file);
      }
    });

    await t.step("print media: no sidebar, sections on a new page, lede and sources printed", async () => {
      const browser = await launchBrowser();
      try {
        const { page } = await watchedPage(browser);
        await page.goto(`${server.url}/cooperation`);
        await page.waitForSelector("[data-testid=chart-baseline] svg");
        await page.emulateMedia({ media: "print" });
        const style = (selector: string, property: string) =>
          page.locator(selector).first().evaluate(
            (el, p) => getComputedStyle(el).getPropertyValue(p),
            property,
          );
        assert.equal(await style("#observablehq-sidebar", "display"), "none");
        assert.equal(await style(".filters", "display"), "none");
        // The first section follows the lede and key figures on page 1 (two-thirds empty
        // otherwise, issue 15); every later one starts a new page.
        assert.equal(await style("#observablehq-main > h2", "break-before"), "auto");
        assert.equal(await style("#observablehq-main > h2 ~ h2", "break-before"), "page");
        assert.equal(await style(".card.chart", "break-inside"), "avoid");
        assert.ok(await page.locator("[data-testid=lede]").isVisible());
        assert.ok(await page.locator("[data-testid=sources]").isVisible());
        assert.ok(await page.locator(".print-only").first().isVisible());
        // Tables drawn with Inputs.table are forms: printed, while the filters' forms are not.
        assert.ok(await page.locator("[data-testid=table-structures] table").isVisible());
        assert.equal(await page.locator(".filters form").first().isVisible(), false);
      } finally {
        await browser.close();
      }
    });
  } finally {
    await server.close();
  }
});
