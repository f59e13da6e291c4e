/**
 * Where things live on disk. Every path can be overridden by an environment variable so that
 * tests and the officer's own set-up can point elsewhere.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the folder holding deno.json). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

function fromEnv(name: string, fallback: string): string {
  return Deno.env.get(name) || fallback;
}

/** Observable Framework's root folder. */
export const PAGES_DIR = join(PROJECT_ROOT, "pages");
/** Page data written by the pipeline (published, disclosure-controlled marts). */
export function pageDataDir(): string {
  return fromEnv("OBSERVATOIRE_PAGE_DATA", join(PAGES_DIR, "data", "generated"));
}
/** Installed npm packages. */
export const NODE_MODULES = join(PROJECT_ROOT, "node_modules");
/** Committed reference data (QPV neighbourhoods, …). */
export const REFERENCE_DIR = join(PROJECT_ROOT, "data", "reference");

/**
 * Folder of the officer's « correspondances »: one CSV per export layout the loaders do not know
 * (see src/ingest/layout.ts).
 */
export function layoutsDir(): string {
  return fromEnv("OBSERVATOIRE_CORRESPONDANCES", join(PROJECT_ROOT, "data", "correspondances"));
}

/** Folder of the bundled sample exports (generated, not committed). */
export function sampleDir(): string {
  return fromEnv("OBSERVATOIRE_SAMPLE_DIR", join(PROJECT_ROOT, "data", "sample"));
}

/** The DuckDB warehouse file. */
export function warehousePath(): string {
  return fromEnv("OBSERVATOIRE_WAREHOUSE", join(PROJECT_ROOT, "data", "warehouse", "observatoire.duckdb"));
}

/** Local archive of original exports (may hold personal data: never published). */
export function archiveDir(): string {
  return fromEnv("OBSERVATOIRE_ARCHIVE", join(PROJECT_ROOT, "data", "archive"));
}

/**
 * The pseudonymisation secret. It lives outside the repository, in the user's configuration
 * folder, so that a clone or a published copy never carries it.
 */
export function secretPath(): string {
  const configHome = Deno.env.get("XDG_CONFIG_HOME") ||
    join(Deno.env.get("HOME") ?? PROJECT_ROOT, ".config");
  return fromEnv("OBSERVATOIRE_SECRET", join(configHome, "observatoire-impact", "cle-pseudonymisation"));
}
