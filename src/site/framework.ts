/**
 * Runs Observable Framework (pinned in package.json) under Deno, offline.
 *
 * @module
 */
import { basename, join } from "node:path";
import { NODE_MODULES, PAGES_DIR, PROJECT_ROOT } from "../paths.ts";
import { SKIP_LINK, SKIP_LINK_ID } from "./shell.ts";
import { SIDEBAR_TOGGLE_LABEL, VIEWPORT } from "./accessibility_shell.ts";

const CLI = join(NODE_MODULES, "@observablehq", "framework", "dist", "bin", "observable.js");

/** Environment for every Framework run: no telemetry. */
export const FRAMEWORK_ENV = { OBSERVABLE_TELEMETRY_DISABLE: "true", DENO_NO_UPDATE_CHECK: "1" };

/**
 * Deno permissions of a Framework build: everything it needs, but network only on loopback.
 * Offline is then enforced, not hoped for: a page needing a library the site does not ship makes
 * Framework try the CDN, Deno refuses, and the build stops with a French message
 * (src/site/framework_failure.ts). Page loaders run as their own processes (`interpreters` in
 * observablehq.config.ts) with their own permissions.
 */
export const BUILD_PERMISSIONS = [
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-run",
  "--allow-sys",
  "--allow-ffi",
  "--allow-net=127.0.0.1,localhost,[::1]",
];

/**
 * Permissions for a Framework command. The preview server keeps --allow-all: a library it imports
 * probes `/proc` at start-up, a read Deno grants only with --allow-all (even --deny-net on the CDN
 * breaks it); it reads the same vendored cache as the build, which has already refused any page
 * needing a library from outside.
 */
export function frameworkPermissions(command: string): string[] {
  return command === "build" ? BUILD_PERMISSIONS : ["--allow-all"];
}

/** Where Framework runs: the project (default) or another root, e.g. a test's small site. */
export interface FrameworkPlace {
  cwd?: string;
  config?: string;
}

/**
 * A Framework command (`build`, `preview`…) as a child process in the project root. The config
 * is named explicitly: Deno imports TypeScript itself, whereas Framework's own discovery of a
 * `.ts` config registers tsx, whose hooks break CommonJS JSON imports under Deno (the preview
 * server then dies with « Unexpected token ':' »).
 */
export function frameworkCommand(
  args: string[],
  stdout: "inherit" | "piped" = "inherit",
  { cwd = PROJECT_ROOT, config = "observablehq.config.ts" }: FrameworkPlace = {},
  stderr: "inherit" | "piped" = "inherit",
): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", ...frameworkPermissions(args[0]), "--no-prompt", CLI, ...args, "--config", config],
    cwd,
    env: FRAMEWORK_ENV,
    stdout,
    stderr,
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
      // Pages from page loaders, and the results of the analyses (pages/analyses/*.json.ts), which
      // read the warehouse: a rebuild after new exports must run them again.
      else if (entry.isFile && (entry.name.endsWith(".md") || basename(dir) === "analyses")) {
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
