/**
 * Automated accessibility audit of a page with axe-core (the npm package, injected from
 * node_modules: no CDN), restricted to the WCAG 2.1 A and AA rules that RGAA builds on.
 * Used by the browser tests (tests/e2e/accessibility_audit_test.ts) and by the measurement
 * script (`deno run -A src/site/accessibility_audit.ts`).
 *
 * @module
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { NODE_MODULES } from "../paths.ts";
import { sitePaths } from "./site_paths.ts";

/** axe-core's minified build, injected into each audited page. */
export const AXE_PATH = join(NODE_MODULES, "axe-core", "axe.min.js");

/** The WCAG 2.1 A/AA rule tags (RGAA 4.1 is built on WCAG 2.1 AA). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Impacts that fail the suite. */
export const BLOCKING_IMPACTS = ["serious", "critical"];

/** One rule broken on one page, with the elements that break it. */
export interface Violation {
  /** axe-core rule id (`color-contrast`…). */
  rule: string;
  /** `minor`, `moderate`, `serious` or `critical`. */
  impact: string;
  /** axe-core's one-line description (English). */
  help: string;
  /** CSS selectors of the offending elements, with axe-core's summary of the failure. */
  targets: { target: string; summary: string }[];
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now; returns its violations. axe
 * is injected once per document (a reload or navigation needs it again, which this handles).
 */
export async function auditPage(page: Page): Promise<Violation[]> {
  if (!await page.evaluate(() => "axe" in globalThis)) await page.addScriptTag({ path: AXE_PATH });
  // Only the fields read here of axe-core's result (its types ship with the package, not with Deno).
  type AxeNode = { target: unknown[]; failureSummary?: string };
  type AxeResult = { violations: { id: string; impact?: string; help: string; nodes: AxeNode[] }[] };
  type Axe = { run(context: Document, options: unknown): Promise<AxeResult> };
  const result = await page.evaluate(
    async (tags) =>
      await (globalThis as unknown as { axe: Axe }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    WCAG_TAGS,
  );
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? "minor",
    help: v.help,
    targets: v.nodes.map((n) => ({
      target: n.target.flat().join(" "),
      summary: String(n.failureSummary ?? "").replace(/\s+/g, " ").trim(),
    })),
  }));
}

/** Only the violations whose impact fails the suite (serious or critical). */
export function blocking(violations: Violation[]): Violation[] {
  return violations.filter((v) => BLOCKING_IMPACTS.includes(v.impact));
}

const IMPACT_FR: Record<string, string> = {
  critical: "critique",
  serious: "grave",
  moderate: "modéré",
  minor: "mineur",
};

/**
 * A French report of violations found on one page at one width, one line per rule and one
 * indented line per element (at most `perRule` of them), for a failing test's message.
 */
export function violationText(path: string, width: number, violations: Violation[], perRule = 5): string {
  const lines = [`Page ${path} à ${width} px : ${violations.length} règle(s) non respectée(s)`];
  for (const v of violations) {
    lines.push(
      `  - règle « ${v.rule} » (impact ${
        IMPACT_FR[v.impact] ?? v.impact
      }, ${v.targets.length} élément(s)) : ${v.help}`,
    );
    for (const t of v.targets.slice(0, perRule)) lines.push(`      cible ${t.target}`);
    if (v.targets.length > perRule) lines.push(`      … et ${v.targets.length - perRule} autre(s)`);
  }
  return lines.join("\n");
}

/** Counts per rule across pages: elements, pages, impact. */
export interface RuleTally {
  rule: string;
  impact: string;
  elements: number;
  pages: Set<string>;
}

/** Adds one page's violations to a per-rule tally. */
export function tally(into: Map<string, RuleTally>, page: string, violations: Violation[]): void {
  for (const v of violations) {
    const row = into.get(v.rule) ?? { rule: v.rule, impact: v.impact, elements: 0, pages: new Set() };
    row.elements += v.targets.length;
    row.pages.add(page);
    into.set(v.rule, row);
  }
}

// Measurement: every page of dist/ at both widths, the tally printed as a Markdown table.
if (import.meta.main) {
  const { launchBrowser, watchedPage } = await import("./browser.ts");
  const { serveStatic } = await import("./static_server.ts");
  const { PROJECT_ROOT } = await import("../paths.ts");
  const config = (await import("../../observablehq.config.ts")).default;
  const server = serveStatic(join(PROJECT_ROOT, "dist"));
  const browser = await launchBrowser();
  const counts = new Map<string, RuleTally>();
  const verbose = Deno.args.includes("--verbose");
  try {
    const { page } = await watchedPage(browser);
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of sitePaths(config)) {
        await page.goto(`${server.url}${path}`);
        await page.waitForSelector("#observablehq-main h1");
        await page.waitForLoadState("networkidle");
        const found = await auditPage(page);
        tally(counts, `${path}@${width}`, found);
        if (verbose && found.length) console.log(violationText(path, width, found, 20));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log("| Règle | Impact | Éléments | Pages (×largeur) |\n|---|---|---|---|");
  for (const r of [...counts.values()].sort((a, b) => b.elements - a.elements)) {
    console.log(`| \`${r.rule}\` | ${r.impact} | ${r.elements} | ${r.pages.size} |`);
  }
}
