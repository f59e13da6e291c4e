/**
 * Browser test of the built site (dist/, sample data): the SROI page shows the volunteer valuation
 * of La Coopération as a range, low and high employer-charges coefficients, equal to
 * `mart_volunteering_value` (`value_low_eur`, `value_eur`) for the last year and in the table.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const euros = (n: number) =>
  plain(
    new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(
      n,
    ),
  );

Deno.test("SROI page: volunteer valuation shown as a range between the low and high coefficients", async () => {
  const wh = await openWarehouse(warehousePath());
  let rows: Record<string, unknown>[];
  try {
    rows = await queryRows(
      wh.conn,
      `SELECT year, value_eur, value_low_eur FROM mart_volunteering_value
       WHERE structure_id = 'cooperation' ORDER BY year`,
    );
  } finally {
    wh.close();
  }
  const last = rows.at(-1)!;
  assert.ok(Number(last.value_low_eur) < Number(last.value_eur), "the sample's range is not empty");
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    await watch.page.goto(`${server.url}/sroi`);
    await watch.page.waitForSelector("[data-testid=volunteering] table");
    const section = plain(await watch.page.locator("[data-testid=volunteering]").innerText());
    const range = `de ${euros(Number(last.value_low_eur))} à ${euros(Number(last.value_eur))}`;
    assert.ok(section.includes(`En ${last.year},`) && section.includes(range), `${range} ∉ ${section}`);
    assert.match(section, /Valeur basse \(€\)\s+Valeur haute \(€\)/);
    assert.match(section, /réduction générale/);
    assert.equal(watch.consoleErrors.length, 0, watch.consoleErrors.join("\n"));
    await watch.page.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
