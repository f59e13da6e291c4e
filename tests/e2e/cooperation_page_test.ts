/**
 * Browser test of the built site (dist/, built on the sample data by `deno task test`): the page
 * renders its charts in French, shows the warehouse's numbers, logs no error and reaches no host
 * outside loopback.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import readExcelFile from "read-excel-file/node";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, type PageWatch, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const DIST = join(PROJECT_ROOT, "dist");
/** Narrow and ordinary no-break spaces both print as a space. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const fr = { format: (n: number) => plain(integer.format(n)) };

async function warehouseYear(scope: string, year: number) {
  const wh = await openWarehouse(warehousePath());
  try {
    const [row] = await queryRows(
      wh.conn,
      "SELECT participants, visits, person_hours, volunteers, volunteer_hours FROM mart_activity_year WHERE scope = $1 AND year = $2",
      [scope, year] as never,
    );
    return row as Record<string, number>;
  } finally {
    wh.close();
  }
}

async function cardValue(watch: PageWatch, id: string): Promise<string> {
  return plain(await watch.page.locator(`[data-testid=card-${id}] .big`).innerText());
}

Deno.test("La Coopération en chiffres: French page with the warehouse's numbers, offline", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.goto(`${server.url}/cooperation`);
    await page.waitForSelector("[data-testid=chart-monthly] svg");
    await page.waitForSelector("[data-testid=chart-participants] svg");
    await page.waitForSelector("[data-testid=chart-ages] svg");

    await t.step("the document is French", async () => {
      assert.equal(await page.getAttribute("html", "lang"), "fr");
      assert.match(
        plain(await page.locator("[data-testid=sources]").innerText()),
        /\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/,
      );
    });

    const years = await page.locator("select").nth(1).locator("option").allInnerTexts();
    const latest = Number(years[0]);
    await t.step("default view: the Coopération in the latest year equals the warehouse", async () => {
      const expected = await warehouseYear("cooperation", latest);
      assert.ok(expected.participants >= 1000, "the sample should have over a thousand participants");
      assert.equal(await cardValue(watch, "participants"), fr.format(expected.participants));
      assert.equal(await cardValue(watch, "visits"), fr.format(expected.visits));
      assert.equal(await cardValue(watch, "person-hours"), fr.format(expected.person_hours));
      assert.equal(await cardValue(watch, "volunteers"), fr.format(expected.volunteers));
      assert.equal(await cardValue(watch, "volunteer-hours"), fr.format(expected.volunteer_hours));
      // French grouping: "1 852", not "1,852".
      assert.match(await cardValue(watch, "visits"), /^\d{1,3}( \d{3})+$/);
      assert.match(
        plain(await page.locator("[data-testid=lede]").innerText()),
        new RegExp(`^En ${latest}, les quatre structures`),
      );
    });

    await t.step("the age chart's title is its finding, bands in age order", async () => {
      const wh = await openWarehouse(warehousePath());
      const [top] = await queryRows(
        wh.conn,
        `SELECT age_band, participants FROM mart_age_bands WHERE scope = 'cooperation' AND year = $1
           AND age_band <> 'Âge inconnu' ORDER BY participants DESC LIMIT 1`,
        [latest],
      );
      wh.close();
      const chart = plain(await page.locator("[data-testid=chart-ages]").innerText());
      assert.match(
        chart,
        new RegExp(
          `En ${latest}, les ${top.age_band} sont les plus nombreux : ${
            fr.format(Number(top.participants))
          } participants`,
        ),
      );
      const description = await page.locator("[data-testid=chart-ages] svg[aria-description]").getAttribute(
        "aria-description",
      );
      assert.match(String(description), /^0-5 ans : .*6-11 ans : .*12-17 ans : .*60 ans et plus : /);
    });

    await t.step("filters: one structure, one year", async () => {
      await page.locator("select").first().selectOption({ label: "Maison de quartier des Ors" });
      await page.locator("select").nth(1).selectOption({ label: "2019" });
      const expected = await warehouseYear("ors", 2019);
      await page.waitForFunction(
        (text) =>
          document.querySelector("[data-testid=card-visits] .big")?.textContent?.replace(
            /[\u202f\u00a0]/g,
            " ",
          ) === text,
        fr.format(expected.visits),
      );
      assert.equal(await cardValue(watch, "participants"), fr.format(expected.participants));
      assert.match(
        plain(await page.locator("[data-testid=lede]").innerText()),
        /^En 2019, la Maison de quartier des Ors a accueilli/,
      );
      const table = plain(await page.locator("[data-testid=table-structures]").innerText());
      assert.match(table, new RegExp(`Maison de quartier des Ors\\s+${fr.format(expected.participants)}`));
    });

    await t.step("the table downloads as a French CSV and an XLSX with the same figures", async () => {
      const download = async (format: string) => {
        const [file] = await Promise.all([
          page.waitForEvent("download"),
          page.click(`[data-testid=download-structures] button[data-format=${format}]`),
        ]);
        return { name: file.suggestedFilename(), bytes: await Deno.readFile((await file.path())!) };
      };
      const expected = await warehouseYear("ors", 2019);
      const csvFile = await download("csv");
      // The download follows the Structure filter (issue 15): the Ors and, for comparison, La Coopération.
      assert.equal(csvFile.name, "ors-2019.csv");
      assert.deepEqual(Array.from(csvFile.bytes.slice(0, 3)), [0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel opens the accents right
      const csv = new TextDecoder().decode(csvFile.bytes);
      assert.match(csv, /^Structure;Année;Public;Participants;Passages;/);
      // Raw numbers, decimal comma: Excel can compute on them.
      assert.match(
        csv,
        new RegExp(
          `\r\nMaison de quartier des Ors;2019;Tous les publics;${expected.participants};${expected.visits};${
            String(expected.person_hours).replace(".", ",")
          };`,
        ),
      );
      const xlsxFile = await download("xlsx");
      assert.equal(xlsxFile.name, "ors-2019.xlsx");
      const [sheet] = await readExcelFile(Buffer.from(xlsxFile.bytes));
      assert.deepEqual(sheet.data[0].slice(0, 5), [
        "Structure",
        "Année",
        "Public",
        "Participants",
        "Passages",
      ]);
      const ors = sheet.data.find((row) => row[0] === "Maison de quartier des Ors");
      assert.deepEqual(ors?.slice(1, 5), [2019, "Tous les publics", expected.participants, expected.visits]);
    });

    await t.step("the « Public » filter shows one age band's figures, then QPV residents'", async () => {
      const wh = await openWarehouse(warehousePath());
      const publicRow = async (pub: string) =>
        (await queryRows(
          wh.conn,
          `SELECT participants, visits FROM mart_activity_public WHERE scope = 'ors' AND year = 2019 AND public = $1`,
          [pub],
        ))[0] as Record<string, number>;
      const children = await publicRow("6-11 ans");
      const qpv = await publicRow("qpv");
      wh.close();
      assert.ok(
        children.participants >= 5 && qpv.participants >= 5,
        "both publics are published in the sample",
      );
      const waitForVisits = (n: number) =>
        page.waitForFunction(
          (text) =>
            document.querySelector("[data-testid=card-visits] .big")?.textContent?.replace(
              /[\u202f\u00a0]/g,
              " ",
            ) ===
              text,
          fr.format(n),
        );
      await page.locator("select").nth(2).selectOption({ label: "6-11 ans" });
      await waitForVisits(children.visits);
      assert.equal(await cardValue(watch, "participants"), fr.format(children.participants));
      assert.match(
        plain(await page.locator("[data-testid=lede]").innerText()),
        /habitants de 6-11 ans différents/,
      );
      assert.match(await page.locator("[data-testid=public-note]").innerText(), /Public : 6-11 ans/);
      const table = plain(await page.locator("[data-testid=table-structures]").innerText());
      assert.match(table, new RegExp(`Maison de quartier des Ors\\s+${fr.format(children.participants)}`));
      // The monthly chart redraws from the per-public file, loaded on first use.
      await page.waitForSelector("[data-testid=chart-monthly] svg");
      assert.match(await page.locator("[data-testid=chart-monthly]").innerText(), /6-11 ans/);
      await page.locator("select").nth(2).selectOption({ label: "Habitants d'un QPV" });
      await waitForVisits(qpv.visits);
      assert.equal(await cardValue(watch, "participants"), fr.format(qpv.participants));
      // « 100 % of QPV residents live in a QPV » says nothing: the card is not shown.
      assert.equal(await page.locator("[data-testid=card-qpv]").count(), 0);
      await page.locator("select").nth(2).selectOption({ index: 0 });
    });

    await t.step("small counts are shown as « < 5 », never as a number", async () => {
      const wh = await openWarehouse(warehousePath());
      const small = await queryRows(
        wh.conn,
        "SELECT scope, year FROM mart_age_bands WHERE participants BETWEEN 1 AND 4 AND scope = 'cooperation' ORDER BY year LIMIT 1",
      );
      wh.close();
      assert.equal(small.length, 1, "the sample has a small age band to hide");
      await page.locator("select").first().selectOption({ index: 0 });
      await page.locator("select").nth(1).selectOption({ label: String(small[0].year) });
      await page.waitForFunction(() =>
        document.querySelector("[data-testid=chart-ages]")?.textContent?.includes("< 5")
      );
      assert.match(await page.locator("[data-testid=chart-ages]").innerText(), /< 5 \(masqué\)/);
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
