import { launchBrowser, watchedPage } from "/work/wt-gloss15/src/site/browser.ts";
import { serveStatic } from "/work/wt-gloss15/src/site/static_server.ts";
const server = serveStatic("/work/wt-gloss15/dist");
const browser = await launchBrowser();
for (const slug of Deno.args) {
  const w = await watchedPage(browser);
  await w.page.setViewportSize({ width: 1400, height: 900 });
  await w.page.goto(`${server.url}/${slug}`);
  await w.page.waitForLoadState("networkidle");
  if (slug.startsWith("analyses/")) await w.page.waitForSelector("[data-testid=notebook-chart] svg", { timeout: 90_000 });
  await w.page.waitForTimeout(1000);
  console.log("=====", slug);
  console.log((await w.page.locator("#observablehq-main").innerText()).slice(0, 3000));
  await w.page.screenshot({ path: `/tmp/gloss15/${slug.replace(/\//g, "_")}.png`, fullPage: true });
  await w.page.close();
}
await browser.close();
await server.close?.();
Deno.exit(0);
