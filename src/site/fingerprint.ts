/**
 * The fingerprint of everything the marts and the page data are computed from: the warehouse's
 * loads (every new, replaced or rejected export changes it), the indicator catalogue and the
 * reference data, the code that computes and publishes, and the date (indicators count years up
 * to the current one). When it has not changed, a rebuild reuses the marts and the page data
 * instead of recomputing them (about 25 s on the sample data).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";
import { queryRows } from "../warehouse/connect.ts";

/** Folders and files whose content the marts and page data depend on (besides the warehouse). */
export const FINGERPRINT_INPUTS = [
  "data/indicators",
  "data/reference",
  "src/warehouse",
  "src/indicators",
  "src/privacy",
  // Code of the other marts (buildMarts) and every publisher of page data.
  "src/networks",
  "src/timebank",
  "src/volunteering",
  "src/surveys",
  "src/sroi",
  "src/site",
];

async function* files(path: string): AsyncGenerator<string> {
  const info = await Deno.stat(path).catch(() => null);
  if (!info) return;
  if (info.isFile) {
    yield path;
    return;
  }
  const entries = (await Array.fromAsync(Deno.readDir(path))).map((e) => e.name).sort();
  for (const name of entries) yield* files(join(path, name));
}

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/** SHA-256 (hex) of the warehouse's load history, the inputs above and today's date. */
export async function inputsFingerprint(conn: DuckDBConnection, root = PROJECT_ROOT): Promise<string> {
  const [state] = await queryRows(
    conn,
    `SELECT
       (SELECT string_agg(concat_ws('|', load_id, sha256, coalesce(superseded_by, 0), rows_loaded, status), ','
          ORDER BY load_id) FROM loads) AS loads,
       (SELECT count(*) FROM load_issues) AS issues,
       (SELECT count(*) FROM loaded_files) AS files`,
  );
  const parts: Uint8Array[] = [
    new TextEncoder().encode(JSON.stringify(state) + new Date().toISOString().slice(0, 10)),
  ];
  for (const input of FINGERPRINT_INPUTS) {
    for await (const file of files(join(root, input))) {
      parts.push(new TextEncoder().encode(`\n${file.slice(root.length)}\n`), await Deno.readFile(file));
    }
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  return hex(await crypto.subtle.digest("SHA-256", all));
}

/** The fingerprint the warehouse's marts were last built from (null if never recorded). */
export async function martsFingerprint(conn: DuckDBConnection): Promise<string | null> {
  await conn.run("CREATE TABLE IF NOT EXISTS marts_fingerprint (fingerprint VARCHAR)");
  const [row] = await queryRows(conn, "SELECT fingerprint FROM marts_fingerprint");
  return row ? String(row.fingerprint) : null;
}

/** Records the fingerprint the marts were just built from. */
export async function recordMartsFingerprint(conn: DuckDBConnection, fingerprint: string): Promise<void> {
  await conn.run("CREATE TABLE IF NOT EXISTS marts_fingerprint (fingerprint VARCHAR)");
  await conn.run("DELETE FROM marts_fingerprint");
  await conn.run("INSERT INTO marts_fingerprint VALUES ($1)", [fingerprint]);
}
