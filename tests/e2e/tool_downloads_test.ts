/**
 * The « Outils de recueil » pages of the built site (dist/) let a director download each blank
 * template: the link is there, the file is served by the site and is a real XLSX workbook.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { kitTemplates } from "../../src/kit/templates.ts";
import { referenceMissions, referenceThemes } from "../../src/kit/vocabulary.ts";

const DIST = join(PROJECT_ROOT, "dist");

Deno.test("every template page offers its workbook for download, a valid XLSX", async () => {
  const templates = kitTemplates(
    { structures: [], activities: referenceThemes(), missions: referenceMissions() },
    { year: 2025, structure: null },
  );
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    for (const template of templates) {
      const watch = await watchedPage(browser);
      const { page } = watch;
      await page.goto(`${server.url}/outils/${template.id}`);
      const link = page.locator(`a[download]`, { hasText: `${template.id}.xlsx` });
      assert.equal(await link.count(), 1, `${template.id}: one download link`);
      // The file the site serves behind the link.
      const href = String(await link.getAttribute("href"));
      const response = await fetch(new URL(href, page.url()));
      assert.equal(response.status, 200, `${template.id}: ${href}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.equal(new TextDecoder().decode(bytes.slice(0, 2)), "PK", `${template.id}: a zip archive`);
      assert.ok(new TextDecoder("latin1").decode(bytes).includes("xl/workbook.xml"), "an Excel workbook");
      // And a click downloads it under the template's name.
      if (template.id === "emargement") {
        const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
        const saved = await Deno.readFile(String(await download.path()));
        assert.deepEqual(saved.slice(0, 2), new Uint8Array([0x50, 0x4b]));
        assert.equal(saved.length, bytes.length);
      }
      assert.deepEqual(watch.consoleErrors, [], template.id);
      assert.deepEqual(watch.outsideRequests, [], template.id);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
