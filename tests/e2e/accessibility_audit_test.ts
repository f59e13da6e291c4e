/**
 * Accessibility of the built site (issue 19): axe-core's WCAG 2.1 A/AA rules on every page at
 * desktop and phone width, and a keyboard-only walk through « La Coopération en chiffres ».
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { auditPage, blocking, violationText } from "../../src/site/accessibility_audit.ts";
import { sitePaths } from "../../src/site/site_paths.ts";
import { SIDEBAR_TOGGLE_LABEL } from "../../src/site/accessibility_shell.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import config from "../../observablehq.config.ts";

const DIST = join(PROJECT_ROOT, "dist");
const WIDTHS = [1400, 390];
/** Pages audited at once in the one browser (page loads wait on the network, audits on the CPU). */
const PARALLEL = 3;

/** Opens `path` and waits for its cells to settle. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector("#observablehq-main h1");
  await page.waitForLoadState("networkidle");
}

/** Sets the width and waits until the page has laid itself out again (charts redrawn by resize). */
async function resizeTo(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForFunction((w) => document.documentElement.clientWidth <= w, width);
  await page.evaluate(() =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  );
  await page.waitForLoadState("networkidle");
}

Deno.test("the audit finds each rule of issue 19 on a faulty page and names rule, page and target in French", async () => {
  const html = await Deno.readTextFile(
    join(PROJECT_ROOT, "tests/fixtures/accessibility/page_en_defaut.html"),
  );
  const browser = await launchBrowser();
  try {
    const { page } = await watchedPage(browser);
    await page.setContent(html);
    const found = await auditPage(page);
    const rules = Object.fromEntries(found.map((v) => [v.rule, v]));
    // Zoom limited, a list holding a label, Plot's aria-label on a <g>, an unnamed slider, #999 on
    // white, a link told apart by colour only, a scrolling table out of the keyboard's reach.
    assert.deepEqual(Object.keys(rules).sort(), [
      "aria-prohibited-attr",
      "color-contrast",
      "label",
      "link-in-text-block",
      "list",
      "meta-viewport",
      "scrollable-region-focusable",
    ]);
    assert.equal(rules["label"].impact, "critical");
    assert.deepEqual(rules["aria-prohibited-attr"].targets.map((t) => t.target), ["#graphique"]);
    assert.deepEqual(rules["color-contrast"].targets.map((t) => t.target), ["#note"]);
    assert.match(rules["color-contrast"].targets[0].summary, /foreground color: #999999/);
    // meta-viewport is moderate: reported, not blocking.
    assert.deepEqual(rules["link-in-text-block"].targets.map((t) => t.target), ["#lien"]);
    assert.deepEqual(rules["scrollable-region-focusable"].targets.map((t) => t.target), ["#tableau"]);
    assert.deepEqual(blocking(found).map((v) => v.rule).sort(), [
      "aria-prohibited-attr",
      "color-contrast",
      "label",
      "link-in-text-block",
      "list",
      "scrollable-region-focusable",
    ]);
    const text = violationText("/page-en-defaut", 390, blocking(found));
    assert.match(text, /^Page \/page-en-defaut à 390 px : 6 règle\(s\) non respectée\(s\)/);
    assert.match(text, /règle « label » \(impact critique, 1 élément\(s\)\)/);
    assert.match(text, /cible #graphique/);
  } finally {
    await browser.close();
  }
});

Deno.test("every page of the site has no serious or critical axe-core violation at 1400 px and 390 px", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  const paths = sitePaths(config);
  assert.ok(paths.includes("/accessibilite"), "the Accessibilité page is in the sidebar");
  assert.ok(paths.some((p) => p.startsWith("/structures/")), "the structure pages are audited too");
  const failures: string[] = [];
  let audited = 0;
  try {
    const queue = [...paths];
    const worker = async () => {
      const { page } = await watchedPage(browser);
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await resizeTo(page, WIDTHS[0]);
        await open(page, `${server.url}${path}`);
        for (const width of WIDTHS) {
          if (width !== WIDTHS[0]) await resizeTo(page, width);
          const found = blocking(await auditPage(page));
          audited++;
          if (found.length) failures.push(violationText(path, width, found));
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } finally {
    await browser.close();
    await server.close();
  }
  assert.equal(audited, paths.length * WIDTHS.length);
  assert.equal(
    failures.length,
    0,
    `Violations graves ou critiques d'axe-core (WCAG 2.1 AA) :\n${failures.join("\n")}`,
  );
});

/** What has the focus: its tag, name, and whether its focus ring shows. */
function focusInfo(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type") ?? "",
      label: el.getAttribute("aria-label") ??
        el.closest("label, form")?.querySelector("label")?.textContent ??
        el.textContent?.trim().slice(0, 60) ?? "",
      format: (el as HTMLElement).dataset.format ?? "",
      testid: el.closest("[data-testid]")?.getAttribute("data-testid") ?? "",
      outline: style.outlineStyle !== "none" && style.outlineWidth !== "0px",
      main: document.getElementById("observablehq-main")!.contains(el),
    };
  });
}

