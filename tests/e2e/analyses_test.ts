/**
 * The analysis notebooks on the built site: the two worked examples render offline (SQL result,
 * chart, no console error, nothing fetched outside) and print to PDF; a page made by
 * `deno task analyse` builds (in a small copy of the site) and renders with its result and chart;
 * a draft stays out of the build; a notebook sees only the published tables.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cp } from "node:fs/promises";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { pdfPageCount, printPdf } from "../../src/site/print_pdf.ts";
import { serveStatic } from "../../src/site/static_server.ts";

const DIST = join(PROJECT_ROOT, "dist");
const EXAMPLES = ["qui-vient-le-samedi", "benevolat-depuis-2018"];
const CLI = join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");

Deno.test("the worked examples render offline and print", async (t) => {
  const server = serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    for (const slug of EXAMPLES) {
      await t.step(`${slug}: result table and chart, no error, nothing outside`, async () => {
        const watch = await watchedPage(browser);
        await watch.page.goto(`${server.url}/analyses/${slug}`);
        await watch.page.waitForSelector("[data-testid=notebook-table] tbody tr", { timeout: 60_000 });
        await watch.page.waitForSelector("[data-testid=notebook-chart] svg", { timeout: 60_000 });
        const cells = await watch.page.locator("[data-testid=notebook-table] tbody td").allInnerTexts();
        assert.ok(cells.some((c) => /^\d[\d\s\u202f]*$/.test(c)), cells.join(" | "));
        assert.equal(await watch.page.locator(".observablehq--error").count(), 0);
        assert.deepEqual(watch.consoleErrors, []);
        assert.deepEqual(watch.outsideRequests, []);
        await watch.page.close();
      });
      await t.step(`${slug}: prints to PDF`, async () => {
        const { pdf, consoleErrors, outsideRequests } = await printPdf(`${server.url}/analyses/${slug}`);
        assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), "%PDF-");
        assert.ok(pdfPageCount(pdf) >= 1);
        assert.deepEqual(consoleErrors, []);
        assert.deepEqual(outsideRequests, []);
      });
    }
    await t.step("the sidebar lists the examples under Analyses", async () => {
      const { page } = await watchedPage(browser);
      await page.goto(`${server.url}/analyses/`);
      await page.waitForSelector("[data-testid=catalogue] h3");
      const links = await page.locator("#observablehq-sidebar a").evaluateAll((as) =>
        as.map((a) => a.getAttribute("href"))
      );
      for (const slug of EXAMPLES) assert.ok(links.some((l) => l?.endsWith(slug)), links.join(" "));
      assert.match(await page.locator("[data-testid=catalogue]").innerText(), /jours_semaine/);
      await page.close();
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

/** The template's first cell, followed by a probe of what the notebook's DuckDB can see. */
const PROBE = `
\`\`\`js
const probe = {tables: [], stg: "", file: ""};
probe.tables = rows(await db.query("SELECT table_name FROM information_schema.tables ORDER BY 1")).map((d) => d.table_name);
for (const [key, query] of [["stg", "SELECT * FROM stg_people"], ["file", "SELECT * FROM read_csv('../../data/sample/inbox/ors/individus.csv')"]]) {
  try { await db.query(query); probe[key] = "ok"; } catch (error) { probe[key] = String(error?.message ?? error); }
}
display(html\`<pre data-testid="probe">\${JSON.stringify(probe)}</pre>\`);
\`\`\`
`;

Deno.test("a page made by deno task analyse builds and renders; drafts stay out; only published tables", async () => {
  const root = await Deno.makeTempDir({ prefix: "carnets-" });
  try {
    // A small copy of the site: the components, the published marts and the offline npm cache.
    const pages = join(root, "pages");
    await cp(join(PROJECT_ROOT, "pages", "components"), join(pages, "components"), { recursive: true });
    await cp(join(PROJECT_ROOT, "pages", ".observablehq", "cache"), join(pages, ".observablehq", "cache"), {
      recursive: true,
    });
    await Deno.mkdir(join(pages, "data", "generated"), { recursive: true });
    for (const name of ["marts", "marts.js", "marts.json"]) {
      await cp(
        join(PROJECT_ROOT, "pages", "data", "generated", name),
        join(pages, "data", "generated", name),
        {
          recursive: true,
        },
      );
    }
    await Deno.copyFile(join(PROJECT_ROOT, "pages", "style.css"), join(pages, "style.css"));
    await Deno.writeTextFile(join(pages, "index.md"), "# Essai\n");
    const analyse = (title: string, ...flags: string[]) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "src/cli/analyse.ts", title, "--dossier", join(pages, "analyses"), ...flags],
        cwd: PROJECT_ROOT,
        env: { DENO_NO_UPDATE_CHECK: "1" },
      }).output();
    for (const [title, flags] of [["Mon premier carnet", ["--publier"]], ["Un brouillon", []]] as const) {
      const { code, stderr } = await analyse(title, ...flags);
      assert.equal(code, 0, new TextDecoder().decode(stderr));
    }
    const probePage = join(pages, "analyses", "sonde.md");
    const published = await Deno.readTextFile(join(pages, "analyses", "mon-premier-carnet.md"));
    await Deno.writeTextFile(
      probePage,
      published.replace(/# Mon premier carnet[\s\S]*$/, `# Sonde\n${PROBE}`),
    );
    await Deno.writeTextFile(
      join(root, "config.mjs"),
      `export default {root: "pages", output: "dist", title: "Essai", style: "style.css", pager: false, globalStylesheets: [],
        duckdb: {extensions: {json: null, parquet: null}}};\n`,
    );
    const build = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--no-prompt", CLI, "build", "--config", "config.mjs"],
      cwd: root,
      env: { OBSERVABLE_TELEMETRY_DISABLE: "true", DENO_NO_UPDATE_CHECK: "1" },
    }).output();
    assert.equal(build.code, 0, new TextDecoder().decode(build.stderr));
    const dist = join(root, "dist");
    await Deno.stat(join(dist, "analyses", "mon-premier-carnet.html"));
    await assert.rejects(Deno.stat(join(dist, "analyses", "un-brouillon.html")), Deno.errors.NotFound);

    const server = serveStatic(dist);
    const browser = await launchBrowser();
    try {
      const watch = await watchedPage(browser);
      await watch.page.goto(`${server.url}/analyses/mon-premier-carnet`);
      await watch.page.waitForSelector("[data-testid=notebook-table] tbody tr", { timeout: 60_000 });
      await watch.page.waitForSelector("[data-testid=notebook-chart] svg", { timeout: 60_000 });
      const years = await watch.page.locator("[data-testid=notebook-table] tbody tr").count();
      assert.ok(years >= 5, `${years} rows`);
      assert.deepEqual(watch.consoleErrors, []);
      assert.deepEqual(watch.outsideRequests, []);

      await watch.page.goto(`${server.url}/analyses/sonde`);
      await watch.page.waitForSelector("[data-testid=probe]", { timeout: 60_000 });
      const probe = JSON.parse(await watch.page.locator("[data-testid=probe]").innerText());
      const catalogue = JSON.parse(
        await Deno.readTextFile(join(PROJECT_ROOT, "pages", "data", "generated", "marts.json")),
      );
      assert.deepEqual(probe.tables, catalogue.tables.map((t: { table: string }) => t.table).sort());
      assert.match(probe.stg, /stg_people does not exist/);
      assert.notEqual(probe.file, "ok");
      assert.deepEqual(watch.outsideRequests, []);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
