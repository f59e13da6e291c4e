/**
 * The whole regeneration: sample data if there is no inbox, ingest (only new files are read),
 * marts, page data, offline libraries. The site build itself is in src/cli/build.ts.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { ingestPaths } from "../ingest/ingest_paths.ts";
import type { LoadReport } from "../ingest/load_file.ts";
import {
  archiveDir,
  pageDataDir,
  PAGES_DIR,
  PROJECT_ROOT,
  sampleDir,
  secretPath,
  warehousePath,
} from "../paths.ts";
import { loadOrCreateSecret, secretCreatedMessage } from "../privacy/secret.ts";
import { generateSample } from "../sample/generate.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { buildMarts } from "../warehouse/marts.ts";
import { withWarehouseLock } from "../warehouse/lock.ts";
import { forgetLoadedPages } from "./framework.ts";
import { writeSiteTemplates } from "../kit/generate.ts";
import { PUBLISHERS } from "./publishers.ts";
import { publishMarts } from "./publish_marts.ts";
import { inputsFingerprint, martsFingerprint, recordMartsFingerprint } from "./fingerprint.ts";
import { vendorNpm } from "./vendor_npm.ts";

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The inbox to read: the officer's `data/inbox` when present, else the bundled sample. */
export async function chooseInbox(): Promise<{ inbox: string; sample: boolean }> {
  const sampleInbox = join(sampleDir(), "inbox");
  const chosen = Deno.env.get("OBSERVATOIRE_INBOX");
  if (chosen) return { inbox: chosen, sample: chosen === sampleInbox };
  const real = join(PROJECT_ROOT, "data", "inbox");
  if (await exists(real)) return { inbox: real, sample: false };
  return { inbox: sampleInbox, sample: true };
}

/** Name of the page data's fingerprint file (see src/site/fingerprint.ts). */
export const PAGE_DATA_STAMP = ".empreinte";

/**
 * Rebuilds the marts and rewrites the page data; a running dev server picks the new files up
 * and reloads the pages that use them. When nothing they depend on has changed since the last
 * run (same loads, catalogue, reference data, code and day), the marts and the page data are
 * reused as they are.
 */
export async function publishPageData(conn: DuckDBConnection): Promise<void> {
  const fingerprint = await inputsFingerprint(conn);
  if (await martsFingerprint(conn) !== fingerprint) {
    await buildMarts(conn);
    await recordMartsFingerprint(conn, fingerprint);
  }
  const stamp = join(pageDataDir(), PAGE_DATA_STAMP);
  const outputs = [...PUBLISHERS.map((p) => p.file), "marts.json", "marts.js"];
  const present = await Promise.all(outputs.map((f) => exists(join(pageDataDir(), f))));
  if (present.every(Boolean) && await Deno.readTextFile(stamp).catch(() => null) === fingerprint) return;
  await Deno.mkdir(pageDataDir(), { recursive: true });
  for (const publisher of PUBLISHERS) {
    if (!("params" in publisher)) {
      await writeIfChanged(join(pageDataDir(), publisher.file), await publisher.publish(conn));
      continue;
    }
    const ids = await publisher.params(conn);
    const [before, after] = publisher.file.split("[id]");
    const dir = dirname(join(pageDataDir(), publisher.file));
    // The folder exists even with no structure yet (a registry alone, an empty warehouse).
    await Deno.mkdir(dir, { recursive: true });
    for (const id of ids) {
      await writeIfChanged(
        join(pageDataDir(), `${before}${id}${after}`),
        await publisher.publishEach(conn, id),
      );
    }
    // A structure no longer listed leaves no stale page data behind.
    const keep = new Set(ids.map((id) => basename(`${before}${id}${after}`)));
    for await (const entry of Deno.readDir(dir)) {
      const stale = entry.isFile && !keep.has(entry.name) && entry.name.startsWith(basename(before)) &&
        entry.name.endsWith(after);
      if (stale) await Deno.remove(join(dir, entry.name));
    }
  }
  // The published marts for notebooks (Explorateur, analyses): Arrow files and their catalogue.
  await publishMarts(conn, pageDataDir());
  await Deno.writeTextFile(stamp, fingerprint);
}

/**
 * Writes `data` as JSON unless the file already holds exactly that (the build then reuses it).
 * Pages written by page loaders from this data (« Méthodologie ») are first dropped from
 * Framework's cache, so that the build and a running dev server write them again from the new file.
 */
async function writeIfChanged(path: string, data: unknown): Promise<void> {
  const text = JSON.stringify(data);
  if (await Deno.readTextFile(path).catch(() => null) === text) return;
  await forgetLoadedPages();
  await Deno.mkdir(dirname(path), { recursive: true });
  await Deno.writeTextFile(path, text);
}

/** Runs the data side of the build; returns the ingest reports. */
export async function runPipeline(log: (line: string) => void = console.log): Promise<LoadReport[]> {
  const { inbox, sample } = await chooseInbox();
  if (sample && !(await exists(inbox))) {
    log("Génération des données d'exemple (exports fictifs des structures)…");
    await generateSample({ out: sampleDir(), scale: 1, seed: 2017 });
  }
  const secret = await loadOrCreateSecret(secretPath());
  if (secret.created) log(secretCreatedMessage(secret.path));
  const reports = await withWarehouseLock(warehousePath(), async () => {
    const wh = await openWarehouse(warehousePath());
    try {
      log(`Chargement des exports de ${inbox}…`);
      const reports = await ingestPaths(wh.conn, {
        paths: [inbox],
        key: secret.key,
        archiveDir: archiveDir(),
      });
      await publishPageData(wh.conn);
      return reports;
    } finally {
      wh.close();
    }
  });
  await vendorNpm(PAGES_DIR);
  // The blank templates the « Outils de recueil » pages link for download.
  await writeSiteTemplates(join(PAGES_DIR, "outils", "modeles"));
  return reports;
}
