/**
 * Browser tests of the SROI, Enquêtes, Accorderie and Cluster pages on the built site (dist/,
 * built on the sample data): each renders its charts in French with no console error and no
 * request outside loopback, and shows numbers equal to the warehouse's (or, for the SROI, to
 * `deno task sroi --json` on the same impact map).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, type PageWatch, watchedPage } from "../../src/site/browser.ts";
import { sroiMapPath } from "../../src/site/publish_sroi.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const fr = (n: number, digits = 0) =>
  plain(
    new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      n,
    ),
  );
const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${fr(Math.abs(n), 2)}`;

async function warehouse<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const wh = await openWarehouse(warehousePath());
  try {
    return await queryRows(wh.conn, sql) as T[];
  } finally {
    wh.close();
  }
}

/** The Accorderie page data as published in the built site. */
async function publishedTimebank(): Promise<
  { networks: { year: number; nodes: string[]; links: [number, number, number][] }[] }
> {
  const dir = join(DIST, "_file", "data", "generated");
  const name = (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name)
    .find((n) => /^accorderie\.[0-9a-f]+\.json$/.test(n));
  assert.ok(name, "accorderie.json in dist");
  return JSON.parse(await Deno.readTextFile(join(dir, name)));
}

/** Opens a page of the built site and waits for its charts. */
async function openPage(
  watch: PageWatch,
  url: string,
  charts: string[],
): Promise<void> {
  await watch.page.goto(url);
  for (const chart of charts) await watch.page.waitForSelector(`[data-testid=${chart}] svg`);
  await watch.page.waitForLoadState("networkidle");
}

async function text(watch: PageWatch, testid: string): Promise<string> {
  return plain(await watch.page.locator(`[data-testid=${testid}]`).first().innerText());
}

/** The big figure of a card. */
async function big(watch: PageWatch, testid: string): Promise<string> {
  return plain(await watch.page.locator(`[data-testid=${testid}] .big`).innerText());
}

function assertClean(watch: PageWatch, path: string) {
  assert.equal(watch.consoleErrors.length, 0, `${path}: ${watch.consoleErrors.join("\n")}`);
  assert.deepEqual(watch.outsideRequests, [], path);
}

