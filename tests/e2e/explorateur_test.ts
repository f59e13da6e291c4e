/**
 * The Explorateur on the built site (dist/): SQL on the published marts in DuckDB-wasm, offline;
 * results match the warehouse; no name from the sample is reachable; CSV and XLSX downloads are
 * valid and neutralise formulas.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import readExcelFile from "read-excel-file/node";
import type { Page } from "playwright-core";
import { PROJECT_ROOT, sampleDir, warehousePath } from "../../src/paths.ts";
import { decodeText } from "../../src/read/decode_text.ts";
import { parseDelimited } from "../../src/read/parse_delimited.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const DIST = join(PROJECT_ROOT, "dist");
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const fr = (n: number) => plain(new Intl.NumberFormat("fr-FR").format(n));

/** Types `sql` in the editor, runs it and returns the status line once the result is shown. */
async function run(page: Page, sql: string): Promise<string> {
  const status = page.locator("[data-testid=result-status]");
  // Mark the shown result: every run renders a new one, even with the same text.
  await page.evaluate(() => {
    const shown = document.querySelectorAll("[data-testid=result-status] > *, [data-testid=result-table]");
    for (const el of shown) el.setAttribute("data-old", "");
  });
  await page.fill("#explorateur-sql", sql);
  await page.click(".sql-editor button[type=submit]");
  await page.waitForSelector("[data-testid=result-status] > :is(.status, .error):not([data-old])", {
    timeout: 30_000,
  });
  // The table is another cell: wait for it too when the query succeeded.
  if (await page.locator("[data-testid=result-status] > .status").count()) {
    await page.waitForSelector("[data-testid=result-table]:not([data-old])", { timeout: 30_000 });
  }
  return plain(await status.innerText());
}