Deno.test("La Coopération on a phone by keyboard only: filters, the measure, scrolling tables and downloads, with a visible focus", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    // At phone width, where the tables scroll sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    await open(page, `${server.url}/cooperation`);
    await page.waitForSelector("[data-testid=chart-monthly] svg");
    // Tab until `done` holds (at most `max` presses); every stop on the way shows its focus.
    const tabTo = async (
      what: string,
      done: (f: Awaited<ReturnType<typeof focusInfo>>) => boolean,
      max = 80,
    ) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        const f = await focusInfo(page);
        assert.ok(f.outline, `focus without a visible ring on ${f.tag} « ${f.label} »`);
        if (done(f)) return f;
      }
      throw new Error(`${what} : pas atteint au clavier en ${max} tabulations`);
    };
    // Skip link, then the main column.
    await tabTo("le lien d'évitement", (f) => f.tag === "a" && /Aller au contenu/.test(f.label), 3);
    await page.keyboard.press("Enter");

    // The year filter: a select changed with the arrow keys; the lede follows.
    const lede = () => page.locator("[data-testid=lede]").innerText();
    const before = await lede();
    const yearBox = await tabTo("le filtre Année", (f) => f.tag === "select" && /Année/.test(f.label));
    assert.ok(yearBox.main);
    // Inputs.select's option values are indices: the year is the option's text.
    const year = Number(
      await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0].textContent),
    );
    assert.ok(year > 2017, `année ${year}`);
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(
      (b) => document.querySelector("[data-testid=lede]")?.textContent !== b,
      before,
    );
    assert.notEqual(await lede(), before, "the lede follows the year chosen by keyboard");
    // The public filter is next in the tab order.
    await tabTo("le filtre Public", (f) => f.tag === "select" && /Public/.test(f.label), 3);

    // The measure of the monthly chart: radios moved with the arrows.
    const title = () => page.locator("[data-testid=chart-monthly] figure h2").innerText();
    assert.match(await title(), /^Passages par mois/);
    await tabTo("la mesure du graphique mensuel", (f) => f.tag === "input" && f.type === "radio");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() =>
      /^Participants différents/.test(
        document.querySelector("[data-testid=chart-monthly] figure h2")?.textContent ?? "",
      )
    );

    // Tables take the focus and are named in French after their title.
    const table = await tabTo(
      "le tableau des partenaires communs",
      (f) => f.testid === "table-shared-partners",
    );
    assert.match(table.label, /^Tableau « Partenaires communs à plusieurs structures »/);
    // The table of figures by structure scrolls sideways with the arrows, then its downloads: Enter saves the files.
    const figures = await tabTo("le tableau par structure", (f) => f.testid === "table-structures");
    assert.match(figures.label, /^Tableau « Chiffres par structure en \d{4}/);
    assert.ok(
      await page.evaluate(() => document.activeElement!.scrollWidth > document.activeElement!.clientWidth),
    );
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.activeElement!.scrollLeft > 0);
    const csv = await tabTo("le bouton CSV", (f) => f.testid === "download-structures" && f.format === "csv");
    assert.equal(csv.tag, "button");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.equal(download.suggestedFilename(), `la-cooperation-${year - 1}.csv`);
    const text = await Deno.readTextFile(await download.path());
    assert.match(text, /^\ufeffStructure;Année;Public;Participants/);
    await tabTo("le bouton Excel", (f) => f.testid === "download-structures" && f.format === "xlsx", 2);
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Space")]);
    assert.equal(xlsx.suggestedFilename(), `la-cooperation-${year - 1}.xlsx`);
    assert.deepEqual(watch.consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

Deno.test("on a phone, the menu opens by keyboard from a French-named 44 px button", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const { page } = await watchedPage(browser);
    await page.setViewportSize({ width: 390, height: 800 });
    await open(page, `${server.url}/cooperation`);
    const toggle = page.locator("#observablehq-sidebar-toggle");
    assert.equal(await toggle.getAttribute("aria-label"), SIDEBAR_TOGGLE_LABEL);
    const box = (await toggle.boundingBox())!;
    assert.ok(box.width >= 44 && box.height >= 44, `target of ${box.width} × ${box.height} px`);
    assert.equal(await page.locator("#observablehq-sidebar").isVisible(), false);
    // Skip link, then the menu button; Enter opens the menu and the next Tab reaches its links.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "observablehq-sidebar-toggle");
    await page.keyboard.press("Enter");
    await page.locator("#observablehq-sidebar").waitFor({ state: "visible" });
    assert.equal(await toggle.isChecked(), true);
    await page.keyboard.press("Tab");
    const inMenu = await page.evaluate(() =>
      document.getElementById("observablehq-sidebar")!.contains(document.activeElement)
    );
    assert.ok(inMenu, "Tab after opening the menu goes into it");
    // The menu's first list holds only items (axe-core's « list » rule).
    assert.equal(await page.locator("#observablehq-sidebar > ol > :not(li)").count(), 0);
  } finally {
    await browser.close();
    await server.close();
  }
});
