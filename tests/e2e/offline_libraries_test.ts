/**
 * Framework's implicit libraries offline: a page using `aq` (Arquero) builds and renders with
 * nothing fetched outside loopback; a page using a library the site does not ship (Leaflet's `L`)
 * stops the build with a French message naming the page and the library, instead of reaching
 * the CDN or leaving a broken page. Each case builds a two-page site in a temporary folder.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { launchBrowser, watchedPage } from "../../src/site/browser.ts";
import { frameworkBuild } from "../../src/site/framework_build.ts";
import { serveStatic } from "../../src/site/static_server.ts";
import { installedVersion, vendorNpm } from "../../src/site/vendor_npm.ts";

const CONFIG = `export default { root: "pages", title: "Essai", globalStylesheets: [], search: false };\n`;

const ARQUERO_PAGE = `# Arquero hors ligne

\`\`\`js
const visits = aq.table({structure: ["ors", "ors", "crest", "ors"], passages: [3, 4, 5, 6]});
const bySite = visits.groupby("structure").rollup({total: aq.op.sum("passages")}).orderby("structure");
\`\`\`

<p id="result">\${bySite.objects().map((d) => \`\${d.structure}=\${d.total}\`).join(";")}</p>
`;

/** A small Framework project in a temporary folder, its npm cache filled from node_modules. */
async function smallSite(pages: Record<string, string>): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "site-libs-" });
  await Deno.mkdir(join(dir, "pages"));
  await Deno.writeTextFile(join(dir, "observablehq.config.js"), CONFIG);
  for (const [name, text] of Object.entries(pages)) await Deno.writeTextFile(join(dir, "pages", name), text);
  await vendorNpm(join(dir, "pages"));
  return dir;
}

const place = (dir: string) => ({ cwd: dir, config: "observablehq.config.js" });

Deno.test("a page using aq (Arquero) builds and renders offline", async () => {
  const dir = await smallSite({ "index.md": ARQUERO_PAGE });
  try {
    const { code, explanation } = await frameworkBuild(place(dir), true);
    assert.equal(explanation, null);
    assert.equal(code, 0);
    const version = await installedVersion("arquero");
    // Framework copied the vendored bundle (hashed name) into the site.
    const shipped = await Array.fromAsync(Deno.readDir(join(dir, "dist", "_npm", `arquero@${version}`)));
    assert.equal(shipped.filter((f) => f.name.endsWith(".js")).length, 1);
    const server = serveStatic(join(dir, "dist"));
    const browser = await launchBrowser();
    try {
      const watch = await watchedPage(browser);
      await watch.page.goto(`${server.url}/`);
      await watch.page.waitForFunction(() => document.querySelector("#result")?.textContent?.includes("="));
      // 5 at Crest; 3 + 4 + 6 = 13 at the Ors: Arquero grouped and summed in the browser.
      assert.equal(await watch.page.locator("#result").innerText(), "crest=5;ors=13");
      assert.deepEqual(watch.consoleErrors, []);
      assert.deepEqual(watch.outsideRequests, []);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a page using a library not shipped offline stops the build with a French message", async () => {
  const dir = await smallSite({
    "index.md": "# Accueil\n",
    "carte.md": "# Carte\n\n```js\ndisplay(typeof L.map);\n```\n",
  });
  try {
    const { code, explanation } = await frameworkBuild(place(dir), true);
    assert.notEqual(code, 0);
    assert.match(
      explanation ?? "",
      /^La page \/carte utilise la bibliothèque « leaflet », que le site ne fournit pas hors ligne/,
    );
    // Nothing half-built is left to publish.
    await assert.rejects(Deno.stat(join(dir, "dist", "carte.html")));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
