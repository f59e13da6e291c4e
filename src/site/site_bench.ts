/**
 * Speed budgets of the built site (dist/), with headless Chromium on 127.0.0.1 (issue 5; measured,
 * not asserted in the tests):
 *
 * - every dashboard page: does not load DuckDB-wasm; at most 500 KB of page data (files under
 *   `/_file/`); first chart visible within 1 s of navigation (median of the runs). The officer's
 *   notebooks (/analyses/<carnet>) are measured and listed apart: like the Explorateur, they query
 *   the published tables with DuckDB-wasm;
 * - the Explorateur: an aggregate over 1,000,000 rows (a generated Arrow table loaded into the
 *   page's DuckDB-wasm) answered within 1 s after DuckDB-wasm has loaded, typed in the editor.
 *
 * Run `deno task build` first, then `deno task bench` (or `deno bench -A src/site/site_bench.ts`).
 * The budgets are printed at the end with « respecté » / « DÉPASSÉ ».
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { makeVector, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "../paths.ts";
import config from "../../observablehq.config.ts";
import { launchBrowser, watchedPage } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static_server.ts";

const DIST = join(PROJECT_ROOT, "dist");
const EXPLORER = "/explorateur";
const BIG_ROWS = 1_000_000;
const BUDGET = { pageDataBytes: 500 * 1024, firstChartMs: 1000, explorerMs: 1000 };

const built = await Deno.stat(join(DIST, "index.html")).then(() => true, () => false);
if (!built) console.log("dist/ absent : lancez `deno task build` avant les mesures du site.");

/** Pages listed in the sidebar (sections flattened), without the Explorateur. */
function dashboardPaths(): string[] {
  type Entry = { path?: string; pages?: Entry[] };
  const flat = (entries: Entry[]): string[] =>
    entries.flatMap((p) => [...(p.path ? [p.path] : []), ...flat(p.pages ?? [])]);
  return flat(config.pages as Entry[]).filter((p) => p !== EXPLORER);
}

/** The officer's notebooks (/analyses/<carnet>): DuckDB-wasm pages by design, like the Explorateur. */
const isNotebook = (path: string) => path.startsWith("/analyses/") && path !== "/analyses/";

interface PageMeasure {
  duckdb: boolean;
  dataBytes: number;
  /** New browser, empty cache. */
  firstChartMs: number[];
  /** Second visit, the browser's cache filled by the first. */
  warmChartMs: number[];
}

const pages = new Map<string, PageMeasure>();
const explorer: { loadMs: number[]; queryMs: number[]; uiMs: number[] } = {
  loadMs: [],
  queryMs: [],
  uiMs: [],
};