async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/explorateur`);
  await page.waitForSelector("[data-testid=explorateur-ready]", { timeout: 60_000 });
  await page.waitForSelector("[data-testid=result-status] .status");
  await page.waitForSelector("[data-testid=result-table] table");
}

/** Surnames (6+ letters) and full names from the sample's Noethys people exports. */
async function sampleNames(): Promise<{ full: Set<string>; surnames: Set<string> }> {
  const full = new Set<string>();
  const surnames = new Set<string>();
  for (const id of ["ors", "saint-nicolas", "noel-guichard"]) {
    const { text } = decodeText(await Deno.readFile(join(sampleDir(), "inbox", id, "individus.csv")));
    const [header, ...rows] = parseDelimited(text, ";");
    const [nom, prenom] = [header.cells.indexOf("nom"), header.cells.indexOf("prenom")];
    for (const { cells } of rows) {
      if (!cells[nom]) continue;
      full.add(`${cells[prenom]} ${cells[nom]}`);
      if (cells[nom].length >= 6) surnames.add(cells[nom]);
    }
  }
  return { full, surnames };
}

Deno.test("the explorer runs SQL offline and shows the warehouse's row counts", async () => {
  const wh = await openWarehouse(warehousePath());
  const [{ n: structureValues }] = await queryRows(
    wh.conn,
    "SELECT count(*) AS n FROM mart_indicator_values WHERE scope_level = 'structure'",
  );
  const [{ n: coopYears }] = await queryRows(
    wh.conn,
    "SELECT count(DISTINCT year) AS n FROM mart_activity_year WHERE scope = 'cooperation'",
  );
  const [{ visits }] = await queryRows(
    wh.conn,
    "SELECT visits FROM mart_activity_year WHERE scope = 'cooperation' ORDER BY year DESC LIMIT 1",
  );
  wh.close();
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await openExplorer(page, server.url);
    // The default example: one row per year of the Coopération, and a chart.
    assert.match(
      plain(await page.locator("[data-testid=result-status]").innerText()),
      new RegExp(`^${fr(Number(coopYears))} lignes`),
    );
    assert.equal(await page.locator("[data-testid=result-chart] svg[aria-label]").count(), 1);
    assert.match(
      await page.locator("[data-testid=result-chart] figcaption").innerText(),
      // French labels from the table dictionary, never the SQL names (issue 15).
      /Courbe : Passages \(présences\) selon Année civile/,
    );
    // Years read as years: « 2017 » in the table and on the axis, never « 2 017 » nor « 2017.5 ».
    const table = plain(await page.locator("[data-testid=result-table] table").innerText());
    assert.match(table, /\b2017\b/);
    assert.doesNotMatch(table, /\b2 0[12]\d\b/);
    const axis = String(await page.locator("[data-testid=result-chart] svg").textContent());
    assert.doesNotMatch(axis, /\d{4}[.,]5/);

    const status = await run(page, "SELECT * FROM valeurs_indicateurs WHERE scope_level = 'structure'");
    assert.match(status, new RegExp(`^${fr(Number(structureValues))} lignes`), status);

    await run(
      page,
      "SELECT visits FROM activite_annuelle WHERE scope = 'cooperation' ORDER BY year DESC LIMIT 1",
    );
    assert.match(
      plain(await page.locator("[data-testid=result-table] table").innerText()),
      new RegExp(fr(Number(visits))),
    );

    // A DuckDB error is explained in French, with DuckDB's own message kept.
    const error = await run(page, "SELECT nimporte FROM structures");
    assert.match(error, /La requête n'a pas abouti\. La colonne « nimporte » n'existe pas/);

    // The catalogue lists every published table with its columns.
    const catalogue = JSON.parse(
      await Deno.readTextFile(join(PROJECT_ROOT, "pages/data/generated/marts.json")),
    );
    assert.equal(await page.locator("[data-testid=catalogue] details").count(), catalogue.tables.length);
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

Deno.test("no name from the sample can be reached from a notebook", async () => {
  const { full, surnames } = await sampleNames();
  assert.ok(surnames.size > 10);
  const dir = join(DIST, "_file", "data", "generated", "marts");
  // Public names of structures and communes (« Saint-Martin-… ») are not people.
  const registry = tableFromIPC(
    await Deno.readFile(
      join(dir, [...Deno.readDirSync(dir)].find((e) => e.name.startsWith("structures."))!.name),
    ),
  );
  const publicNames = ["name", "commune", "qpv_served"].flatMap((c) => registry.getChild(c)!.toArray())
    .filter(Boolean).sort((a, b) => b.length - a.length) as string[];
  const people = (value: string) => publicNames.reduce((t, name) => t.replaceAll(name, ""), value);
  // 1. No string of any published Arrow file is a name or contains a surname.
  let files = 0;
  for await (const entry of Deno.readDir(dir)) {
    const table = tableFromIPC(await Deno.readFile(join(dir, entry.name)));
    files++;
    for (const field of table.schema.fields) {
      if (String(field.type) !== "Utf8") continue;
      const values = new Set(table.getChild(field.name)!.toArray() as (string | null)[]);
      for (const value of values) {
        if (value === null) continue;
        assert.ok(!full.has(value), `${entry.name}.${field.name}: a name`);
        const rest = people(value);
        for (const surname of surnames) {
          assert.ok(!rest.includes(surname), `${entry.name}.${field.name} holds the surname ${surname}`);
        }
      }
    }
  }
  assert.ok(files >= 5, `${files} published files`);

  // 2. In the browser, only published tables exist, nothing else can be read, no name matches.
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await openExplorer(page, server.url);
    const tables = await run(page, "SELECT table_name FROM information_schema.tables ORDER BY 1");
    const names = (await page.locator("[data-testid=result-table] tbody tr td:last-child").allInnerTexts())
      .sort();
    const published = JSON.parse(
      await Deno.readTextFile(join(PROJECT_ROOT, "pages/data/generated/marts.json")),
    )
      .tables.map((t: { table: string }) => t.table).sort();
    assert.deepEqual(names, published, tables);
    assert.match(await run(page, "SELECT * FROM stg_people"), /La table stg_people n'existe pas/);
    assert.match(await run(page, "SELECT * FROM read_csv('/index.html')"), /La requête n'a pas abouti/);

    // Every text column of every table, searched for some of the sample's surnames.
    const columns = await page.evaluate(async () => {
      // deno-lint-ignore no-explicit-any
      const db = (globalThis as any).explorateur.db;
      const rows = await db.query(
        "SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'",
      );
      return rows.toArray().map((
        r: { table_name: string; column_name: string },
      ) => [r.table_name, r.column_name]);
    });
    assert.ok(columns.length > 10);
    const some = [...surnames].filter((s) => !publicNames.some((p) => p.includes(s))).slice(0, 20)
      .map((s) => s.replace(/[^\p{L} -]/gu, ""));
    const sql = columns.map(([t, c]: string[]) =>
      `SELECT count(*) AS n FROM "${t}" WHERE regexp_matches("${c}", '${some.join("|")}', 'i')`
    ).join(" UNION ALL ");
    const status = await run(page, `SELECT sum(n) AS trouves FROM (${sql})`);
    assert.match(status, /^1 ligne/);
    assert.equal(
      (await page.locator("[data-testid=result-table] tbody td:last-child").innerText()).trim(),
      "0",
    );
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

Deno.test("the result downloads as a valid CSV and XLSX, formulas neutralised", async () => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await openExplorer(page, server.url);
    await run(
      page,
      "SELECT name, year, participants, '=1+1' AS formule, '-2' AS signe FROM activite_annuelle " +
        "JOIN structures ON structure_id = scope WHERE in_cooperation ORDER BY name, year",
    );
    const status = plain(await page.locator("[data-testid=result-status]").innerText());
    const total = Number(/^([\d ]+) lignes/.exec(status)![1].replaceAll(" ", ""));
    assert.ok(total > 4);

    const download = async (format: string) => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`.downloads button[data-format=${format}]`),
      ]);
      const path = await file.path();
      return { name: file.suggestedFilename(), bytes: await Deno.readFile(path!) };
    };

    const csv = await download("csv");
    assert.equal(csv.name, "explorateur-resultat.csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.bytes);
    assert.ok(text.startsWith("\ufeffname;year;participants;formule;signe\r\n"));
    const lines = text.trimEnd().split("\r\n");
    assert.equal(lines.length, total + 1);
    assert.ok(lines[1].endsWith(";'=1+1;'-2"), lines[1]);

    const xlsx = await download("xlsx");
    assert.equal(xlsx.name, "explorateur-resultat.xlsx");
    const [sheet] = await readExcelFile(Buffer.from(xlsx.bytes));
    assert.deepEqual(sheet.data[0], ["name", "year", "participants", "formule", "signe"]);
    assert.equal(sheet.data.length, total + 1);
    assert.equal(typeof sheet.data[1][1], "number");
    assert.equal(sheet.data[1][3], "'=1+1");
    assert.equal(sheet.data[1][4], "'-2");
    assert.deepEqual(watch.consoleErrors, []);
    assert.deepEqual(watch.outsideRequests, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
