/**
 * Page data of « Qualité des données »: what was received and loaded, per structure, kind and
 * year; the reasons rows were refused, most frequent first; completeness of key fields; and
 * what is missing for each level of analysis. Counts of rows and files, not of people.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { EXPECTED_KINDS, EXPORT_COUNT, missingExports } from "./exports_summary.ts";
import { setAsideColumns } from "./set_aside_columns.ts";

export { EXPECTED_KINDS };

/**
 * The reason of an issue without the value it quotes, so that identical reasons group together:
 * « 31/02/2024 » : le 31 février 2024 n'existe pas → « … » : le … n'existe pas.
 *
 * @example
 * ```ts
 * reasonOf("« douze » n'est pas un nombre") // "« … » n'est pas un nombre"
 * ```
 */
export function reasonOf(message: string): string {
  return message
    .replace(/«[^»]*»/g, "« … »")
    .replace(
      /\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b/g,
      "…",
    )
    .replace(/\bligne \d+\b/g, "ligne …");
}

/**
 * Per structure and kind, lines read and refused in files made with the collection kit
 * (`loads.source = 'kit'`) and in free exports, with the refusal rate of each (null without
 * lines): whether the kit's templates produce cleaner data.
 */
export async function sourceComparison(conn: DuckDBConnection): Promise<Record<string, unknown>[]> {
  return (await queryRows(
    conn,
    `SELECT coalesce(structure_id, '(registre)') AS structure_id, kind,
       sum(rows_read) FILTER (WHERE source = 'kit') AS kit_rows,
       sum(rows_rejected) FILTER (WHERE source = 'kit') AS kit_rejected,
       sum(rows_read) FILTER (WHERE source <> 'kit') AS export_rows,
       sum(rows_rejected) FILTER (WHERE source <> 'kit') AS export_rejected
     FROM loads WHERE superseded_by IS NULL AND kind <> 'structures'
     GROUP BY ALL ORDER BY structure_id, kind`,
  )).map((r) => {
    const rate = (rejected: unknown, read: unknown) =>
      read === null || Number(read) === 0 ? null : Number(rejected ?? 0) / Number(read);
    return {
      structure_id: r.structure_id,
      kind: r.kind,
      kit_rows: Number(r.kit_rows ?? 0),
      kit_reject_rate: rate(r.kit_rejected, r.kit_rows),
      export_rows: Number(r.export_rows ?? 0),
      export_reject_rate: rate(r.export_rejected, r.export_rows),
    };
  });
}

/**
 * Loads withdrawn by `deno task unload` or replaced by a reload under another kind, newest first:
 * file, kind, structure, dates, rows removed and reason; not who (a login is personal data).
 */
export async function withdrawnLoads(conn: DuckDBConnection): Promise<Record<string, unknown>[]> {
  return await queryRows(
    conn,
    `SELECT file_name AS file, sheet, kind, format, structure_id,
       strftime(loaded_at, '%Y-%m-%d') AS loaded_on, strftime(withdrawn_at, '%Y-%m-%d') AS withdrawn_on,
       rows_removed, reason
     FROM load_withdrawals ORDER BY withdrawn_at DESC, load_id DESC`,
  );
}

