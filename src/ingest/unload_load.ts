/**
 * `deno task unload`'s logic: find the loads a user names (a load number, a file by its name in
 * the inbox, its path or its SHA-256) and withdraw them all in one transaction.
 *
 * @module
 */
import { resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { inTransaction, queryRows } from "../warehouse/connect.ts";
import { ensureSchema } from "../warehouse/schema.ts";
import { inboxRelative } from "./ingest_paths.ts";
import { sha256 } from "./load_file.ts";
import { currentUser, withdrawLoads, type WithdrawnLoad } from "./withdraw_loads.ts";

/** Reason recorded when the user gives none. */
export const DEFAULT_REASON = "motif non précisé";

/** A target that matched no load, or several files, with the French reason. */
export interface UnloadRefusal {
  target: string;
  message: string;
}

/** What `unloadTargets` did: everything withdrawn, or nothing and the refusals. */
export interface UnloadReport {
  withdrawn: WithdrawnLoad[];
  refusals: UnloadRefusal[];
  reason: string;
  by: string;
  at: Date;
}

/** Options of {@link unloadTargets}. */
export interface UnloadOptions {
  reason?: string;
  by?: string;
  now?: Date;
}

const HOW =
  "indiquez le numéro du chargement, le nom du fichier tel que le rapport de chargement l'affiche " +
  "(ex. demo/adherents.csv), son chemin ou son empreinte SHA-256";

async function fileHash(path: string): Promise<string | null> {
  try {
    return sha256(await Deno.readFile(path));
  } catch {
    return null; // not a readable file here: the name may still be a loaded file's name
  }
}

/**
 * The loads `target` names: a number is a load id; 64 hexadecimal digits a SHA-256; anything
 * else a file (its inbox-relative name, a path whose bytes or inbox name match, or a name ending
 * a single loaded file's name).
 */
export async function findLoads(
  conn: DuckDBConnection,
  target: string,
): Promise<{ loadIds: number[] } | { message: string }> {
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.load_id));
  if (/^\d+$/.test(target)) {
    const rows = await queryRows(conn, "SELECT load_id FROM loads WHERE load_id = $1", [Number(target)]);
    return rows.length > 0
      ? { loadIds: ids(rows) }
      : { message: `aucun chargement n° ${target} dans l'entrepôt : ${HOW}` };
  }
  const names = new Set([target.replaceAll("\\", "/")]);
  const inInbox = inboxRelative(resolve(target));
  if (inInbox) names.add(inInbox);
  const hashes = new Set<string>();
  if (/^[0-9a-f]{64}$/i.test(target)) hashes.add(target.toLowerCase());
  const hash = await fileHash(target);
  if (hash) hashes.add(hash);
  const values = [...names, ...hashes];
  const marks = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => `$${from + i + 1}`).join(", ");
  const exact = await queryRows(
    conn,
    `SELECT load_id FROM loads WHERE file_name IN (${marks(0, names.size)})
       ${hashes.size ? `OR sha256 IN (${marks(names.size, hashes.size)})` : ""} ORDER BY load_id`,
    values,
  );
  if (exact.length > 0) return { loadIds: ids(exact) };
  // « adherents.csv » for « demo/adherents.csv », when a single loaded file ends so.
  const suffix = [...names][0];
  const ending = await queryRows(
    conn,
    `SELECT load_id, file_name FROM loads WHERE suffix(file_name, '/' || $1) ORDER BY load_id`,
    [suffix],
  );
  const files = [...new Set(ending.map((r) => String(r.file_name)))];
  if (files.length === 1) return { loadIds: ids(ending) };
  if (files.length > 1) {
    return {
      message: `« ${target} » désigne plusieurs fichiers chargés (${
        files.map((f) => `« ${f} »`).join(", ")
      }) : précisez le dossier de la structure`,
    };
  }
  return { message: `aucun chargement ne correspond à « ${target} » : ${HOW}` };
}

/**
 * Withdraws every load the targets name, in one transaction; if one target names nothing,
 * nothing is withdrawn.
 *
 * @example
 * ```ts
 * const report = await unloadTargets(conn, ["demo/adherents.csv"], { reason: "mauvais type" });
 * ```
 */
export async function unloadTargets(
  conn: DuckDBConnection,
  targets: readonly string[],
  options: UnloadOptions = {},
): Promise<UnloadReport> {
  await ensureSchema(conn);
  const report: UnloadReport = {
    withdrawn: [],
    refusals: [],
    reason: options.reason?.trim() || DEFAULT_REASON,
    by: options.by ?? currentUser(),
    at: options.now ?? new Date(),
  };
  const loadIds: number[] = [];
  for (const target of targets) {
    const found = await findLoads(conn, target);
    if ("message" in found) report.refusals.push({ target, message: found.message });
    else loadIds.push(...found.loadIds);
  }
  if (report.refusals.length > 0) return report;
  report.withdrawn = await inTransaction(
    conn,
    () => withdrawLoads(conn, loadIds, { reason: report.reason, by: report.by, now: report.at }),
  );
  return report;
}

/** The `--json` object of `deno task unload`. */
export function unloadJson(report: UnloadReport): Record<string, unknown> {
  return {
    withdrawn: report.withdrawn.map((w) => ({
      load_id: w.loadId,
      path: w.file,
      sheet: w.sheet,
      sha256: w.sha256,
      kind: w.kind,
      format: w.format,
      structure: w.structureId,
      rows_removed: Object.values(w.rowsRemoved).reduce((s, n) => s + n, 0),
      tables: w.rowsRemoved,
    })),
    errors: report.refusals.map((r) => ({ target: r.target, message: r.message })),
    reason: report.reason,
    by: report.by,
    at: report.at.toISOString(),
  };
}

/** The French summary of `deno task unload`. */
export function unloadText(report: UnloadReport): string {
  if (report.refusals.length > 0) {
    return [
      ...report.refusals.map((r) => `erreur ${r.target} : ${r.message}`),
      "Rien n'a été retiré.",
    ].join("\n");
  }
  const fmt = new Intl.NumberFormat("fr-FR");
  const lines = report.withdrawn.map((w) => {
    const total = Object.values(w.rowsRemoved).reduce((s, n) => s + n, 0);
    const where = w.sheet ? `${w.file} (feuille « ${w.sheet} »)` : w.file;
    const tables = Object.entries(w.rowsRemoved).map(([t, n]) => `${t} : ${fmt.format(n)}`).join(", ");
    return `chargement n° ${w.loadId} retiré : ${where} — ${w.kind}${
      w.structureId ? `, structure « ${w.structureId} »` : ""
    }, ${fmt.format(total)} ligne${total > 1 ? "s" : ""} retirée${total > 1 ? "s" : ""}${
      tables ? ` (${tables})` : ""
    }`;
  });
  lines.push(
    `Motif : ${report.reason}. L'original reste dans l'archive ; le fichier peut être chargé de nouveau.`,
  );
  return lines.join("\n");
}
