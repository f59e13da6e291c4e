/**
 * Browser test of the value-chain report (La Coopération) and of the structure pages on the
 * built site (dist/, sample data): the figures shown equal the indicator marts of the warehouse,
 * suppressed values read « < 5 », no console error, no request outside loopback.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, type PageWatch, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
// @ts-types="../pages/value_format.d.ts"
import { formatIndicator } from "../../pages/components/value_format.js";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").trim();
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** The number as the pages write it: the one formatter (pages/components/value_format.js), without unit. */
function shown(value: number, unit: string): string {
  return plain(formatIndicator(value, unit, { withUnit: false }));
}

type Row = Record<string, unknown>;

async function query(sql: string, params: unknown[] = []): Promise<Row[]> {
  const wh = await openWarehouse(warehousePath());
  try {
    return await queryRows(wh.conn, sql, params);
  } finally {
    wh.close();
  }
}

/** Published value, suppression and unit of indicators for one scope and year. */
async function values(scope: string, year: number): Promise<Map<string, Row>> {
  const rows = await query(
    `SELECT v.indicator_id, v.published_value, v.suppressed, c.unit, b.change_rel, b.change_abs, b.trend, b.suppressed AS bs
     FROM mart_indicator_values v JOIN mart_indicator_catalogue c USING (indicator_id)
     LEFT JOIN mart_indicator_baseline b USING (indicator_id, scope_level, scope, year)
     WHERE v.scope = $1 AND v.year = $2`,
    [scope, year],
  );
  return new Map(rows.map((r) => [String(r.indicator_id), r]));
}

async function latestYear(scope: string): Promise<number> {
  const [{ year }] = await query(
    "SELECT max(year) AS year FROM mart_indicator_values WHERE scope = $1 AND indicator_id = 'participants_uniques'",
    [scope],
  );
  return Number(year);
}

/** The value cell of an indicator's row in a stage table. */
async function cell(watch: PageWatch, id: string): Promise<string> {
  return plain(await watch.page.locator(`tr[data-indicator=${id}] td.value`).first().innerText());
}

function expectValue(row: Row | undefined, threshold = 5): string {
  assert.ok(row, "the warehouse has the value");
  if (row.suppressed) return formatIndicator(null, String(row.unit), { masked: true, threshold });
  return shown(Number(row.published_value), String(row.unit));
}

