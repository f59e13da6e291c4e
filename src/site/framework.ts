/**
 * Runs Observable Framework (pinned in package.json) under Deno, offline.
 *
 * @module
 */
import { join } from "node:path";
import { NODE_MODULES, PAGES_DIR, PROJECT_ROOT } from "../paths.ts";
import { SKIP_LINK, SKIP_LINK_ID } from "./shell.ts";
import { SIDEBAR_TOGGLE_LABEL, VIEWPORT } from "./accessibility_shell.ts";

const CLI = join(NODE_MODULES, "@observablehq", "framework", "dist", "bin", "observable.js");

/** Environment for every Framework run: no telemetry. */
export const FRAMEWORK_ENV = { OBSERVABLE_TELEMETRY_DISABLE: "true", DENO_NO_UPDATE_CHECK: "1" };

/**
 * A Framework command (`build`, `preview`…) as a child process in the project root. The config
 * is named explicitly: Deno imports TypeScript itself, whereas Framework's own discovery of a
 * `.ts` config registers tsx, whose hooks break CommonJS JSON imports under Deno (the preview
 * server then dies with « Unexpected token ':' »).
 */
export function frameworkCommand(args: string[], stdout: "inherit" | "piped" = "inherit"): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "--no-prompt", CLI, ...args, "--config", "observablehq.config.ts"],
    cwd: PROJECT_ROOT,
    env: FRAMEWORK_ENV,
    stdout,
    stderr: "inherit",
  });
}

/**
 * Removes the pages that page loaders (`*.md.ts` files under pages/, such as `methodologie.md.ts`)
 * left in Framework's cache (`.md` files under pages/.observablehq/cache/); returns how many. Framework
 * reruns a loader only when the loader file itself is newer than its cached output, not when the
 * page data it reads or the code it imports changes: the pipeline calls this before rewriting a
 * page data file (a running dev server then reruns the loader when it sees the new file), and the
 * build and the dev server before they start. Libraries and other cached files are kept.
 */
export async function forgetLoadedPages(root = PAGES_DIR): Promise<number> {
  let count = 0;
  const visit = async (dir: string): Promise<void> => {
    const entries = await Array.fromAsync(Deno.readDir(dir)).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory && !entry.name.startsWith("_")) await visit(path);
      else if (entry.isFile && entry.name.endsWith(".md")) {
        await Deno.remove(path).then(() => count++, () => {});
      }
    }
  };
  await visit(join(root, ".observablehq", "cache"));
  return count;
}

/** Framework's few hard-coded English strings in the page shell, and their French. */
const SHELL_STRINGS: [string, string][] = [
  // The sidebar toggle: a French name for screen readers and the tooltip (issue 19).
  [
    'title="Toggle sidebar"',
    `title="${SIDEBAR_TOGGLE_LABEL}" aria-label="${SIDEBAR_TOGGLE_LABEL}" aria-controls="observablehq-sidebar"`,
  ],
  // Zoom is never limited (WCAG 1.4.4): Framework's template sets maximum-scale=1.
  [
    '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">',
    `<meta name="viewport" content="${VIEWPORT}">`,
  ],
  [
    '<input type="search" placeholder="Search">',
    '<input type="search" placeholder="Rechercher" aria-label="Rechercher dans le site">',
  ],
];

/**
 * Framework 1.13 writes `<html>` without a language and a few English strings; the site is
 * French (screen readers, hyphenation, spell-checking), so every built page gets `lang="fr"`
 * and French labels, and a « skip to content » link as the first element of its body (the main
 * column made focusable for it).
 */
export async function localiseHtml(distDir: string, lang = "fr"): Promise<number> {
  let count = 0;
  for await (const entry of Deno.readDir(distDir)) {
    const path = join(distDir, entry.name);
    if (entry.isDirectory && !entry.name.startsWith("_")) count += await localiseHtml(path, lang);
    else if (entry.isFile && entry.name.endsWith(".html")) {
      let html = (await Deno.readTextFile(path)).replace(/<html(?![^>]*\blang=)/, `<html lang="${lang}"`);
      for (const [english, french] of SHELL_STRINGS) html = html.replaceAll(english, french);
      if (!html.includes(`id="${SKIP_LINK_ID}"`)) {
        html = html.replace(/<body([^>]*)>/, `<body$1>\n${SKIP_LINK}`);
      }
      // Framework puts the sidebar's close label inside its first <ol>, where only <li> belong.
      html = html.replace(
        /(<nav id="observablehq-sidebar">\s*)<ol>\s*(<label id="observablehq-sidebar-close"[^>]*><\/label>)/,
        "$1$2\n  <ol>",
      );
      html = html.replace(
        /<main id="observablehq-main"(?![^>]*tabindex)/,
        '<main id="observablehq-main" tabindex="-1"',
      );
      await Deno.writeTextFile(path, html);
      count++;
    }
  }
  return count;
}
