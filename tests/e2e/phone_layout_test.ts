/**
 * Phones (issue 15): at 390 × 844 px every page of the built site (dist/) fits the screen (no
 * horizontal scroll: wide tables scroll inside their own box, charts take the width they are
 * given) and no year axis runs its labels together (« 2017201820192020… »).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import config from "../../observablehq.config.ts";
import { sitePaths } from "../../src/site/site_paths.ts";

const DIST = join(PROJECT_ROOT, "dist");
const PHONE = { width: 390, height: 844 };

Deno.test("at 390 px, every page fits the screen and its year axes keep their labels apart", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  const overflowing: string[] = [];
  const overlapping: string[] = [];
  let axesChecked = 0;
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.setViewportSize(PHONE);
    for (const path of sitePaths(config)) {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector("#observablehq-main h1");
      await page.waitForLoadState("networkidle");
      await page.waitForFunction(() => !document.querySelector("observablehq-loading"));
      const result = await page.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        // The widest elements sticking out, to say what to fix.
        const culprits = [...document.querySelectorAll("#observablehq-main *")]
          .filter((e) => e.getBoundingClientRect().right > viewport + 1)
          .filter((e) => (e.parentElement?.getBoundingClientRect().right ?? 0) <= viewport + 1)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute("data-testid") ?? ""}`);
        // Year axes: labels of four digits on one axis; two neighbours' boxes must not meet.
        const axes = [
          ...document.querySelectorAll(
            "svg g[aria-label$='-axis tick label'], svg g[data-mark$='-axis tick label']",
          ),
        ];
        const overlaps: string[] = [];
        let checked = 0;
        for (const axis of axes) {
          const labels = [...axis.querySelectorAll("text")].filter((t) =>
            /^\d{4}$/.test(t.textContent ?? "")
          );
          if (labels.length < 2) continue;
          checked++;
          const boxes = labels.map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
            .filter((b) => b.box.width > 0)
            .sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top);
          for (let i = 1; i < boxes.length; i++) {
            const [a, b] = [boxes[i - 1].box, boxes[i].box];
            const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 ||
              b.bottom <= a.top + 0.5;
            if (!apart) overlaps.push(`${boxes[i - 1].text}/${boxes[i].text}`);
          }
        }
        return { width: document.documentElement.scrollWidth, viewport, culprits, overlaps, checked };
      });
      axesChecked += result.checked;
      if (result.width > result.viewport) {
        overflowing.push(`${path}: ${result.width} px (${result.culprits.join(", ")})`);
      }
      if (result.overlaps.length) overlapping.push(`${path}: ${result.overlaps.slice(0, 4).join(", ")}`);
    }
    assert.deepEqual(watch.consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
  assert.deepEqual(overflowing, [], "pages wider than a 390 px phone");
  assert.deepEqual(overlapping, [], "year labels that run together");
  // The sample site draws year axes on several pages: the check above did look at some.
  assert.ok(axesChecked >= 10, `${axesChecked} year axes checked`);
});
