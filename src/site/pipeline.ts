/**
 * The whole regeneration: sample data if there is no inbox, ingest (only new files are read),
 * marts, page data, offline libraries. The site build itself is in src/cli/build.ts.
 *
 * @module
 */
import { join } from "node:path";
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
  for (const { file, publish } of PUBLISHERS) {
    const data = await publish(conn);
    // Unchanged data is not rewritten: the dev server and the build only redo what changed.
    const text = JSON.stringify(data);
    const path = join(pageDataDir(), file);
    if (await Deno.readTextFile(path).catch(() => null) === text) continue;
    await Deno.writeTextFile(path, text);
  }
  // The published marts for notebooks (Explorateur, analyses): Arrow files and their catalogue.
  await publishMarts(conn, pageDataDir());
  await Deno.writeTextFile(stamp, fingerprint);
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
  return reports;
}
