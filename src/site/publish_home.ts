/**
 * Page data of the home page (« Accueil »): what the observatory covers (registry, levels,
 * indicators, years), a headline for La Coopération, and the freshness of the data: for each
 * structure and kind of export, the files, the last load date and the period covered.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { EXPECTED_KINDS, EXPORT_COUNT } from "./exports_summary.ts";
import { publishFreshness } from "./publish_story.ts";
import { listStructures } from "./publish_structures.ts";

/** Everything the home page needs, as one JSON-ready object. */
export async function publishHome(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const [registry] = await queryRows(
    conn,
    `SELECT count(*) AS structures, count(*) FILTER (WHERE in_cooperation) AS cooperation,
       count(*) FILTER (WHERE in_cluster) AS cluster, count(*) FILTER (WHERE in_federation) AS federation,
       -- The cluster page's network rests on the cluster structures that sent partnerships: the
       -- home page says how many, beside the registry's count (scope stated where it differs).
       (SELECT count(DISTINCT l.structure_id) FROM loads l JOIN stg_structures c USING (structure_id)
        WHERE c.in_cluster AND l.kind = 'partnerships' AND l.superseded_by IS NULL) AS cluster_network
     FROM stg_structures`,
  );
  const [catalogue] = await queryRows(
    conn,
    `SELECT count(*) AS indicators, count(DISTINCT stage) AS stages FROM mart_indicator_catalogue`,
  );
  const [period] = await queryRows(
    conn,
    `SELECT strftime(min(period_start), '%Y-%m') AS first, strftime(max(period_end), '%Y-%m') AS last,
       strftime(max(loaded_at), '%Y-%m-%d') AS last_loaded, ${EXPORT_COUNT} AS files
     FROM loads WHERE superseded_by IS NULL`,
  );
  // The latest year with attendance for La Coopération, and its headline figures.
  const headline = await queryRows(
    conn,
    `SELECT year, indicator_id, published_value AS value, suppressed, complete
     FROM mart_indicator_values
     WHERE scope_level = 'cooperation' AND indicator_id IN ('participants_uniques', 'passages', 'part_qpv', 'heures_benevolat')
       AND year = (SELECT max(year) FROM mart_indicator_values
                   WHERE scope_level = 'cooperation' AND indicator_id = 'participants_uniques')
     ORDER BY indicator_id`,
  );
  return {
    threshold,
    registry,
    catalogue,
    period,
    headline,
    structures: await listStructures(conn),
    freshness: await publishFreshness(conn),
    expected_kinds: EXPECTED_KINDS,
  };
}
