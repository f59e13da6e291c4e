/**
 * Reloading a file under another kind or structure: `deno task ingest --kind K [--structure S]`
 * on bytes already loaded under another kind (or, with `--structure`, another structure)
 * replaces that earlier load instead of answering « déjà chargé ». The new load is written
 * first; the earlier one is withdrawn (withdraw_loads.ts) only for the sheets that the new one
 * loaded, so a failed reload never loses what was there.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { inTransaction, queryRows } from "../warehouse/connect.ts";
import type { LoadReport } from "./load_report.ts";
import { currentUser, withdrawLoads } from "./withdraw_loads.ts";

/** An earlier load of the same bytes that a reload replaces. */
export interface EarlierLoad {
  loadId: number;
  sheet: string | null;
  kind: string;
  structureId: string | null;
}

/** What the user asked for explicitly (a structure from the inbox folder is not a request). */
export interface ReloadRequest {
  kind?: string;
  /** The structure given with `--structure`, if any. */
  structureId?: string | null;
}

/**
 * Earlier loads of `hash` that the request contradicts: another kind than `--kind`, or another
 * structure than `--structure` (loads of kinds without structure, like the registry, never).
 */
export async function loadsToReplace(
  conn: DuckDBConnection,
  hash: string,
  request: ReloadRequest,
): Promise<EarlierLoad[]> {
  if (!request.kind && !request.structureId) return [];
  const rows = await queryRows(
    conn,
    "SELECT load_id, sheet, kind, structure_id FROM loads WHERE sha256 = $1 ORDER BY load_id",
    [hash],
  );
  return rows
    .map((r) => ({
      loadId: Number(r.load_id),
      sheet: r.sheet === null ? null : String(r.sheet),
      kind: String(r.kind),
      structureId: r.structure_id === null ? null : String(r.structure_id),
    }))
    .filter((l) =>
      (request.kind !== undefined && l.kind !== request.kind) ||
      (!!request.structureId && l.structureId !== null && l.structureId !== request.structureId)
    );
}

/**
 * Withdraws the earlier loads of the sheets the new reports loaded (one transaction), and tells
 * each of those reports what it replaced.
 */
export async function replaceEarlierLoads(
  conn: DuckDBConnection,
  earlier: readonly EarlierLoad[],
  reports: LoadReport[],
  now: Date,
): Promise<void> {
  await inTransaction(conn, async () => {
    for (const report of reports) {
      if ((report.status !== "loaded" && report.status !== "partial") || report.loadId === null) continue;
      const same = earlier.filter((l) => l.sheet === report.sheet);
      if (same.length === 0) continue;
      const structure = report.structureId ? ` pour la structure « ${report.structureId} »` : "";
      const withdrawn = await withdrawLoads(conn, same.map((l) => l.loadId), {
        reason: `rechargé comme ${report.kind}${structure}`,
        by: currentUser(),
        now,
        replacedBy: report.loadId,
      });
      for (const w of withdrawn) {
        const rows = Object.values(w.rowsRemoved).reduce((s, n) => s + n, 0);
        report.superseded.push(w.loadId);
        report.issues.push({
          line: null,
          column: null,
          value: null,
          severity: "avertissement",
          message: `remplace le chargement n° ${w.loadId} du même fichier (type « ${w.kind} »${
            w.structureId ? `, structure « ${w.structureId} »` : ""
          }) : ${rows} ligne${rows > 1 ? "s" : ""} retirée${rows > 1 ? "s" : ""}`,
        });
      }
    }
  });
}
