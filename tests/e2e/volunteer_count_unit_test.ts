/**
 * Browser test of the built site (dist/, sample data): the sample's volunteering logs have no
 * birth date, so volunteers cannot be linked across structures and every count above the
 * structure says « bénévoles × structures » (issue 14, item 10): the Coopération's key-figure
 * card, the value chain at Coopération level and the cluster's indicator table; a structure's
 * count stays in people.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

Deno.test("volunteer counts above the structure are labelled « bénévoles × structures » on the sample site", async () => {
  const wh = await openWarehouse(warehousePath());
  let units: Record<string, unknown>[];
  try {
    units = await queryRows(wh.conn, "SELECT scope, unit FROM ind_volunteer_count_unit ORDER BY scope");
  } finally {
    wh.close();
  }
  // Precondition of the sample: no log gives a birth date.
  assert.deepEqual(units.map((u) => [u.scope, u.unit]), [
    ["cluster", "bénévoles × structures"],
    ["cooperation", "bénévoles × structures"],
    ["departement", "bénévoles × structures"],
  ]);
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const open = async (path: string, selector: string) => {
      await watch.page.goto(`${server.url}${path}`);
      await watch.page.waitForSelector(selector);
      return plain(await watch.page.locator(selector).first().innerText());
    };
    const card = await open("/cooperation", "[data-testid=card-volunteers] [data-testid=volunteer-unit]");
    assert.equal(card, "en bénévoles × structures : un bénévole de deux structures compte deux fois");
    // The table per structure: the Coopération's row says it, the structures' rows do not.
    const table = plain(await watch.page.locator("main").innerText());
    assert.match(table, /La Coopération \(4 structures\)[^\n]*\d \(bénévoles × structures\)/);
    assert.equal(table.match(/\(bénévoles × structures\)/g)?.length, 1);

    // Value chain, Coopération level (the default): « 123 bénévoles × structures ».
    const chain = await open("/chaine-valeur", "li[data-indicator=benevoles_actifs] .value");
    assert.match(chain, /^\d[\d ]* bénévoles × structures$/);
    // A structure's count stays in people.
    await watch.page.getByRole("radio", { name: "Structure", exact: true }).check();
    await watch.page.waitForFunction(() =>
      !/structures/.test(
        document.querySelector("li[data-indicator=benevoles_actifs] .value")?.textContent ?? "x",
      )
    );
    const structure = plain(
      await watch.page.locator("li[data-indicator=benevoles_actifs] .value").innerText(),
    );
    assert.match(structure, /^(\d[\d ]* personnes?|< 5|—)$/);

    const cluster = await open("/cluster", "tr[data-indicator=benevoles_actifs] td:first-child .muted");
    assert.match(cluster, /^bénévoles × structures · /);
    assert.equal(watch.consoleErrors.length, 0, watch.consoleErrors.join("\n"));
    await watch.page.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
