/**
 * Issue 15, item 4: no internal name reaches a reader. Every page of the built site (dist/) is
 * read as a reader sees it (rendered text, charts' text and tooltips included) and must not
 * contain a warehouse table name (`mart_…`, `stg_…`, `int_…`), a repository path (`data/…`) or a
 * snake_case identifier.
 *
 * Allowed, and only there: text inside `<code>`, `<pre>` and the SQL editor, i.e. what the
 * officer types or copies (table and column names on the Explorateur and the published-tables
 * page, a formula's SQL file on Méthodologie), `<details data-officer>` blocks written for the
 * technical team, and the officer's own tools under /outils/ (the export formats page documents
 * the real column headers of each software, e.g. `cp_resid`, and the folders to drop files in).
 * Anything a reader is meant to read stays plain French.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import config from "../../observablehq.config.ts";
import { sitePaths } from "../../src/site/site_paths.ts";

const DIST = join(PROJECT_ROOT, "dist");

/** What must never be read: table names, repository paths, snake_case identifiers. */
export const INTERNAL = [
  { what: "nom de table de l'entrepôt", pattern: /\b(?:mart|stg|int)_[a-z0-9_]+/g },
  { what: "chemin du dépôt", pattern: /(?<![\w/.-])data\/[\w<>.\/-]+/g },
  // Two lowercase words joined by « _ » (year_month, volunteer_hours, age_band…).
  { what: "identifiant snake_case", pattern: /\b[a-z][a-z0-9]*_[a-z0-9]+(?:_[a-z0-9]+)*\b/g },
];

/** Every internal name found in a page's reader text. */
export function internalNames(text: string): string[] {
  return INTERNAL.flatMap(({ what, pattern }) => [...text.matchAll(pattern)].map((m) => `${what} : ${m[0]}`));
}

Deno.test("the internal-name patterns catch the names of issue 15 and spare French text", () => {
  assert.deepEqual(
    internalNames(
      "Source : entrepôt (mart_indicator_values), absent de data/reference/themes.csv ; colonnes year_month, visits.",
    ),
    [
      "nom de table de l'entrepôt : mart_indicator_values",
      "chemin du dépôt : data/reference/themes.csv",
      "identifiant snake_case : mart_indicator_values",
      "identifiant snake_case : year_month",
    ],
  );
  assert.deepEqual(
    internalNames("Données chargées le 3 mars 2024 ; 12 345 passages, 3,5 % en QPV — l'entrepôt/la page."),
    [],
  );
});

Deno.test("no page shows a table name, a repository path or a snake_case identifier to its reader", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const paths = sitePaths(config);
    const officerTools = paths.filter((p) => p.startsWith("/outils/"));
    assert.ok(paths.length - officerTools.length >= 15, "the readers' pages are all checked");
    const found: string[] = [];
    const watch = await watchedPage(browser);
    for (const path of paths.filter((p) => !officerTools.includes(p))) {
      await watch.page.goto(`${server.url}${path}`);
      await watch.page.waitForSelector("#observablehq-main h1");
      await watch.page.waitForLoadState("networkidle");
      // The reader's text: visible text, SVG text (charts) and tooltips, minus what the officer types.
      const text = await watch.page.evaluate(() => {
        const main = document.querySelector("#observablehq-main")!.cloneNode(true) as HTMLElement;
        for (const el of main.querySelectorAll("code, pre, textarea, details[data-officer], script, style")) {
          el.remove();
        }
        const titles = [...main.querySelectorAll("[title]")].map((el) => el.getAttribute("title"));
        const svgTitles = [...main.querySelectorAll("svg title, svg desc")].map((el) => el.textContent);
        for (const el of main.querySelectorAll("svg title, svg desc")) el.remove();
        return [main.textContent, ...titles, ...svgTitles, document.title].join("\n");
      });
      for (const name of new Set(internalNames(text))) found.push(`${path} — ${name}`);
    }
    assert.deepEqual(found, [], `${found.length} noms internes montrés aux lecteurs :\n${found.join("\n")}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