Deno.test("La Coopération's report shows the warehouse's indicators, baseline and cooperation", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.goto(`${server.url}/cooperation`);
    await page.waitForSelector("[data-testid=stage-réalisations] table");
    await page.waitForSelector("[data-testid=chart-multi] svg");
    await page.waitForSelector("[data-testid=chart-baseline] svg");
    const year = await latestYear("cooperation");
    const expected = await values("cooperation", year);

    await t.step("stage tables: values of the latest year equal the indicator marts", async () => {
      for (
        const id of [
          "budget_total",
          "heures_benevolat",
          "seances",
          "participants_uniques",
          "passages",
          "part_qpv",
        ]
      ) {
        const text = await cell(watch, id);
        const value = expectValue(expected.get(id));
        assert.ok(text.startsWith(value) || text.includes(value), `${id}: « ${text} » should show ${value}`);
      }
      // Budgets read in euros, compactly: "1,5 M€".
      assert.match(await cell(watch, "budget_total"), /^\d+,\d M€$/);
      assert.equal(
        await cell(watch, "participants_uniques"),
        `${expectValue(expected.get("participants_uniques"))} personnes`,
      );
    });

    await t.step("the change since 2017–2018 equals the baseline mart", async () => {
      const row = expected.get("participants_uniques")!;
      const change = Number(row.change_rel);
      const text = plain(
        await page.locator("tr[data-indicator=participants_uniques] td").nth(1).innerText(),
      );
      assert.equal(
        text,
        `${change >= 0 ? "+" : "−"}${plain(percent.format(Math.abs(change)))} (${row.trend})`,
      );
    });

    await t.step("what the cooperation adds: people in several structures, shared partners", async () => {
      const [multi] = await query(
        `SELECT published_value, numerator FROM mart_indicator_values
         WHERE indicator_id = 'participants_multi_structures' AND scope = 'cooperation' AND year = $1`,
        [year],
      );
      assert.equal(
        plain(await page.locator("[data-testid=multi-share]").innerText()),
        shown(Number(multi.published_value), "part (0-1)"),
      );
      assert.equal(
        plain(await page.locator("[data-testid=multi-count]").innerText()),
        `${integer.format(Number(multi.numerator))} personnes`,
      );
      const [{ shared }] = await query(
        `SELECT count(*) AS shared FROM (SELECT partner FROM stg_partnerships JOIN stg_structures USING (structure_id)
         WHERE in_cooperation GROUP BY partner HAVING count(DISTINCT structure_id) > 1)`,
      );
      assert.equal(await page.locator("[data-testid=shared-partners]").innerText(), String(shared));
    });

    await t.step("every chart has a text alternative", async () => {
      const figures = page.locator("#observablehq-main figure svg, #observablehq-main svg[aria-label]");
      const count = await figures.count();
      assert.ok(count >= 8, `${count} charts`);
      const described = await page.locator("#observablehq-main svg[aria-description]").count();
      assert.ok(described >= 8, `${described} charts with a description`);
    });

    await t.step("the year filter changes the report", async () => {
      await page.locator("select").nth(1).selectOption({ label: "2019" });
      const y2019 = await values("cooperation", 2019);
      const want = `${expectValue(y2019.get("participants_uniques"))} personnes`;
      await page.waitForFunction(
        (text) =>
          document.querySelector("tr[data-indicator=participants_uniques] td.value")?.textContent?.replace(
            /[\u202f\u00a0]/g,
            " ",
          ) === text,
        want,
      );
    });

    await t.step("no console error and no request outside loopback", () => {
      assert.deepEqual(watch.consoleErrors, []);
      assert.deepEqual(watch.outsideRequests, []);
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

Deno.test("structure pages show each structure's indicators from the warehouse", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  // A Coopération member, and a structure of the département outside it.
  const [other] = await query(
    `SELECT structure_id FROM stg_structures s WHERE NOT in_cooperation AND EXISTS (
       SELECT 1 FROM mart_indicator_values v WHERE v.scope = s.structure_id AND v.indicator_id = 'participants_uniques')
     ORDER BY structure_id LIMIT 1`,
  );
  try {
    for (const id of ["ors", String(other.structure_id)]) {
      await t.step(id, async () => {
        const watch = await watchedPage(browser);
        const { page } = watch;
        await page.goto(`${server.url}/structures/${id}`);
        await page.waitForSelector("[data-testid=chart-realisations] svg");
        const year = await latestYear(id);
        const expected = await values(id, year);
        const [{ name }] = await query("SELECT name FROM stg_structures WHERE structure_id = $1", [id]);
        assert.match(plain(await page.locator("h1").innerText()), new RegExp(`^${name}`));
        assert.match(
          plain(await page.locator("[data-testid=lede]").innerText()),
          new RegExp(`^En ${year}, (la |le |l.)?${name} a accueilli`),
        );
        for (
          const indicator of [
            "participants_uniques",
            "passages",
            "benevoles_actifs",
            "heures_benevolat",
            "part_qpv",
          ]
        ) {
          if (!expected.has(indicator)) continue;
          const card = plain(await page.locator(`[data-testid=card-${indicator}] .big`).innerText());
          assert.equal(card, expectValue(expected.get(indicator)), `${id} ${indicator}`);
        }
        assert.equal(
          await cell(watch, "participants_uniques"),
          `${expectValue(expected.get("participants_uniques"))} personnes`,
        );
        // Every indicator of the tables, suppressed ones included, reads as the warehouse says.
        const rows = await page.locator("tr[data-indicator]").evaluateAll((trs) =>
          trs.map((
            tr,
          ) => [tr.getAttribute("data-indicator"), tr.querySelector("td.value")?.textContent ?? ""])
        );
        assert.ok(rows.length >= 10, `${id}: ${rows.length} indicators`);
        for (const [indicator, text] of rows) {
          const value = expectValue(expected.get(String(indicator)));
          assert.ok(
            plain(String(text)).startsWith(value),
            `${id} ${indicator}: « ${plain(String(text))} » should show ${value}`,
          );
        }
        assert.deepEqual(watch.consoleErrors, []);
        assert.deepEqual(watch.outsideRequests, []);
        await page.close();
      });
    }
    await t.step(
      "the « Public » filter of a structure page: the table of publics and one public's cards",
      async () => {
        const year = await latestYear("ors");
        const rows = await query(
          `SELECT public, participants, visits FROM mart_activity_public
         WHERE scope = 'ors' AND year = $1 AND public IN ('26-59 ans', '60 ans et plus')`,
          [year],
        );
        const adults = rows.find((r) => r.public === "26-59 ans")!;
        const seniors = rows.find((r) => r.public === "60 ans et plus")!;
        assert.ok(Number(adults.participants) >= 5 && Number(seniors.participants) >= 5);
        const watch = await watchedPage(browser);
        const { page } = watch;
        await page.goto(`${server.url}/structures/ors`);
        await page.waitForSelector("[data-testid=table-publics] table");
        const table = plain(await page.locator("[data-testid=table-publics]").innerText());
        assert.match(
          table,
          new RegExp(`26-59 ans\\s+${plain(integer.format(Number(adults.participants)))}\\s`),
        );
        assert.match(table, /Habitants d'un QPV/);
        assert.doesNotMatch(table, /Âge inconnu/);
        await page.locator("select").nth(1).selectOption({ label: "60 ans et plus" });
        await page.waitForSelector("[data-testid=chart-public] svg");
        assert.equal(
          plain(await page.locator("[data-testid=card-participants_uniques] .big").innerText()),
          plain(integer.format(Number(seniors.participants))),
        );
        assert.equal(
          plain(await page.locator("[data-testid=card-passages] .big").innerText()),
          plain(integer.format(Number(seniors.visits))),
        );
        assert.match(
          plain(await page.locator("[data-testid=lede]").innerText()),
          /habitants de 60 ans et plus différents/,
        );
        assert.deepEqual(watch.consoleErrors, []);
        assert.deepEqual(watch.outsideRequests, []);
        await page.close();
      },
    );
    await t.step("a suppressed value reads « < 5 » on its structure page", async () => {
      const [hidden] = await query(
        `SELECT v.scope, v.year, v.indicator_id FROM mart_indicator_values v
         JOIN mart_indicator_catalogue c USING (indicator_id)
         WHERE v.scope_level = 'structure' AND v.suppressed AND c.disclosure = 'effectif_personnes'
           AND EXISTS (SELECT 1 FROM mart_indicator_values p WHERE p.indicator_id = 'participants_uniques'
             AND p.scope = v.scope AND p.year = v.year)
         ORDER BY v.year DESC, v.scope LIMIT 1`,
      );
      if (!hidden) return; // the sample has none this time: nothing to show
      const watch = await watchedPage(browser);
      await watch.page.goto(`${server.url}/structures/${hidden.scope}`);
      await watch.page.waitForSelector("tr[data-indicator]");
      await watch.page.locator("select").first().selectOption({ label: String(hidden.year) });
      await watch.page.waitForFunction(
        (id) => document.querySelector(`tr[data-indicator=${id}] td.value`)?.textContent === "< 5",
        String(hidden.indicator_id),
      );
      assert.deepEqual(watch.consoleErrors, []);
      await watch.page.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

Deno.test("Chaîne de valeur and Socle commun open on the report's year and write values like it", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const year = await latestYear("cooperation");
    const expected = await values("cooperation", year);

    await t.step("Chaîne de valeur: counts as counts, the CAF leverage as a ratio in euros", async () => {
      const watch = await watchedPage(browser);
      const { page } = watch;
      await page.goto(`${server.url}/chaine-valeur`);
      await page.waitForSelector("[data-testid=chain-columns] [data-indicator=partenaires_actifs]");
      const selected = Number(await page.locator("select").first().locator("option:checked").innerText());
      assert.equal(selected, year, "opens on the latest year with attendance, as /cooperation");
      assert.match(
        plain(await page.locator("[data-testid=card-with-value] h2").innerText()),
        new RegExp(`en ${year}$`),
      );
      const item = async (id: string) =>
        plain(await page.locator(`[data-testid=chain-columns] [data-indicator=${id}] .value`).innerText());
      assert.equal(
        await item("partenaires_actifs"),
        `${expectValue(expected.get("partenaires_actifs"))} partenaires`,
      );
      // A unit in euros is always written by the formatter: « 1,44 € par € CAF », never « 1 € ».
      assert.equal(await item("effet_levier_caf"), expectValue(expected.get("effet_levier_caf")));
      assert.match(await item("effet_levier_caf"), /^\d+(,\d{1,2})? € par € CAF$/);
      assert.equal(await item("part_qpv"), expectValue(expected.get("part_qpv")));
      assert.deepEqual(watch.consoleErrors, []);
      await page.close();
    });

    await t.step("Socle commun: same year, changes of shares in points", async () => {
      const watch = await watchedPage(browser);
      const { page } = watch;
      await page.goto(`${server.url}/socle-commun`);
      await page.waitForSelector("[data-testid=dimension-tables] [data-indicator=part_qpv]");
      await page.waitForSelector("[data-testid=chart-baseline] svg");
      const selected = Number(await page.locator("select").first().locator("option:checked").innerText());
      assert.equal(selected, year);
      const row = expected.get("part_qpv");
      assert.ok(row?.change_abs != null, "the baseline mart has a change for part_qpv");
      const d = Number(row.change_abs) * 100;
      const cells = (await page.locator("[data-dimension] [data-indicator=part_qpv] td").allInnerTexts()).map(
        plain,
      );
      assert.equal(cells[3], `${d > 0 ? "+" : d < 0 ? "−" : "±"}${plain(oneDecimal.format(Math.abs(d)))} pt`);
      assert.deepEqual(watch.consoleErrors, []);
      await page.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