/** Everything the page needs, as one JSON-ready object. */
export async function publishQuality(conn: DuckDBConnection): Promise<Record<string, unknown>> {
  const structures = await queryRows(
    conn,
    `SELECT structure_id AS id, name, structure_type AS type, coalesce(in_cooperation, false) AS cooperation,
       coalesce(in_cluster, false) AS cluster, coalesce(in_federation, false) AS federation
     FROM stg_structures ORDER BY NOT coalesce(in_cooperation, false), name`,
  );
  // Per structure × kind × year of the data (the load's period), active loads only.
  const received = await queryRows(
    conn,
    `SELECT coalesce(structure_id, '(registre)') AS structure_id, kind,
       coalesce(CAST(year(period_start) AS VARCHAR), 'sans date') AS year,
       ${EXPORT_COUNT} AS files, sum(rows_read) AS rows_read, sum(rows_loaded) AS rows_loaded,
       sum(rows_rejected) AS rows_rejected, sum(rows_duplicate) AS rows_duplicate,
       strftime(max(loaded_at), '%Y-%m-%d') AS last_loaded
     FROM loads WHERE superseded_by IS NULL
     GROUP BY ALL ORDER BY structure_id, kind, year`,
  );
  const [totals] = await queryRows(
    conn,
    `SELECT ${EXPORT_COUNT} AS files, coalesce(sum(rows_loaded), 0) AS rows_loaded,
       coalesce(sum(rows_rejected), 0) AS rows_rejected, strftime(max(loaded_at), '%Y-%m-%d') AS last_loaded
     FROM loads WHERE superseded_by IS NULL`,
  );
  const issues = await queryRows(
    conn,
    `SELECT l.kind, i.severity, i.message, count(*) AS n
     FROM load_issues i JOIN loads l USING (load_id) WHERE l.superseded_by IS NULL
     GROUP BY ALL`,
  );
  const reasons = new Map<string, { kind: string; severity: string; reason: string; n: number }>();
  for (const row of issues) {
    const reason = reasonOf(String(row.message));
    const key = `${row.kind}|${row.severity}|${reason}`;
    const entry = reasons.get(key) ??
      { kind: String(row.kind), severity: String(row.severity), reason, n: 0 };
    entry.n += Number(row.n);
    reasons.set(key, entry);
  }
  const completeness = await queryRows(
    conn,
    `SELECT structure_id, 'people' AS kind, count(*) AS rows,
       avg(CASE WHEN birth_year IS NOT NULL THEN 1 ELSE 0 END) AS birth_year_known,
       avg(CASE WHEN lives_in_qpv IS NOT NULL THEN 1 ELSE 0 END) AS residence_known,
       NULL AS hours_known
     FROM stg_people GROUP BY ALL
     UNION ALL
     SELECT structure_id, 'attendance', count(*), NULL, NULL,
       avg(CASE WHEN hours IS NOT NULL THEN 1 ELSE 0 END)
     FROM stg_attendance GROUP BY ALL
     ORDER BY structure_id, kind`,
  );
  // Expected exports not sent: the same rule as the home page's freshness table.
  const missing = await missingExports(conn, structures.map((s) => String(s.id)));
  const withAttendance = new Set(
    (await queryRows(
      conn,
      `SELECT DISTINCT structure_id FROM loads WHERE superseded_by IS NULL AND kind = 'attendance'`,
    )).map((r) => String(r.structure_id)),
  );
  const levels = [
    {
      id: "cooperation",
      level: "La Coopération",
      members: "structures de La Coopération",
      filter: (s: Record<string, unknown>) => s.cooperation === true,
    },
    {
      id: "cluster",
      level: "Cluster Valence Romans Agglo",
      members: "structures du cluster",
      filter: (s: Record<string, unknown>) => s.cluster === true,
    },
    {
      id: "federation",
      level: "Département (fédération)",
      members: "adhérentes à la fédération",
      filter: (s: Record<string, unknown>) => s.federation === true,
    },
  ].map(({ id, level, members: label, filter }) => {
    const members = structures.filter(filter);
    return {
      id,
      level,
      members: label,
      structures: members.length,
      registry: structures.length,
      with_attendance: members.filter((s) => withAttendance.has(String(s.id))).length,
    };
  });
  return {
    totals,
    structures,
    withdrawn: await withdrawnLoads(conn),
    received,
    reasons: [...reasons.values()].sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason)),
    completeness,
    expected_kinds: EXPECTED_KINDS,
    missing,
    levels,
    sources: await sourceComparison(conn),
    // Columns never loaded because they hold personal data: header and category only.
    personal_columns: await setAsideColumns(conn),
  };
}
