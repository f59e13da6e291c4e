/**
 * Prints a page of the built site to an A4 PDF with headless Chromium (the same browser as the
 * tests, src/site/browser.ts): the charts are drawn at the width of an A4 page, then the page is
 * printed with the site's print stylesheet (no sidebar, one section a page).
 *
 * @module
 */
import { launchBrowser, watchedPage } from "./browser.ts";

/** Width in CSS pixels of an A4 page's printable area (210 mm − 2 × 12 mm margins, at 96 dpi). */
export const A4_CONTENT_WIDTH = Math.round((210 - 24) / 25.4 * 96);

/** Outcome of a print: the PDF bytes, and what the page did wrong (console errors, outside requests). */
export interface PrintResult {
  pdf: Uint8Array;
  consoleErrors: string[];
  outsideRequests: string[];
}

/**
 * The PDF of `url` (a page of the built site, served locally). Waits for every chart, then
 * prints in A4 with backgrounds (hatching of hidden values) and the CSS page size.
 *
 * @example
 * ```ts
 * const { pdf } = await printPdf("http://127.0.0.1:8000/cooperation");
 * ```
 */
export async function printPdf(url: string): Promise<PrintResult> {
  const browser = await launchBrowser();
  try {
    const watch = await watchedPage(browser);
    const { page } = watch;
    await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1123 });
    await page.goto(url);
    await page.waitForSelector("#observablehq-main h1");
    await page.waitForLoadState("networkidle");
    // Charts are drawn by resize(): give them the time to render at this width.
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading"));
    await page.waitForTimeout(300);
    await page.emulateMedia({ media: "print" });
    await page.waitForTimeout(200);
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    return { pdf, consoleErrors: watch.consoleErrors, outsideRequests: watch.outsideRequests };
  } finally {
    await browser.close();
  }
}

/** Number of pages of a PDF (its `/Type /Page` objects, not `/Pages`). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = new TextDecoder("latin1").decode(pdf);
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The PDF file name of a page path: `/structures/ors` → `structures-ors.pdf`, `/` → `accueil.pdf`. */
export function pdfName(pagePath: string): string {
  const name = pagePath.replace(/^\/+|\/+$/g, "").replace(/\.html$/, "").replaceAll("/", "-");
  return `${name || "accueil"}.pdf`;
}
