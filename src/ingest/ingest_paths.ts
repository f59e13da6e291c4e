/**
 * The ingest run: every readable file under the given paths, the registry first, each file
 * loaded on its own (one bad file never undoes another), originals copied to the local archive.
 *
 * @module
 */
import { basename, extname, join, relative, resolve, sep } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { LOADERS } from "../../loaders/mod.ts";
import { pseudonym } from "../privacy/pseudonymise.ts";
import { queryRows } from "../warehouse/connect.ts";
import { ensureSchema } from "../warehouse/schema.ts";
import { loadFile, sha256 } from "./load_file.ts";
import { type LoadReport, rejectedReport } from "./load_report.ts";
import { loadQpvLookup } from "./qpv_reference.ts";
import { READABLE_EXTENSIONS, readTables } from "./read_tables.ts";
import { detectLoader } from "./detect_loader.ts";
import { registryLookup } from "./registry_lookup.ts";
import { layoutsDir } from "../paths.ts";
import { invalidLayoutReports, readLayouts } from "./read_layouts.ts";
import {
  loadReferenceStructures,
  REFERENCE_REGISTRY_NAME,
  referenceStructureIds,
  unknownStructureMessage,
} from "./reference_structures.ts";

/** Options of an ingest run. */
export interface IngestOptions {
  paths: string[];
  key: Uint8Array;
  kind?: string;
  structureId?: string;
  /** Where originals are copied (may hold personal data: local only). */
  archiveDir?: string;
  now?: Date;
  /** Progress messages (French), e.g. to stderr. */
  progress?: (message: string) => void;
  /** Rows validated so far in a long file. */
  progressRows?: (file: string, sheet: string | null, done: number, total: number) => void;
  /** SQL path for delimited files: always, never, or by size when absent (see `LoadOptions.sqlPath`). */
  sqlPath?: boolean;
  /** Folder of the « correspondances » (default: `layoutsDir()`, data/correspondances/). */
  layoutsDir?: string;
}

/** Path order putting "x.csv" before "x (copie).csv" or "x - Copie.csv": originals load first. */
function byStem(a: string, b: string): number {
  const stem = (p: string) => p.slice(0, p.length - extname(p).length);
  const [sa, sb] = [stem(a), stem(b)];
  return sa < sb ? -1 : sa > sb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

async function listFiles(path: string): Promise<string[]> {
  const info = await Deno.stat(path);
  if (info.isFile) return [resolve(path)];
  const out: string[] = [];
  for await (const entry of Deno.readDir(path)) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    out.push(...await listFiles(join(path, entry.name)));
  }
  return out.sort(byStem);
}

/**
 * One HMAC per distinct person rather than per row (a person has many visits): a tree of maps
 * keyed by each part, which allocates nothing on a hit.
 */
export function memoise(compute: (parts: readonly string[]) => string): (parts: readonly string[]) => string {
  type Node = { value?: string; next: Map<string, Node> };
  const root: Node = { next: new Map() };
  return (parts) => {
    let node = root;
    for (const part of parts) {
      let child = node.next.get(part);
      if (!child) node.next.set(part, child = { next: new Map() });
      node = child;
    }
    return node.value ??= compute(parts);
  };
}

/** The path below the nearest `inbox/` folder ("ors/consommations_2024.csv"), or null. */
export function inboxRelative(file: string): string | null {
  const parts = file.split(sep);
  const inbox = parts.lastIndexOf("inbox");
  return inbox >= 0 && inbox < parts.length - 1 ? parts.slice(inbox + 1).join("/") : null;
}

/** The structure a file belongs to: the folder right under `inbox/`, or its parent folder. */
export function structureFromPath(file: string, root: string): string | null {
  const parts = relative(root, file).split(sep);
  const inbox = file.split(sep).lastIndexOf("inbox");
  if (inbox >= 0) {
    const after = file.split(sep).slice(inbox + 1);
    return after.length > 1 ? after[0] : null;
  }
  return parts.length > 1 ? parts[parts.length - 2] : null;
}

/** Whether a file at the root of the inbox is a structures registry (by its header). */
async function isRegistry(file: string): Promise<boolean> {
  try {
    const tables = await readTables(file, await Deno.readFile(file));
    return tables.some((table) => detectLoader(LOADERS, table)?.spec.kind === "structures");
  } catch {
    return false; // an unreadable file is reported when its turn comes
  }
}

/**
 * Ingests every file under `options.paths` into the warehouse behind `conn`.
 *
 * @example
 * ```ts
 * const reports = await ingestPaths(conn, { paths: ["data/inbox"], key });
 * ```
 */
