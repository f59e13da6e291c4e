import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { launchBrowser } from "../../src/site/browser.ts";
import { printPdf } from "../../src/site/print_pdf.ts";
import { serveStatic } from "../../src/site/static_server.ts";
const server = serveStatic(join(PROJECT_ROOT, "dist"));
const { pdf } = await printPdf(`${server.url}/${Deno.args[0] ?? "cooperation"}`);
await Deno.writeFile("/tmp/layout15/coop.pdf", pdf);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
try {
  await page.goto(`file:///tmp/layout15/coop.pdf#page=${Deno.args[1] ?? 1}`);
  await page.waitForTimeout(15000);
  await page.screenshot({ path: "/tmp/layout15/coop.png" });
} catch (e) { console.log(String(e)); }
await browser.close(); await server.close();