Deno.test("SROI, Enquêtes, Accorderie and Cluster pages: charts, warehouse numbers, offline", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    await t.step("SROI: the ratio equals `deno task sroi --json` on the same map", async () => {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "src/sroi/cli.ts", "--json", sroiMapPath()],
        cwd: PROJECT_ROOT,
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(out.success, new TextDecoder().decode(out.stderr));
      const cli = JSON.parse(new TextDecoder().decode(out.stdout));
      const watch = await watchedPage(browser);
      await openPage(watch, `${server.url}/sroi`, ["chart-years", "chart-tornado", "chart-monte-carlo"]);
      assert.equal(await big(watch, "card-ratio"), `1 : ${fr(cli.ratio, 2)}`);
      assert.match(
        await text(watch, "card-interval"),
        new RegExp(`${fr(cli.monte_carlo.p5, 2)} – ${fr(cli.monte_carlo.p95, 2)}`),
      );
      const lede = await text(watch, "lede");
      assert.ok(lede.includes(`${fr(Math.round(cli.inputs_total))} €`), lede);
      assert.ok(lede.includes(`1 : ${fr(cli.ratio, 2)}`), lede);
      // The impact map shows each line's proxy source; the assumptions sit beside the result.
      assert.ok((await text(watch, "table-map")).includes(cli.lines[0].proxy_source.slice(0, 30)));
      assert.match(await text(watch, "assumptions"), /taux d'actualisation 3,5 %, horizon 5 ans/);
      // Tornado bars: two per tested assumption shown; the Monte Carlo histogram has bars.
      assert.ok(await watch.page.locator("[data-testid=chart-tornado] svg rect").count() >= 4);
      assert.ok(await watch.page.locator("[data-testid=chart-monte-carlo] svg rect").count() >= 10);
      assertClean(watch, "/sroi");
      await watch.page.close();
    });

    await t.step("Enquêtes: mean change and counts equal mart_survey_results", async () => {
      const [r] = await warehouse<Record<string, string | number>>(
        `SELECT * FROM mart_survey_results WHERE scope = 'cooperation' AND mean_change IS NOT NULL
         ORDER BY form_id, dimension LIMIT 1`,
      );
      assert.ok(r, "the sample has survey results");
      const watch = await watchedPage(browser);
      await openPage(watch, `${server.url}/enquetes`, ["chart-before-after", "chart-change", "chart-rates"]);
      const table = await text(watch, "table-results");
      const row = table.split("\n").find((l) =>
        l.includes(String(r.wave_before_n)) && l.includes(signed(Number(r.mean_change)))
      );
      assert.ok(row, `a row with ${r.wave_before_n} and ${signed(Number(r.mean_change))} in:\n${table}`);
      assert.ok(row.includes(fr(Number(r.mean_before), 2)) && row.includes(fr(Number(r.mean_after), 2)), row);
      assert.match(
        await text(watch, "lede"),
        new RegExp(`${r.paired_n} personnes ont répondu aux deux vagues`),
      );
      // Consented free text is shown as text: the escaped apostrophe reads as an apostrophe.
      const free = await text(watch, "free-text");
      assert.ok(free.includes("J'ai rencontré") || free.includes("Merci à l'équipe"), free);
      assert.ok(!free.includes("&#39;"), "free text escaped twice");
      // Testimonies are escaped: a « <3 » typed by someone stays text, never markup.
      assert.equal(await watch.page.locator("[data-testid=testimonies] blockquote script").count(), 0);
      assert.ok(await watch.page.locator("[data-testid=testimonies] blockquote").count() > 0);
      assertClean(watch, "/enquetes");
      await watch.page.close();
    });

    await t.step("Accorderie: hours and members equal mart_timebank_year", async () => {
      const [y] = await warehouse<Record<string, number>>(
        "SELECT year, hours, active_members, exchanges FROM mart_timebank_year ORDER BY year DESC LIMIT 1",
      );
      const watch = await watchedPage(browser);
      await openPage(watch, `${server.url}/accorderie`, ["chart-hours", "chart-balance", "chart-network"]);
      // Hours are whole on every page (value_format.js).
      assert.equal(await big(watch, "card-hours"), fr(y.hours));
      assert.equal(await big(watch, "card-members"), fr(y.active_members));
      const table = await text(watch, "table-years");
      assert.match(table, new RegExp(`${y.year}\\s+${fr(y.exchanges)}\\s`));
      // Network matrix: one cell per published arc (mutual ones in their own colour), one partner bar
      // per member, no label but the groups' and the axes'; the text alternative names the figures.
      const [m] = await warehouse<Record<string, number>>(
        `SELECT nodes, ties, arcs FROM mart_timebank_network_metrics WHERE year = ${y.year}`,
      );
      const published = await publishedTimebank();
      const matrixOf = async (year: number) => {
        const net = published.networks.find((n) => n.year === year)!;
        const arcs = new Set(net.links.map(([s, t]) => `${s}>${t}`));
        const mutual = net.links.filter(([s, t]) => arcs.has(`${t}>${s}`)).length;
        const cells = watch.page.locator("[data-testid=chart-network] svg g.cells rect");
        assert.equal(await cells.count(), net.links.length, `cells ${year}`);
        const fills = await cells.evaluateAll((rects) => rects.map((r) => r.getAttribute("fill")));
        assert.equal(fills.filter((f) => f === "#D55E00").length, mutual, `mutual cells ${year}`);
        assert.equal(
          await watch.page.locator("[data-testid=chart-network] svg g.partners rect").count(),
          net.nodes.length,
        );
        return net;
      };
      const latestNet = await matrixOf(y.year);
      assert.equal(latestNet.links.length, m.arcs);
      assert.equal(latestNet.nodes.length, m.nodes);
      const labels = await watch.page.locator("[data-testid=chart-network] svg text").allTextContents();
      const allowed =
        /^(donne surtout|équilibré|reçoit surtout|groupe masqué \(< 5\)|partenaires|0 – \d+|colonnes : .*|lignes : .*)$/;
      assert.deepEqual(labels.filter((l) => !allowed.test(l.trim())), []);
      const networkText = await text(watch, "network-text");
      assert.match(networkText, new RegExp(`${m.nodes} membres, ${fr(m.ties)} paires`));
      // Group-to-group hours: the table's hours add up to the published arcs' hours.
      const flowHours =
        (await watch.page.locator("[data-testid=group-flows-table] table").evaluate((table) => {
          const at = [...table.querySelectorAll("thead th")].findIndex((th) =>
            th.textContent?.trim() === "Heures"
          );
          return [...table.querySelectorAll("tbody tr")].map((tr) => tr.children[at]?.textContent ?? "");
        })).map((cell) => Number(plain(cell).replace(/\s/g, "")));
      assert.equal(flowHours.length, new Set(latestNet.nodes).size ** 2);
      const totalHours = latestNet.links.reduce((sum, [, , h]) => sum + h, 0);
      assert.ok(
        Math.abs(flowHours.reduce((a, b) => a + b, 0) - totalHours) <= flowHours.length / 2,
        `${flowHours} vs ${totalHours}`,
      );
      // Another year from the selector: as many cells as that year's published arcs.
      const earlier = published.networks.find((n) => n.year !== y.year)!;
      await watch.page.locator("form select").last().selectOption(String(earlier.year));
      await watch.page.waitForFunction(
        (n) => document.querySelectorAll("[data-testid=chart-network] svg g.cells rect").length === n,
        earlier.links.length,
      );
      await matrixOf(earlier.year);
      assertClean(watch, "/accorderie");
      await watch.page.close();
    });

    await t.step("Cluster: actors, ties and the shared indicators equal the marts", async () => {
      const [y] = await warehouse<Record<string, number>>(
        "SELECT year, actors, ties, structures FROM mart_cluster_network_year ORDER BY year DESC LIMIT 1",
      );
      const [ind] = await warehouse<Record<string, number | string>>(
        `SELECT indicator_id, year, published_value FROM mart_indicator_values
         WHERE scope_level = 'cluster' AND indicator_id = 'participants_uniques' ORDER BY year DESC LIMIT 1`,
      );
      const watch = await watchedPage(browser);
      await openPage(watch, `${server.url}/cluster`, ["chart-network", "chart-growth", "indicators"]);
      assert.equal(await big(watch, "card-actors"), fr(y.actors));
      assert.match(
        await text(watch, "card-actors"),
        new RegExp(`dont ${y.structures} structures du registre`),
      );
      assert.equal(await big(watch, "card-ties"), fr(y.ties));
      assert.equal(await watch.page.locator("[data-testid=chart-network] svg circle").count(), y.actors);
      // The network ends at the last year of the observed activity, not at the year the lists were loaded.
      const [last] = await warehouse<Record<string, number>>(
        `SELECT max(y) AS y FROM (SELECT max(year(visit_date)) AS y FROM stg_attendance
         UNION ALL SELECT max(year(since)) FROM stg_partnerships)`,
      );
      assert.equal(y.year, last.y);
      assert.equal(await watch.page.locator("input[type=range]").first().getAttribute("max"), String(last.y));
      const row = plain(await watch.page.locator(`tr[data-indicator=${ind.indicator_id}]`).innerText());
      assert.ok(row.includes(fr(Number(ind.published_value))), row);
      assert.ok(row.includes(String(ind.year)), row);
      // A value only some structures sent says so, with the counts of the marts.
      const [partial] = await warehouse<Record<string, number | string>>(
        `SELECT v.indicator_id, v.structures_with_data, v.structures_in_scope FROM mart_indicator_values v
         WHERE v.scope_level = 'cluster' AND NOT v.complete AND NOT v.suppressed
           AND v.year = (SELECT max(year) FROM mart_indicator_values w
                         WHERE w.scope_level = 'cluster' AND w.indicator_id = v.indicator_id)
         ORDER BY v.indicator_id LIMIT 1`,
      );
      if (partial) {
        const partialRow = plain(
          await watch.page.locator(`tr[data-indicator=${partial.indicator_id}]`).innerText(),
        );
        assert.match(
          partialRow,
          new RegExp(
            `partiel : ${partial.structures_with_data} structures? sur ${partial.structures_in_scope}`,
          ),
        );
      }
      // Sparkline axes: whole years only.
      const ticks = await watch.page.locator("[data-testid=indicators] svg").allTextContents();
      assert.ok(ticks.every((t) => !/\d{4}[.,]\d/.test(t)), ticks.join(" | "));
      assertClean(watch, "/cluster");
      await watch.page.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});
