/**
 * « Reviennent-ils ? », an analysis run on the pseudonymised warehouse at build time: the page
 * renders offline, its headline equals a computation done here in TypeScript from the person-level
 * rows, and the published result holds neither a pseudonym nor a count of 1 to 4 people.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { queryWarehouse } from "../../src/analysis/run_analysis.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const pct = (v: number) =>
  plain(new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 }).format(v));

/** Newcomers to La Coopération and those back the next year, from the person-level visits. */
async function handCount() {
  const rows = await queryWarehouse(`SELECT DISTINCT v.structure_id, v.year, v.person_key
    FROM ind_visits v JOIN stg_structures s USING (structure_id) WHERE s.in_cooperation`);
  const years = new Map<string, [number, number]>();
  for (const r of rows) {
    const s = String(r.structure_id);
    const [lo, hi] = years.get(s) ?? [Infinity, -Infinity];
    years.set(s, [Math.min(lo, r.year as number), Math.max(hi, r.year as number)]);
  }
  const start = Math.max(...[...years.values()].map(([lo]) => lo));
  const end = Math.min(...[...years.values()].map(([, hi]) => hi));
  const seen = new Map<string, Set<number>>();
  for (const r of rows) {
    const key = String(r.person_key);
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(r.year as number);
  }
  let newcomers = 0, back = 0;
  const cohorts = new Map<number, [number, number]>();
  for (const yearsSeen of seen.values()) {
    const first = Math.min(...yearsSeen);
    if (first <= start || first + 1 > end) continue;
    newcomers++;
    const [n, b] = cohorts.get(first) ?? [0, 0];
    cohorts.set(first, [n + 1, b + (yearsSeen.has(first + 1) ? 1 : 0)]);
    if (yearsSeen.has(first + 1)) back++;
  }
  const shares = [...cohorts.values()].map(([n, b]) => b / n);
  const meanOfCohorts = shares.reduce((s, v) => s + v, 0) / shares.length;
  return { newcomers, back, first: start + 1, last: end - 1, meanOfCohorts };
}

Deno.test("Reviennent-ils ?: headline from the warehouse, protected result, offline page", async () => {
  const expected = await handCount();
  assert.ok(expected.newcomers > 100, `${expected.newcomers} newcomers in the sample`);
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    await watch.page.goto(`${server.url}/analyses/reviennent-ils`);
    await watch.page.waitForSelector(".analysis-result tbody tr");
    await watch.page.waitForSelector("[data-testid=analysis-chart] svg");
    const lede = plain(await watch.page.locator(".lede").innerText());
    const n = plain(new Intl.NumberFormat("fr-FR").format(expected.newcomers));
    assert.ok(
      lede.startsWith(
        `Sur ${n} personnes venues pour la première fois à La Coopération entre ${expected.first} et ` +
          `${expected.last}, ${pct(expected.back / expected.newcomers)} sont revenues l'année suivante`,
      ),
      lede,
    );
    const headers = await watch.page.locator(".analysis-result thead th").allInnerTexts();
    assert.deepEqual(headers.slice(0, 6), [
      "Périmètre",
      "Première venue",
      "Années après",
      "Nouveaux participants",
      "Revenus",
      "Part revenue",
    ]);
    // The Arquero summary (aq, offline): one row per perimeter, the Coopération's 1-year mean as the
    // mean of its published cohorts.
    const summary = watch.page.locator("[data-testid=aq-summary] tbody tr");
    assert.ok(await summary.count() >= 2);
    const coopRow = await watch.page.locator("[data-testid=aq-summary] tbody tr", {
      hasText: "La Coopération",
    })
      .locator("td").allInnerTexts();
    assert.equal(coopRow.length, 3);
    assert.equal(plain(coopRow[0]), pct(expected.meanOfCohorts));
    assert.equal(await watch.page.locator(".observablehq--error").count(), 0);
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
  // The published file: counts are 0, ≥ 5 or masked; no value looks like a pseudonym.
  const files = [];
  for await (const entry of Deno.readDir(join(DIST, "_file", "analyses"))) {
    if (entry.name.startsWith("reviennent-ils.")) files.push(entry.name);
  }
  assert.equal(files.length, 1);
  const published = JSON.parse(await Deno.readTextFile(join(DIST, "_file", "analyses", files[0])));
  for (const row of published.rows) {
    for (const column of ["nouveaux", "revenants"]) {
      const v = row[column];
      assert.ok(v === null || v === 0 || v >= 5, `${column} = ${v}`);
    }
  }
  assert.doesNotMatch(JSON.stringify(published), /[A-Za-z0-9_-]{20}/);
});

Deno.test("D'une structure à l'autre: the most frequent passage named as the warehouse gives it, offline", async () => {
  // Hand count: each person's first structure, then every other structure they came to.
  const rows = await queryWarehouse(`SELECT s.name, v.person_key, min(v.visit_date) AS first
    FROM ind_visits v JOIN stg_structures s USING (structure_id) WHERE s.in_cooperation GROUP BY ALL`);
  const byPerson = new Map<string, { name: string; first: string }[]>();
  for (const r of rows) {
    const list = byPerson.get(String(r.person_key)) ?? [];
    list.push({ name: String(r.name), first: String(r.first) });
    byPerson.set(String(r.person_key), list);
  }
  const flows = new Map<string, number>();
  for (const list of byPerson.values()) {
    if (list.length < 2) continue;
    // The first structure; on a tie (same first day), the first by name, as the query does.
    const origin =
      list.reduce((a, b) => (b.first < a.first || (b.first === a.first && b.name < a.name) ? b : a)).name;
    for (const { name } of list) {
      if (name !== origin) flows.set(`${origin}→${name}`, (flows.get(`${origin}→${name}`) ?? 0) + 1);
    }
  }
  const [, top] = [...flows].sort((a, b) => b[1] - a[1])[0];
  assert.ok(top >= 5, `largest flow ${top}`);
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    await watch.page.goto(`${server.url}/analyses/d-une-structure-a-l-autre`);
    await watch.page.waitForSelector("[data-testid=analysis-chart] svg");
    const lede = plain(await watch.page.locator(".lede").innerText());
    assert.match(
      lede,
      new RegExp(
        `^Le passage le plus fréquent entre les structures de La Coopération va .+ vers .+ : ${top} personnes\\.$`,
      ),
    );
    assert.equal(await watch.page.locator(".analysis-result table").count(), 2);
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
