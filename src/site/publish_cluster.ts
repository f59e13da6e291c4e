/**
 * Publishes the page data of « Cluster »: the partnership network of the agglomeration per year
 * (actors are organisations, named; no person), its growth, and the shared indicators of the
 * cluster scope (`mart_indicator_values`, `scope_level = 'cluster'`) with the disclosure already
 * applied by the indicator marts (`published_value`, `suppressed`).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { volunteerCountUnits, withVolunteerUnits } from "../volunteering/count_unit.ts";

/** Everything the page needs, as one JSON-ready object. */
export async function publishCluster(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const safe = (sql: string) => queryRows(conn, sql).catch(() => [] as Record<string, unknown>[]);
  const years = await safe("SELECT * FROM mart_cluster_network_year ORDER BY year");
  // Actors once; per year only their figures (the labels would repeat every year otherwise).
  const actors = await safe(
    `SELECT n.actor_id AS id, any_value(n.label) AS label, any_value(n.actor_type) AS type,
       bool_or(n.is_structure) AS is_structure, coalesce(any_value(s.in_cooperation), false) AS in_cooperation,
       min(n.year) AS first_year
     FROM mart_cluster_network_nodes n LEFT JOIN stg_structures s ON s.structure_id = n.actor_id
     GROUP BY n.actor_id ORDER BY n.actor_id`,
  );
  const nodes = await safe(
    `SELECT year, actor_id AS id, degree, round(betweenness, 4) AS betweenness,
       round(betweenness_norm, 6) AS betweenness_norm, component
     FROM mart_cluster_network_nodes ORDER BY year, actor_id`,
  );
  // A tie, once dated, stays in the network every later year: published once, with its first
  // year in the network (`from_year`) and the themes of the latest year.
  const edges = await safe(
    `SELECT source, target, min(year) AS from_year, arg_max(themes, year) AS themes,
       arg_max(lines, year) AS lines
     FROM mart_cluster_network_edges GROUP BY source, target ORDER BY source, target`,
  );
  const listed = await safe(
    `SELECT c.indicator_id AS id, c.label, c.unit, c.definition, c.stage, c.dimension, c.direction
     FROM mart_indicator_catalogue c
     WHERE c.indicator_id IN (SELECT indicator_id FROM mart_indicator_values WHERE scope_level = 'cluster')
     ORDER BY c.position`,
  );
  // Unlinked volunteers count once per structure: « bénévoles × structures ».
  const catalogue = withVolunteerUnits(
    listed as { id: string; unit: string }[],
    "cluster",
    await volunteerCountUnits(conn),
  );
  const values = await safe(
    `SELECT v.indicator_id AS id, v.year, v.published_value AS value, v.suppressed, v.complete,
       v.structures_in_scope, v.structures_with_data
     FROM mart_indicator_values v JOIN mart_indicator_catalogue c USING (indicator_id)
     WHERE v.scope_level = 'cluster' ORDER BY c.position, v.year`,
  );
  const structures = await safe(
    `SELECT structure_id AS id, name, structure_type AS type, commune, in_cooperation
     FROM stg_structures WHERE in_cluster ORDER BY in_cooperation DESC, name`,
  );
  const [sources] = await safe(
    `SELECT count(DISTINCT structure_id) AS structures, strftime(max(l.loaded_at), '%Y-%m') AS loaded_on,
       (SELECT count(*) FROM stg_cluster_ties)::INTEGER AS map_ties
     FROM loads l WHERE l.kind = 'partnerships' AND l.superseded_by IS NULL`,
  );
  return {
    threshold,
    years,
    actors,
    nodes,
    edges,
    indicators: { catalogue, values },
    structures,
    sources: sources ?? null,
  };
}