export async function ingestPaths(
  conn: DuckDBConnection,
  options: IngestOptions,
): Promise<LoadReport[]> {
  await ensureSchema(conn);
  const qpvOf = await loadQpvLookup();
  const now = options.now ?? new Date();
  const files: { file: string; root: string }[] = [];
  const reports: LoadReport[] = [];
  const layouts = await readLayouts(options.layoutsDir ?? layoutsDir(), LOADERS);
  reports.push(...invalidLayoutReports(layouts));
  for (const path of options.paths) {
    const root = (await Deno.stat(path)).isFile ? resolve(path, "..") : resolve(path);
    for (const file of await listFiles(path)) {
      const ext = extname(file).toLowerCase();
      if (READABLE_EXTENSIONS.includes(ext) || ext === ".xls") files.push({ file, root });
      else {
        reports.push(rejectedReport(
          relative(root, file),
          null,
          `format « ${
            ext || "sans extension"
          } » non pris en charge : enregistrez le fichier en .csv ou .xlsx`,
        ));
      }
    }
  }
  // The registry goes first, then the other files at the root of the inbox (federation's
  // extracts, survey forms), then the structures' folders: the others refer to its structures.
  const rank = new Map<string, number>();
  for (const { file, root } of files) {
    rank.set(file, structureFromPath(file, root) !== null ? 2 : await isRegistry(file) ? 0 : 1);
  }
  files.sort((a, b) => rank.get(a.file)! - rank.get(b.file)!);
  const memoPseudonym = memoise((parts) => pseudonym(options.key, parts));
  // Structures named by folders: those missing from the registry come from the shipped one, once.
  const folderIds = files.map(({ file, root }) => options.structureId ?? structureFromPath(file, root))
    .filter((id): id is string => id !== null);
  let referenceTried = false;
  for (const { file, root } of files) {
    const bytes = await Deno.readFile(file);
    const hash = sha256(bytes);
    const structureId = options.structureId ?? structureFromPath(file, root);
    const fileName = inboxRelative(file) ?? (relative(root, file) || basename(file));
    // The original is archived unchanged, keyed by its SHA-256, before anything reads it.
    if (options.archiveDir) await archiveOriginal(options.archiveDir, hash, file, bytes);
    if (structureId !== null) {
      const isKnown = async () =>
        (await queryRows(conn, "SELECT 1 FROM stg_structures WHERE structure_id = $1", [structureId]))
          .length > 0;
      let known = await isKnown();
      if (!known && !referenceTried) {
        referenceTried = true;
        reports.push(...await referenceRows(conn, folderIds, now, { pseudonym: memoPseudonym, qpvOf }));
        known = await isKnown();
      }
      if (!known) {
        reports.push(rejectedReport(
          fileName,
          hash,
          unknownStructureMessage(
            structureId,
            options.structureId === undefined,
            await referenceStructureIds().catch(() => []),
          ),
          structureId,
        ));
        continue;
      }
    }
    try {
      reports.push(
        ...await loadFile(conn, bytes, {
          fileName,
          structureId,
          kind: options.kind,
          structureForced: options.structureId !== undefined,
          loaders: LOADERS,
          // The registry as it stands now: it may have been loaded earlier in this run.
          context: { pseudonym: memoPseudonym, qpvOf, structureOf: await registryLookup(conn) },
          now,
          onProgress: options.progressRows,
          sqlPath: options.sqlPath,
          key: options.key,
          layouts,
          onWrite: options.progress &&
            ((name, sheet, rows) =>
              options.progress!(
                `écriture de ${rows.toLocaleString("fr-FR")} lignes : ${name}${
                  sheet ? ` (feuille « ${sheet} »)` : ""
                }`,
              )),
        }),
      );
    } catch (error) {
      // One unreadable file must not stop the others; its own transaction was rolled back.
      reports.push(
        rejectedReport(fileName, hash, `fichier illisible : ${(error as Error).message}`, structureId),
      );
    }
  }
  return reports;
}

/** The shipped registry's rows for `ids` (see reference_structures.ts); a failure is reported, not thrown. */
async function referenceRows(
  conn: DuckDBConnection,
  ids: string[],
  now: Date,
  context: Parameters<typeof loadReferenceStructures>[2]["context"],
): Promise<LoadReport[]> {
  try {
    return await loadReferenceStructures(conn, ids, { now, context });
  } catch (error) {
    return [
      rejectedReport(REFERENCE_REGISTRY_NAME, null, `registre livré illisible : ${(error as Error).message}`),
    ];
  }
}

/** Copies an original export into the archive as `<sha256><ending>` (once). */
async function archiveOriginal(dir: string, hash: string, file: string, bytes: Uint8Array): Promise<void> {
  const target = join(dir, `${hash}${extname(file).toLowerCase()}`);
  await Deno.mkdir(dir, { recursive: true });
  try {
    await Deno.writeFile(target, bytes, { createNew: true, mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
  }
}
