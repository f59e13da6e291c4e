/**
 * Issue 15, items 6, 8 and 9 on the built site: the example notebooks read as finished pages
 * (French headers, age bands in age order, thousands separators, a stated finding, whole years on
 * the axis); the Méthodologie page has its side table of contents and a glossary; pages link their
 * jargon to it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";

const DIST = join(PROJECT_ROOT, "dist");
const SNAKE = /\b[a-z]+_[a-z_]+\b/;

Deno.test("notebooks, glossary and the Méthodologie table of contents", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    await t.step(
      "« Qui vient le samedi ? »: French headers, age order, a finding, French numbers",
      async () => {
        const watch = await watchedPage(browser);
        const { page } = watch;
        await page.goto(`${server.url}/analyses/qui-vient-le-samedi`);
        await page.waitForSelector("[data-testid=notebook-finding]", { timeout: 90_000 });
        await page.waitForSelector("[data-testid=notebook-table] tbody tr", { timeout: 90_000 });
        const tables = page.locator("[data-testid=notebook-table]");
        const headers = await tables.first().locator("th").allInnerTexts();
        assert.deepEqual(headers, ["Tranche d'âge", "Participants"]);
        const bands = await tables.first().locator("tbody tr td:first-child").allInnerTexts();
        // Regression: « 6-11 ans » came after « 26-59 ans » (text order).
        assert.ok(
          bands.indexOf("6-11 ans") >= 0 && bands.indexOf("6-11 ans") < bands.indexOf("12-17 ans"),
          bands.join(" | "),
        );
        const lowerBounds = bands.map((b) => Number(/^\d+/.exec(b)?.[0]));
        assert.deepEqual(lowerBounds, [...lowerBounds].sort((a, b) => a - b));
        const second = await tables.nth(1).locator("th").allInnerTexts();
        assert.deepEqual(second, ["Jours", "Tranche d'âge", "Participants", "Part des participants du jour"]);
        const text = await page.locator("#observablehq-main").innerText();
        assert.ok(!SNAKE.test(headers.concat(second).join(" ")));
        // Counts of 1 000 and more carry a thousands separator (regression: « 1396 »).
        const counts = await tables.nth(1).locator("tbody tr td:nth-child(3)").allInnerTexts();
        assert.ok(counts.some((c) => /^\d{1,3}[\s\u202f\u00a0]\d{3}$/.test(c)), counts.join(" | "));
        assert.ok(counts.every((c) => !/^\d{4,}$/.test(c)), counts.join(" | "));
        // The finding is a sentence computed from the result, and the weekday total is explained.
        const finding = await page.locator("[data-testid=notebook-finding]").innerText();
        assert.match(
          finding,
          /^En bref\. En 20\d\d, les .+ ans.* font \d+(,\d)?\s%\sdes participants du samedi contre \d+(,\d)?\s%\sen semaine/,
        );
        assert.match(
          await page.locator("[data-testid=notebook-note]").innerText(),
          /compte une fois pour chaque jour .* les \d[\d\s\u202f]* participants « du lundi au vendredi » .* dépassent donc les \d[\d\s\u202f]* personnes différentes/,
        );
        assert.ok(!text.includes("age_band"), "age_band shown");
        assert.deepEqual(watch.consoleErrors, []);
        await page.close();
      },
    );

    await t.step(
      "« Le bénévolat a-t-il changé depuis 2018 ? »: headers, % changes, whole years",
      async () => {
        const watch = await watchedPage(browser);
        const { page } = watch;
        await page.goto(`${server.url}/analyses/benevolat-depuis-2018`);
        await page.waitForSelector("[data-testid=notebook-finding]", { timeout: 90_000 });
        await page.waitForSelector("[data-testid=notebook-chart] svg", { timeout: 90_000 });
        const tables = page.locator("[data-testid=notebook-table]");
        await page.waitForFunction(() =>
          document.querySelectorAll("[data-testid=notebook-table]").length === 2
        );
        assert.deepEqual(await tables.first().locator("th").allInnerTexts(), [
          "Année",
          "Bénévoles",
          "Heures de bénévolat",
          "Heures par bénévole",
        ]);
        assert.deepEqual(await tables.nth(1).locator("th").allInnerTexts(), [
          "Indicateur",
          "Année",
          "Référence 2017–2018",
          "Valeur",
          "Écart relatif",
          "Lecture",
        ]);
        // Regression: « change_rel 0,0696379 ».
        const changes = await tables.nth(1).locator("tbody tr td:nth-child(5)").allInnerTexts();
        assert.ok(
          changes.length > 0 && changes.every((c) => /^([+−]\d+(,\d)?\s?%|0\s?%|—)$/.test(c)),
          changes.join(" | "),
        );
        // Regression: ticks « 2017.5 » on the year axis.
        const ticks = await page.locator(
          "[data-testid=notebook-chart] svg [data-mark='x-axis tick label'] text, [data-testid=notebook-chart] svg [aria-label='x-axis tick label'] text",
        )
          .allTextContents();
        assert.ok(ticks.length >= 3, ticks.join(" "));
        assert.ok(ticks.every((t) => /^\d{4}$/.test(t)), ticks.join(" "));
        assert.match(
          await page.locator("[data-testid=notebook-finding]").innerText(),
          /^En bref\. En 20\d\d, La Coopération compte \d[\d\s\u202f]* bénévoles \([+−]\d+(,\d)?\s?% par rapport à 2017–2018\), qui ont donné \d[\d\s\u202f]* heures/,
        );
        assert.deepEqual(watch.consoleErrors, []);
        await page.close();
      },
    );

    await t.step(
      "Méthodologie: side table of contents and glossary (regression: 30 000 px, no contents)",
      async () => {
        const { page } = await watchedPage(browser);
        await page.setViewportSize({ width: 1400, height: 900 });
        await page.goto(`${server.url}/methodologie`);
        const toc = page.locator("#observablehq-toc");
        await toc.waitFor({ state: "visible" });
        const hrefs = await toc.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
        assert.deepEqual(hrefs, [
          "#regles-communes",
          "#arrondis",
          "#glossaire",
          "#etape-ressources",
          "#etape-activites",
          "#etape-realisations",
          "#etape-effets",
          "#etape-impacts",
        ]);
        for (
          const id of ["diversite-ages", "taux-penetration", "maillage", "intermediarite", "van", "p5-p95"]
        ) {
          assert.equal(await page.locator(`#glossaire-${id}`).count(), 1, id);
        }
        assert.match(
          await page.locator("#glossaire-diversite-ages").innerText(),
          /Échelle : indice sans unité, de 0 à 1,79/,
        );
        // On a phone, the entries (identifiers, SQL) stay within the screen.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.reload();
        await page.waitForSelector("[data-testid=glossary]");
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
        await page.close();
      },
    );

    await t.step("pages link their jargon to the glossary, with its definition as title", async () => {
      const { page } = await watchedPage(browser);
      for (
        const [path, id] of [
          ["/sroi", "van"],
          ["/sroi", "p5-p95"],
          ["/sroi", "lois-triangulaires"],
          ["/cluster", "intermediarite"],
          ["/cluster", "composantes"],
          ["/chaine-valeur", "cible-fonda"],
          ["/cooperation", "maillage"],
        ]
      ) {
        await page.goto(`${server.url}${path}`);
        const link = page.locator(`a.glossary-term[data-term="${id}"]`).first();
        await link.waitFor({ timeout: 60_000 });
        assert.equal(await link.getAttribute("href"), `/methodologie#glossaire-${id}`);
        assert.ok(((await link.getAttribute("title")) ?? "").length > 20, `${path} ${id}`);
      }
      await page.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
