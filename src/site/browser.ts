/**
 * Headless Chromium (Debian's package) driven by playwright-core, with every request checked:
 * anything outside loopback is blocked and recorded, as are console errors.
 *
 * @module
 */
import { type Browser, chromium, type Page } from "playwright-core";

/** Where Debian installs Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM = Deno.env.get("CHROMIUM_PATH") ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What a page did that a test must see: console errors and requests outside loopback. */
export interface PageWatch {
  page: Page;
  consoleErrors: string[];
  outsideRequests: string[];
}

/** Whether a URL stays on this machine. */
export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]" ||
    /^127\./.test(hostname);
}

/** Launches Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A new page whose console errors and non-loopback requests are recorded (and aborted). */
export async function watchedPage(browser: Browser): Promise<PageWatch> {
  const page = await browser.newPage({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const watch: PageWatch = { page, consoleErrors: [], outsideRequests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") watch.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => watch.consoleErrors.push(String(error)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    watch.outsideRequests.push(url);
    return route.abort();
  });
  return watch;
}
