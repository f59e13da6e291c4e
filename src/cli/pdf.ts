/**
 * `deno task pdf PAGE…`: prints pages of the built site (dist/, run `deno task build` first) to
 * A4 PDF files in dist-pdf/, with headless Chromium. PAGE is a page path: `cooperation`,
 * `structures/ors`, `/` for the home page.
 *
 * ```sh
 * npx -y deno@2.9.6 task pdf cooperation structures/ors   # → dist-pdf/cooperation.pdf, dist-pdf/structures-ors.pdf
 * ```
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";
import { pdfName, pdfPageCount, printPdf } from "../site/print_pdf.ts";
import { serveStatic } from "../site/static_server.ts";

const pages = Deno.args.filter((a) => !a.startsWith("-"));
if (pages.length === 0) {
  console.error("Usage : deno task pdf PAGE… (par exemple : deno task pdf cooperation structures/ors)");
  Deno.exit(2);
}
const dist = join(PROJECT_ROOT, "dist");
try {
  await Deno.stat(join(dist, "index.html"));
} catch {
  console.error("Le site n'est pas construit : lancez d'abord « deno task build ».");
  Deno.exit(1);
}
const out = join(PROJECT_ROOT, "dist-pdf");
await Deno.mkdir(out, { recursive: true });
const server = serveStatic(dist);
let failed = 0;
try {
  for (const page of pages) {
    const path = `/${page.replace(/^\/+/, "")}`;
    try {
      await Deno.stat(join(dist, path === "/" ? "index.html" : `${path}.html`));
    } catch {
      console.error(`${page} : page introuvable dans dist/.`);
      failed++;
      continue;
    }
    const { pdf, consoleErrors } = await printPdf(`${server.url}${path}`);
    const file = join(out, pdfName(path));
    await Deno.writeFile(file, pdf);
    console.log(`${file} : ${pdfPageCount(pdf)} pages`);
    for (const error of consoleErrors) console.error(`  erreur dans la page : ${error}`);
  }
} finally {
  await server.close();
}
Deno.exit(failed ? 1 : 0);