/** Runs `work` with a fresh server and browser, both stopped afterwards. */
async function withBrowser(work: (server: StaticServer, browser: Browser) => Promise<void>): Promise<void> {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    await work(server, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Opens `path` once; records whether DuckDB loads, the page data bytes and the first chart time. */
function measurePage(path: string): Promise<void> {
  return withBrowser(async (server, browser) => {
    const watch = await watchedPage(browser);
    const { page } = watch;
    const measure = pages.get(path) ?? { duckdb: false, dataBytes: 0, firstChartMs: [], warmChartMs: [] };
    let bytes = 0;
    page.on("request", (request) => {
      if (/duckdb/i.test(request.url())) measure.duckdb = true;
    });
    page.on("response", async (response) => {
      if (new URL(response.url()).pathname.startsWith("/_file/")) {
        bytes += (await response.body().catch(() => new Uint8Array())).length;
      }
    });
    for (const times of [measure.firstChartMs, measure.warmChartMs]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector("#observablehq-main h1");
      // A chart: a Plot figure or any svg with a text alternative, visible.
      const chart = await page.waitForSelector(
        "#observablehq-main svg[aria-label], #observablehq-main figure svg",
        { state: "visible", timeout: 3_000 },
      ).catch(() => null);
      if (chart) times.push(await page.evaluate(() => performance.now()));
      await page.waitForLoadState("networkidle");
      if (times === measure.firstChartMs) measure.dataBytes = Math.max(measure.dataBytes, bytes);
    }
    pages.set(path, measure);
  });
}

/** A 1,000,000-row Arrow table: structure, year, month, participants, hours. */
function bigArrow(rows: number): Uint8Array {
  const scopes = ["ors", "saint-nicolas", "noel-guichard", "accorderie", "autre"];
  const scope = new Array<string>(rows);
  const year = new Int32Array(rows);
  const month = new Int32Array(rows);
  const participants = new Int32Array(rows);
  const hours = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    scope[i] = scopes[i % scopes.length];
    year[i] = 2017 + (i % 9);
    month[i] = 1 + (i % 12);
    participants[i] = 1 + ((i * 7919) % 50);
    hours[i] = ((i * 31) % 40) / 4;
  }
  return tableToIPC(
    new Table({
      scope: vectorFromArray(scope, new Utf8()),
      year: makeVector(year),
      month: makeVector(month),
      participants: makeVector(participants),
      hours: makeVector(hours),
    }),
    "stream",
  );
}

const AGGREGATE = "SELECT scope, year, sum(participants) AS participants, round(sum(hours), 1) AS heures, " +
  "count(*) AS lignes FROM bench_1m GROUP BY scope, year ORDER BY scope, year";

/** Loads the Explorateur, inserts the 1M-row table (not timed), then times the aggregate. */
function measureExplorer(arrow: Uint8Array): Promise<void> {
  return withBrowser(async (server, browser) => {
    const { page } = await watchedPage(browser);
    await page.route("**/_bench/rows.arrow", (route) => route.fulfill({ body: Buffer.from(arrow) }));
    await page.goto(`${server.url}${EXPLORER}`);
    await page.waitForSelector("[data-testid=explorateur-ready]", { timeout: 60_000 });
    explorer.loadMs.push(await page.evaluate(() => performance.now()));
    await page.evaluate(async () => {
      // deno-lint-ignore no-explicit-any
      const db = (globalThis as any).explorateur.db._db;
      const bytes = new Uint8Array(await (await fetch("/_bench/rows.arrow")).arrayBuffer());
      const connection = await db.connect();
      await connection.insertArrowFromIPCStream(bytes, { name: "bench_1m", schema: "main" });
      await connection.close();
    });
    // The query alone, on the page's DuckDB client.
    explorer.queryMs.push(
      await page.evaluate(async (sql) => {
        // deno-lint-ignore no-explicit-any
        const db = (globalThis as any).explorateur.db;
        const start = performance.now();
        await db.query(sql);
        return performance.now() - start;
      }, AGGREGATE),
    );
    // The same through the editor, until the result's status is shown.
    await page.fill("#explorateur-sql", AGGREGATE);
    const start = Date.now();
    await page.click(".sql-editor button[type=submit]");
    await page.waitForSelector("[data-testid=result-status] .status:has-text('45 lignes')", {
      timeout: 30_000,
    });
    explorer.uiMs.push(Date.now() - start);
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const ms = (value: number) => `${Math.round(value).toLocaleString("fr-FR")} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 0 })} Ko`;
const verdict = (ok: boolean) => (ok ? "respecté" : "DÉPASSÉ");

for (const path of dashboardPaths()) {
  Deno.bench(
    `page ${path} : premier graphique visible`,
    { group: "pages", ignore: !built, n: 3, warmup: 0 },
    async () => {
      await measurePage(path);
    },
  );
}

let arrow: Uint8Array | undefined;
Deno.bench(
  `Explorateur : agrégat sur ${BIG_ROWS.toLocaleString("fr-FR")} lignes`,
  { group: "explorateur", ignore: !built, n: 3, warmup: 0 },
  async () => {
    arrow ??= bigArrow(BIG_ROWS);
    await measureExplorer(arrow);
  },
);

globalThis.addEventListener("unload", () => {
  if (!built) return;
  const lines = ["", "Budgets de vitesse du site (Chromium sans interface, 127.0.0.1) :"];
  for (const [path, m] of pages) {
    const first = median(m.firstChartMs);
    const warm = median(m.warmChartMs);
    if (isNotebook(path)) {
      // Measured, but not a dashboard: a notebook queries the published tables with DuckDB-wasm.
      lines.push(
        `  ${path} (carnet : DuckDB-wasm par conception, hors budget des tableaux de bord)`,
        `    données : ${kb(m.dataBytes)} ; premier graphique visible : ${ms(first)} (second passage : ${
          ms(warm)
        })`,
      );
      continue;
    }
    lines.push(
      `  ${path}`,
      `    DuckDB-wasm chargé : ${m.duckdb ? "oui" : "non"} (budget : non) — ${verdict(!m.duckdb)}`,
      `    données de la page : ${kb(m.dataBytes)} (budget ≤ ${kb(BUDGET.pageDataBytes)}) — ${
        verdict(m.dataBytes <= BUDGET.pageDataBytes)
      }`,
      Number.isNaN(first)
        ? "    premier graphique : aucun graphique sur cette page"
        : `    premier graphique visible : ${
          ms(first)
        } après la navigation, médiane de ${m.firstChartMs.length} (budget ≤ ${ms(BUDGET.firstChartMs)}) — ${
          verdict(first <= BUDGET.firstChartMs)
        }`,
      ...(Number.isNaN(warm) ? [] : [
        `    au second passage dans le même navigateur : ${ms(warm)} — ${
          verdict(warm <= BUDGET.firstChartMs)
        }`,
      ]),
    );
  }
  if (explorer.queryMs.length) {
    const query = median(explorer.queryMs);
    lines.push(
      `  ${EXPLORER}`,
      `    DuckDB-wasm et tables publiées prêts : ${ms(median(explorer.loadMs))} après la navigation`,
      `    agrégat sur ${BIG_ROWS.toLocaleString("fr-FR")} lignes : ${ms(query)} (budget ≤ ${
        ms(BUDGET.explorerMs)
      }) — ${verdict(query <= BUDGET.explorerMs)}`,
      `    même requête lancée depuis l'éditeur, jusqu'au résultat affiché : ${ms(median(explorer.uiMs))}`,
    );
  }
  console.log(lines.join("\n"));
});
