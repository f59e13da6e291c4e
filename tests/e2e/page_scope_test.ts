/**
 * Issue 15, items 1, 7 and 9 on the built sample site (dist/): the Structure filter of
 * /cooperation drives the whole page (title, every value-chain section, charts, tables, downloads,
 * sources) or the section says its scope; headlines answer their question (Qualité names the
 * weakest completeness, Chaîne de valeur leads with what was produced, Cluster says on how many
 * structures it rests); small things (no tautology on a structure page, « touche-t-elle » on one
 * line, the baseline label never over a bar, no testimony twice nor starting with « + »).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
// @ts-types="../pages/value_format.d.ts"
import { formatValue } from "../../pages/components/value_format.js";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

async function martValue(scopeLevel: string, scope: string, indicator: string, year: number) {
  const wh = await openWarehouse(warehousePath());
  try {
    const [row] = await queryRows(
      wh.conn,
      `SELECT published_value AS v, structures_with_data AS w, structures_in_scope AS n FROM mart_indicator_values
       WHERE scope_level = $1 AND scope = $2 AND indicator_id = $3 AND year = $4`,
      [scopeLevel, scope, indicator, year] as never,
    );
    return row ? { v: Number(row.v), w: Number(row.w), n: Number(row.n) } : null;
  } finally {
    wh.close();
  }
}

Deno.test("pages state and follow their scope, and their headlines answer their question", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;

    await t.step(
      "/cooperation: choosing a structure changes the title and every section's scope",
      async () => {
        await page.goto(`${server.url}/cooperation`);
        await page.waitForSelector("[data-testid=stage-ressources] table");
        assert.equal(
          plain(await page.locator("#observablehq-main h1").first().innerText()),
          "Combien d'habitants les quatre structures de La Coopération accueillent-elles ?",
        );
        const year = Number(
          (await page.locator("select").nth(1).locator("option:checked").innerText()).trim(),
        );
        const coopBudget = await martValue("cooperation", "cooperation", "budget_total", year);
        const orsBudget = await martValue("structure", "ors", "budget_total", year);
        assert.ok(coopBudget && orsBudget, `the sample has budgets in ${year}`);
        const budgetCell = "[data-testid=stage-ressources] tr[data-indicator=budget_total]";
        assert.equal(
          plain(await page.locator(`${budgetCell} td.value`).innerText()),
          plain(formatValue(coopBudget.v, "€")),
        );
        assert.equal(
          plain(await page.locator(`${budgetCell} td`).last().innerText()),
          coopBudget.w === coopBudget.n
            ? `${coopBudget.n} sur ${coopBudget.n}`
            : `partiel : ${coopBudget.w} sur ${coopBudget.n}`,
        );

        await page.locator("select").first().selectOption({ label: "Maison de quartier des Ors" });
        await page.waitForFunction(() =>
          document.querySelector("#observablehq-main h1")?.textContent?.includes("Maison de quartier des Ors")
        );
        assert.equal(
          plain(await page.locator("#observablehq-main h1").first().innerText()),
          "Combien d'habitants la Maison de quartier des Ors accueille-t-elle ?",
        );
        // The budget card of « Ressources » is the Ors's, from one structure: « 1 sur 1 », not « 4 sur 4 ».
        await page.waitForFunction(
          (text) =>
            document.querySelector("[data-testid=stage-ressources] caption")?.textContent?.includes(text),
          "Maison de quartier des Ors",
        );
        assert.equal(
          plain(await page.locator(`${budgetCell} td.value`).innerText()),
          plain(formatValue(orsBudget.v, "€")),
        );
        assert.notEqual(orsBudget.v, coopBudget.v);
        assert.equal(plain(await page.locator(`${budgetCell} td`).last().innerText()), "1 sur 1");
        // Every value-chain section says and shows the Ors.
        for (const stage of ["ressources", "activités", "réalisations", "effets", "impacts"]) {
          const caption = page.locator(`[data-testid="stage-${stage}"] caption`);
          if (await caption.count()) {
            assert.match(plain(await caption.innerText()), /: Maison de quartier des Ors$/, stage);
          }
          assert.match(
            plain(await page.locator(`[data-testid="stage-note-${stage}"]`).innerText()),
            /^Périmètre : Maison de quartier des Ors\./,
            stage,
          );
          assert.doesNotMatch(
            plain(await page.locator(`[data-testid="stage-${stage}"]`).innerText()),
            /4 sur 4/,
            stage,
          );
        }
        assert.match(
          plain(await page.locator("[data-testid=chart-budget_total] h2").first().innerText()),
          new RegExp(`${year}`),
        );
        assert.match(
          plain(
            String(
              await page.locator("[data-testid=chart-budget_total] svg").first().getAttribute(
                "aria-description",
              ),
            ),
          ),
          new RegExp(plain(formatValue(orsBudget.v, "€")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
        );
        assert.match(
          plain(await page.locator("[data-testid=baseline-lede]").innerText()),
          /pour Maison de quartier des Ors,/,
        );
        // « Ce que la coopération ajoute » cannot follow one structure: it says which scope it shows.
        assert.match(
          plain(await page.locator("[data-testid=cooperation-scope]").innerText()),
          /^Périmètre de cette partie : La Coopération dans son ensemble/,
        );
        // The table, its download and the sources follow the filter.
        const table = plain(await page.locator("[data-testid=table-structures]").innerText());
        assert.match(table, /Maison de quartier des Ors/);
        assert.doesNotMatch(table, /Saint-Nicolas|Noël Guichard|L'Accorderie/);
        assert.match(
          plain(await page.locator("[data-testid=sources]").innerText()),
          /^Données de la Maison de quartier des Ors du /,
        );
      },
    );

    await t.step("/cooperation: the baseline label never sits over a bar", async () => {
      const overlaps = await page.evaluate(() => {
        const out: string[] = [];
        for (const svg of document.querySelectorAll("[data-testid^=chart-] svg")) {
          const labels = [...svg.querySelectorAll("text")].filter((el) => el.textContent?.startsWith("réf."));
          const bars = [...svg.querySelectorAll("rect")].map((r) => r.getBoundingClientRect()).filter((b) =>
            b.width > 0 && b.height > 0
          );
          for (const label of labels) {
            const a = label.getBoundingClientRect();
            for (const b of bars) {
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
                out.push(label.textContent ?? "");
              }
            }
          }
        }
        return out;
      });
      assert.deepEqual(overlaps, []);
      const labels = await page.locator("[data-testid^=chart-] svg text", { hasText: "réf." }).count();
      assert.ok(labels >= 1, "at least one chart draws the baseline label");
    });

    await t.step("Qualité answers « complètes et fiables ? » with the weakest completeness", async () => {
      await page.goto(`${server.url}/qualite`);
      await page.waitForSelector("[data-testid=answer]");
      // The answer is an inline expression: wait until Framework has filled it in.
      await page.waitForFunction(() =>
        (document.querySelector("[data-testid=answer]")?.textContent ?? "").trim() !== ""
      );
      const answer = plain(await page.locator("[data-testid=answer]").innerText());
      assert.match(
        answer,
        /^Aucune ligne refusée, mais le quartier d'habitation n'est connu que pour \d+ % des lignes : il manque partout chez \d+ des \d+ structures\./,
      );
    });

    await t.step("Chaîne de valeur leads with what was produced", async () => {
      await page.goto(`${server.url}/chaine-valeur`);
      await page.waitForFunction(() =>
        /habitants accueillis/.test(document.querySelector("[data-testid=lede]")?.textContent ?? "")
      );
      const lede = plain(await page.locator("[data-testid=lede]").innerText());
      assert.match(
        lede,
        /^En \d{4}, La Coopération \(4 structures\) : [\d ]+ habitants accueillis, [\d ]+ passages/,
      );
      assert.match(lede, /Ces chiffres reposent sur \d+ des \d+ indicateurs du catalogue/);
    });

    await t.step("Cluster says up front on how many of its structures the figures rest", async () => {
      await page.goto(`${server.url}/cluster`);
      await page.waitForSelector("[data-testid=basis]");
      const wh = await openWarehouse(warehousePath());
      const [{ members }] = await queryRows(
        wh.conn,
        "SELECT count(*) AS members FROM stg_structures WHERE in_cluster",
      );
      wh.close();
      assert.match(
        plain(await page.locator("[data-testid=basis]").innerText()),
        new RegExp(
          `^Ces chiffres ne reposent que sur \\d+ des ${
            Number(members)
          } structures du cluster : celles qui ont envoyé leur liste de partenaires\\.$`,
        ),
      );
    });

    await t.step("Département says when several structures are tied at the top", async () => {
      await page.goto(`${server.url}/departement`);
      await page.waitForSelector("[data-testid=chart-ranking] svg");
      const title = plain(await page.locator("[data-testid=chart-ranking] h2").first().innerText());
      const values = await page.locator("[data-testid=table-ranking] tbody tr").evaluateAll((rows) =>
        rows.map((r) => (r as HTMLElement).innerText)
      );
      assert.ok(values.length > 0);
      // Whatever the default indicator, the headline is either one leader or a stated tie.
      assert.match(
        title,
        /^(.+ en tête pour « .+ » en \d{4}|\d+ structures à égalité en tête pour « .+ » en \d{4} : .+|Toutes les structures à égalité en tête .+)$/,
      );
    });

    await t.step(
      "a structure page never says its name twice, and « touche-t-elle » stays on one line",
      async () => {
        await page.goto(`${server.url}/structures/cs-crest`);
        await page.waitForFunction(() =>
          document.querySelector("[data-testid=identity]")?.textContent?.includes("Crest")
        );
        const identity = plain(await page.locator("[data-testid=identity]").innerText());
        assert.doesNotMatch(identity, /Centre social de Crest est un centre social de Crest/);
        assert.match(identity, /^Le Centre social de Crest fait partie des structures agréées de la Drôme\./);
        const nowrap = page.locator("#observablehq-main h1 .nowrap");
        assert.equal(await nowrap.innerText(), "touche-t-elle");
        assert.equal(await nowrap.evaluate((el) => getComputedStyle(el).whiteSpace), "nowrap");
        await page.setViewportSize({ width: 390, height: 844 });
        const lines = await nowrap.evaluate((el) => el.getClientRects().length);
        assert.equal(lines, 1, "« touche-t-elle » on one line at 390 px");
        await page.setViewportSize({ width: 1400, height: 900 });
      },
    );

    await t.step("Enquêtes: no testimony twice, none starting with a list marker", async () => {
      await page.goto(`${server.url}/enquetes`);
      await page.waitForSelector("[data-testid=testimonies]");
      const quotes = await page.locator("[data-testid=testimonies] blockquote").evaluateAll((els) =>
        els.map((el) => (el.firstChild?.textContent ?? "").trim())
      );
      assert.ok(quotes.length >= 2, "testimonies are shown");
      assert.equal(new Set(quotes).size, quotes.length, quotes.join(" | "));
      for (const q of quotes) assert.doesNotMatch(q, /^[-+*•>→]/, q);
    });

    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
