/**
 * One value per indicator, everywhere (issue 14): on the built sample site (dist/), every page is
 * opened once in one browser; every indicator value it shows (elements with `data-indicator`,
 * `data-scope` and `data-year` or `data-baseline`, emitted by pages/components/value_format.js)
 * must read as the one formatter writes the warehouse's value for the same indicator, scope and
 * year, and the same indicator/scope/year must read the same on every page. Figures repeated
 * across pages (`data-fact`) must agree too. The judging is src/site/indicator_consistency.ts
 * (unit-tested with the discrepancies the issue observed).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT, warehousePath } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { BASELINE_YEARS } from "../../src/indicators/build_marts.ts";
import {
  checkShownValues,
  type MartValue,
  type ShownFact,
  type ShownValue,
} from "../../src/site/indicator_consistency.ts";
import config from "../../observablehq.config.ts";
import { sitePaths } from "../../src/site/site_paths.ts";
import { VOLUNTEER_COUNT_INDICATORS, volunteerCountUnits } from "../../src/volunteering/count_unit.ts";

const DIST = join(PROJECT_ROOT, "dist");

/** Every published value and 2017–2018 reference of the warehouse, keyed « indicator|scope|year ». */
async function martValues(): Promise<Map<string, MartValue>> {
  const wh = await openWarehouse(warehousePath());
  try {
    const mart = new Map<string, MartValue>();
    const values = await queryRows(
      wh.conn,
      `SELECT v.indicator_id, v.scope, v.year, v.published_value, v.suppressed, c.unit
       FROM mart_indicator_values v JOIN mart_indicator_catalogue c USING (indicator_id)`,
    );
    for (const r of values) {
      mart.set(`${r.indicator_id}|${r.scope}|${r.year}`, {
        value: r.published_value === null ? null : Number(r.published_value),
        suppressed: Boolean(r.suppressed),
        unit: String(r.unit),
      });
    }
    // The reference as mart_indicator_baseline computes it: the mean of the baseline years present.
    const baselines = await queryRows(
      wh.conn,
      `SELECT v.indicator_id, v.scope, avg(v.value) AS baseline, bool_or(v.suppressed) AS hidden, any_value(c.unit) AS unit
       FROM mart_indicator_values v JOIN mart_indicator_catalogue c USING (indicator_id)
       WHERE v.year BETWEEN $1 AND $2 AND v.value IS NOT NULL GROUP BY ALL`,
      [...BASELINE_YEARS] as never,
    );
    for (const r of baselines) {
      mart.set(`${r.indicator_id}|${r.scope}|baseline`, {
        value: r.hidden ? null : Number(r.baseline),
        suppressed: Boolean(r.hidden),
        unit: String(r.unit),
      });
    }
    // A volunteer count above the structure is published in « bénévoles × structures » when volunteers
    // cannot be linked across structures (src/volunteering/count_unit.ts): the pages say so.
    const units = await volunteerCountUnits(wh.conn);
    for (const [key, value] of mart) {
      const [indicator, scope] = key.split("|");
      const unit = units.get(scope);
      if (unit && VOLUNTEER_COUNT_INDICATORS.includes(indicator)) mart.set(key, { ...value, unit });
    }
    return mart;
  } finally {
    wh.close();
  }
}

Deno.test("every indicator value on every page equals the mart's, and reads the same everywhere", async () => {
  const mart = await martValues();
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  const shown: ShownValue[] = [];
  const facts: ShownFact[] = [];
  try {
    const paths = sitePaths(config);
    const watch = await watchedPage(browser);
    for (const path of paths) {
      await watch.page.goto(`${server.url}${path}`);
      await watch.page.waitForSelector("#observablehq-main h1");
      await watch.page.waitForLoadState("networkidle");
      // Every inline expression has rendered (Framework's placeholders are gone): no value is missed.
      await watch.page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0);
      assert.equal(await watch.page.locator(".observablehq--error").count(), 0, `${path}: a cell failed`);
      const found = await watch.page.locator("[data-indicator][data-scope]").evaluateAll((elements) =>
        elements.map((e) => {
          const d = (e as HTMLElement).dataset;
          return {
            indicator: d.indicator ?? "",
            scope: d.scope ?? "",
            year: d.baseline ? "baseline" : d.year ?? "",
            text: e.textContent ?? "",
            withUnit: d.withUnit !== "0",
          };
        })
      );
      for (const f of found) {
        shown.push({ ...f, page: path, year: f.year === "baseline" ? "baseline" : Number(f.year) });
      }
      const pageFacts = await watch.page.locator("[data-fact]").evaluateAll((elements) =>
        elements.map((e) => ({ fact: (e as HTMLElement).dataset.fact ?? "", text: e.textContent ?? "" }))
      );
      facts.push(...pageFacts.map((f) => ({ ...f, page: path })));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // The pages that show indicator values all tag them: a page that stopped would go unchecked.
  const pages = new Set(shown.map((v) => v.page));
  for (
    const path of [
      "/",
      "/cooperation",
      "/structures/ors",
      "/chaine-valeur",
      "/socle-commun",
      "/cluster",
      "/departement",
    ]
  ) {
    assert.ok(pages.has(path), `${path} shows tagged indicator values`);
  }
  assert.ok(shown.length >= 300, `${shown.length} values read`);
  assert.ok(shown.some((v) => v.year === "baseline"), "2017–2018 references are checked");
  assert.ok(facts.length >= 2, "the cluster's coverage is stated on the home and cluster pages");
  console.log(
    `${shown.length} valeurs d'indicateur lues sur ${pages.size} pages, ${facts.length} chiffres répétés`,
  );
  const problems = checkShownValues(
    shown,
    (indicator, scope, year) => mart.get(`${indicator}|${scope}|${year}`),
    {
      facts,
    },
  );
  assert.deepEqual(problems, [], problems.slice(0, 20).join("\n"));
});
