/**
 * Browser test of the analysis pages of the built site (dist/, built on the sample data):
 * Chaîne de valeur, Socle commun, ISO 26000, Méthodologie and Département render their charts,
 * show the warehouse's numbers, log no error and reach no host outside loopback. The
 * Département page is checked with and without commune outlines: the page data is served as
 * the publisher writes it in each case (outlines from OBSERVATOIRE_COMMUNES_GEOJSON, or the
 * shared development file when it exists).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { isLoopback, launchBrowser, type PageWatch, watchedPage } from "../../src/site/browser.ts";
import { COMMUNES_ENV } from "../../src/site/communes_geojson.ts";
import { publishDepartement } from "../../src/site/publish_departement.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
// @ts-types="../pages/value_format.d.ts"
import { formatIndicator } from "../../pages/components/value_format.js";

const DIST = join(PROJECT_ROOT, "dist");
const SHARED_OUTLINES = join(PROJECT_ROOT, "..", "shared", "reference", "communes-26-drome.geojson");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const fr = (n: number) => plain(new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }).format(n));

async function warehouse<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const wh = await openWarehouse(warehousePath());
  try {
    return await queryRows(wh.conn, sql, params as never) as T[];
  } finally {
    wh.close();
  }
}

async function text(page: Page, testId: string): Promise<string> {
  return plain(await page.locator(`[data-testid=${testId}]`).first().innerText());
}

function clean(watch: PageWatch, path: string) {
  assert.deepEqual(watch.consoleErrors, [], `${path}: console errors`);
  assert.deepEqual(watch.outsideRequests, [], `${path}: requests outside loopback`);
}

async function exists(path: string | undefined): Promise<boolean> {
  if (!path) return false;
  return await Deno.stat(path).then(() => true, () => false);
}

Deno.test("Chaîne de valeur, Socle commun, ISO 26000, Méthodologie, Département", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    await t.step("Chaîne de valeur: flow, stages and the Coopération's values", async () => {
      const watch = await watchedPage(browser);
      const { page } = watch;
      await page.goto(`${server.url}/chaine-valeur`);
      await page.waitForSelector("[data-testid=chart-flow] svg");
      await page.waitForSelector("[data-testid=chart-questions] svg");
      const year = Number(await page.locator("select").first().locator("option:checked").innerText());
      const [{ n }] = await warehouse<{ n: number }>(
        "SELECT count(*) AS n FROM mart_indicator_values WHERE scope = 'cooperation' AND year = $1",
        [year],
      );
      assert.match(
        await text(page, "lede"),
        // What was produced comes first, then how much of the catalogue it rests on (issue 15).
        new RegExp(
          `^En ${year}, La Coopération \\(4 structures\\) : .+ habitants accueillis, .+ Ces chiffres reposent sur ${n} des`,
        ),
      );
      assert.equal(plain(await page.locator("[data-testid=card-with-value] .big").innerText()), String(n));
      const [{ value }] = await warehouse<{ value: number }>(
        "SELECT value FROM mart_indicator_values WHERE indicator_id = 'participants_uniques' AND scope = 'cooperation' AND year = $1",
        [year],
      );
      const item = plain(
        await page.locator("[data-testid=chain-columns] [data-indicator=participants_uniques] .value")
          .innerText(),
      );
      assert.equal(item, `${fr(value)} personnes`);
      // Every stage column is drawn, and each indicator links to its methodology entry.
      assert.equal(await page.locator("[data-testid=chain-columns] section.stage").count(), 5);
      assert.equal(
        await page.locator("[data-indicator=part_qpv] a").getAttribute("href"),
        "./methodologie#part_qpv",
      );
      // Level selector: the département.
      await page.getByLabel("Département").check();
      await page.waitForFunction(() =>
        document.querySelector("[data-testid=lede]")?.textContent?.includes("Département de la Drôme")
      );
      clean(watch, "/chaine-valeur");
      await page.close();
    });

    await t.step("Socle commun: five dimensions, baseline comparison, missing shown as missing", async () => {
      const watch = await watchedPage(browser);
      const { page } = watch;
      await page.goto(`${server.url}/socle-commun`);
      await page.waitForSelector("[data-testid=chart-completeness] svg");
      await page.waitForSelector("[data-testid=chart-baseline] svg");
      await page.waitForSelector("[data-testid=chart-years] svg");
      assert.equal(await page.locator("[data-testid=cards] .card").count(), 5);
      const year = Number(await page.locator("select").first().locator("option:checked").innerText());
      const [row] = await warehouse<{ value: number; baseline: number; trend: string }>(
        `SELECT value, baseline, trend FROM mart_indicator_baseline
         WHERE indicator_id = 'passages' AND scope = 'cooperation' AND year = $1`,
        [year],
      );
      const cells = (await page.locator("[data-indicator=passages] td").allInnerTexts()).map(plain);
      assert.equal(cells[1], `${fr(row.value)} passages`);
      // The baseline is a mean of two years: rounded by the unit's rule, as every page writes a
      // count (value_format.js): never half a passage.
      assert.equal(cells[2], plain(formatIndicator(row.baseline, "passages")));
      assert.equal(cells[4], row.trend);
      // An indicator without data for the Coopération is shown as missing, not as zero.
      const [missing] = await warehouse<{ indicator_id: string }>(
        `SELECT indicator_id FROM mart_indicator_catalogue c WHERE NOT EXISTS (SELECT 1 FROM mart_indicator_values v
           WHERE v.indicator_id = c.indicator_id AND v.scope = 'cooperation' AND v.year = $1) ORDER BY position LIMIT 1`,
        [year],
      );
      if (missing) {
        const row = page.locator(`[data-testid=dimension-tables] tr[data-indicator=${missing.indicator_id}]`);
        assert.equal(await row.getAttribute("class"), "missing");
        assert.equal(plain(await row.locator("td").nth(1).innerText()), "—");
      }
      clean(watch, "/socle-commun");
      await page.close();
    });

    await t.step("ISO 26000: matrix, domains and core subjects, 2019 against 2024", async () => {
      const watch = await watchedPage(browser);
      const { page } = watch;
      await page.goto(`${server.url}/iso26000`);
      await page.waitForSelector("[data-testid=chart-matrix] svg");
      await page.waitForSelector("[data-testid=chart-domains] svg");
      await page.waitForSelector("[data-testid=chart-subjects] svg");
      const [{ before, after }] = await warehouse<{ before: number; after: number }>(
        `SELECT sum(maturity * relevance) FILTER (WHERE year = 2019) / sum(relevance) FILTER (WHERE year = 2019) AS before,
           sum(maturity * relevance) FILTER (WHERE year = 2024) / sum(relevance) FILTER (WHERE year = 2024) AS after
         FROM mart_iso26000_matrix m JOIN stg_structures s USING (structure_id)
         WHERE s.in_cooperation AND relevance > 0 AND maturity IS NOT NULL`,
      );
      const f2 = (n: number) =>
        new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(n);
      assert.match(await text(page, "lede"), new RegExp(`passée de ${f2(before)} à ${f2(after)} sur 4`));
      const [governance] = await warehouse<{ maturity_weighted: number }>(
        `SELECT maturity_weighted FROM mart_iso26000_subjects
         WHERE scope = 'cooperation' AND year = 2024 AND core_subject = 'Gouvernance de l''organisation'`,
      );
      const table = await text(page, "subjects-table");
      assert.match(
        table,
        new RegExp(
          `Gouvernance de l'organisation\\s+La Coopération \\(4 structures\\)\\s+[\\d,]+\\s+${
            f2(Number(governance.maturity_weighted))
          }`,
        ),
      );
      clean(watch, "/iso26000");
      await page.close();
    });

    await t.step("Méthodologie: every indicator with its anchor, escaped SQL and caveats", async () => {
      const watch = await watchedPage(browser);
      const { page } = watch;
      await page.goto(`${server.url}/methodologie#part_qpv`);
      await page.waitForSelector("article#part_qpv");
      const [{ n }] = await warehouse<{ n: number }>("SELECT count(*) AS n FROM mart_indicator_catalogue");
      assert.equal(await page.locator("article.indicator").count(), Number(n));
      const sql = await Deno.readTextFile(join(PROJECT_ROOT, "data", "indicators", "sql", "part_qpv.sql"));
      const shown = await page.locator("article#part_qpv pre code").textContent();
      assert.equal(shown?.trim(), sql.replace(/^\ufeff/, "").trim());
      // Shown as text: SQL comparisons (<, >) never become markup.
      assert.equal(await page.locator("article#part_qpv pre code *").count(), 0);
      const article = plain(await page.locator("article#part_qpv").innerText());
      assert.match(article, /Réalisations/);
      assert.match(article, /Valeurs de \d{4} à \d{4}/);
      // The link target is in the page as built: the browser scrolls to it by itself.
      await page.waitForFunction(() => {
        const box = document.getElementById("part_qpv")?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.top < innerHeight;
      });
      clean(watch, "/methodologie");
      await page.close();
      // Without JavaScript (a saved or printed page): every entry, its SQL and caveats are there.
      const noScript = await browser.newPage({ javaScriptEnabled: false });
      await noScript.route(
        "**/*",
        (route) => isLoopback(route.request().url()) ? route.continue() : route.abort(),
      );
      await noScript.goto(`${server.url}/methodologie#part_qpv`);
      assert.equal(await noScript.locator("article.indicator").count(), Number(n));
      assert.equal(
        (await noScript.locator("article#part_qpv pre code").textContent())?.trim(),
        shown?.trim(),
      );
      assert.match(plain(await noScript.locator("article#part_qpv").innerText()), /Valeurs de \d{4} à \d{4}/);
      await noScript.close();
    });

    // The page data of the build, then the other variant (with or without outlines) as the publisher writes it.
    const configured = Deno.env.get(COMMUNES_ENV);
    const outlines = (await exists(configured))
      ? configured!
      : (await exists(SHARED_OUTLINES))
      ? SHARED_OUTLINES
      : null;
    const variants: [string, string | null][] = [["sans contours", null]];
    if (outlines) variants.push(["avec contours", outlines]);
    else console.log(`Carte non vérifiée : ni ${COMMUNES_ENV} ni ${SHARED_OUTLINES} n'existent.`);
    for (const [name, file] of variants) {
      await t.step(
        `Département (${name}): ranked table, SENACS, ${file ? "map" : "how to enable the map"}`,
        async () => {
          const wh = await openWarehouse(warehousePath());
          const published = await publishDepartement(wh.conn, { communesFile: file }).finally(() =>
            wh.close()
          );
          const watch = await watchedPage(browser);
          const { page } = watch;
          await page.route(
            /\/_file\/data\/generated\/departement\.[0-9a-f]+\.json$/,
            (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(published) }),
          );
          await page.goto(`${server.url}/departement`);
          await page.waitForSelector("[data-testid=chart-ranking] svg");
          await page.waitForSelector("[data-testid=chart-senacs] svg");
          const [{ n }] = await warehouse<{ n: number }>("SELECT count(*) AS n FROM stg_structures");
          assert.match(await text(page, "lede"), new RegExp(`^Le registre compte ${n} structures`));
          // Ranked table: the first row is the structure with the most of the first indicator.
          const year = Number(await page.locator("select").nth(1).locator("option:checked").innerText());
          const [best] = await warehouse<{ name: string; value: number }>(
            `SELECT s.name, v.value FROM mart_indicator_values v JOIN stg_structures s ON s.structure_id = v.scope
           WHERE v.indicator_id = 'participants_uniques' AND v.scope_level = 'structure' AND v.year = $1 AND NOT v.suppressed
           ORDER BY v.value DESC LIMIT 1`,
            [year],
          );
          await page.locator("select").first().selectOption({ label: "Habitants touchés" });
          await page.waitForFunction(
            (name) =>
              document.querySelector("[data-testid=table-ranking] tbody tr")?.textContent?.includes(name),
            best.name,
          );
          const first = plain(await page.locator("[data-testid=table-ranking] tbody tr").first().innerText());
          assert.match(first, new RegExp(`^\\s*1\\s+${best.name}.*${fr(best.value)} personnes`));
          // A SENACS figure from the warehouse appears in the table of answers.
          const [budget] = await warehouse<{ value: number }>(
            "SELECT value_number AS value FROM stg_senacs_answers WHERE structure_id = 'ors' AND field = 'partners_count' ORDER BY survey_year DESC LIMIT 1",
          );
          await page.locator("[data-testid=table-senacs] summary").click();
          assert.match(
            await text(page, "table-senacs"),
            new RegExp(`Maison de quartier des Ors[^\\n]*\\s${fr(budget.value)}\\s`),
          );
          // Méthode: how many structures sent SENACS, and the blanks of the question shown.
          const [senacs] = await warehouse<{ sent: number; total: number }>(
            `SELECT (SELECT count(DISTINCT structure_id) FROM stg_senacs_answers) AS sent,
               (SELECT count(*) FROM stg_structures) AS total`,
          );
          const method = await text(page, "method");
          assert.match(
            method,
            new RegExp(
              `seule source commune à toutes les structures : ${senacs.sent} sur ${senacs.total} l'ont envoyé`,
            ),
          );
          assert.doesNotMatch(method, /remplie par toutes les structures/);
          // Niveaux comparés: no indicator row left empty at the default year; older years are stated.
          const [latest] = await warehouse<{ year: number }>(
            `SELECT max(year) AS year FROM mart_indicator_values
             WHERE indicator_id = 'actions_senacs' AND scope_level = 'departement' AND NOT suppressed`,
          );
          const levels = plain(await page.locator("[data-testid=table-levels]").innerText());
          for (const line of levels.split("\n").slice(1)) {
            assert.doesNotMatch(line, /(\t—){3}\s*$/, `row with no value: ${line}`);
          }
          if (Number(latest.year) < year) {
            assert.match(levels, new RegExp(`\\t${latest.year} \\(dernière année disponible\\)`));
          }
          if (file) {
            await page.waitForSelector("[data-testid=map] svg path");
            const drawn = await page.locator("[data-testid=map] svg path").count();
            const [{ communes }] = await warehouse<{ communes: number }>(
              "SELECT count(DISTINCT insee_code) AS communes FROM stg_structures",
            );
            assert.equal(drawn + (published.map as { missing: string[] }).missing.length, Number(communes));
            assert.equal(await page.locator("[data-testid=map-hint]").count(), 0);
          } else {
            assert.equal(await page.locator("[data-testid=map]").count(), 0);
            // Plain French for the readers; the technical how-to stays folded away.
            const hint = await text(page, "map-hint");
            assert.match(hint, /^Carte non disponible : les contours des communes n'ont pas été fournis/);
            assert.doesNotMatch(hint, /deno task|chemin\/vers/);
            assert.equal(await page.locator("[data-testid=map-technical]").getAttribute("open"), null);
            assert.match(
              await page.locator("[data-testid=map-technical]").textContent() ?? "",
              new RegExp(COMMUNES_ENV),
            );
          }
          clean(watch, "/departement");
          await page.close();
        },
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
