/**
 * Reads the « correspondances » folder: every `.csv` in it is one layout (layout.ts). A missing
 * folder means no layout; a file that cannot be read is kept as an invalid layout so that it is
 * reported, never skipped.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { decodeText } from "../read/decode_text.ts";
import { PROJECT_ROOT } from "../paths.ts";
import { type Layout, parseLayout } from "./layout.ts";
import type { LoaderSpec } from "./loader_spec.ts";
import { type LoadReport, rejectedReport } from "./load_report.ts";

/** How messages name a mapping file: relative to the project when inside it. */
function displayPath(path: string): string {
  const inside = relative(PROJECT_ROOT, path);
  return inside.startsWith("..") ? path : inside;
}

/**
 * The layouts of `dir`, sorted by file name (files starting with `.` or `~$` are skipped).
 *
 * @example
 * ```ts
 * const layouts = await readLayouts(layoutsDir(), LOADERS);
 * ```
 */
export async function readLayouts(dir: string, loaders: readonly LoaderSpec[]): Promise<Layout[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (!entry.isFile || entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      if (entry.name.toLowerCase().endsWith(".csv")) names.push(entry.name);
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  const layouts: Layout[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    const bytes = await Deno.readFile(path);
    layouts.push(
      parseLayout(
        displayPath(path),
        decodeText(bytes).text,
        loaders,
        createHash("sha256").update(bytes).digest("hex"),
      ),
    );
  }
  return layouts;
}

/**
 * One refused report per invalid layout, naming the mapping file: its errors are seen on every
 * run until it is fixed or removed, even when no file of its layout is in the inbox (the files
 * it fits are refused too, with the same errors).
 */
export function invalidLayoutReports(layouts: readonly Layout[]): LoadReport[] {
  return layouts.filter((l) => l.errors.length > 0).map((l) => {
    const report = rejectedReport(
      l.file,
      l.sha256,
      `correspondance non valable : aucun fichier n'est chargé avec elle ; corrigez-la ou retirez-la du dossier`,
    );
    for (const message of l.errors) {
      report.issues.push({ line: null, column: null, value: null, severity: "erreur", message });
    }
    return report;
  });
}
