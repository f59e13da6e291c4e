/**
 * Page data of the structure pages (`/structures/[id]`) and of the list they come from:
 *
 * - `structures.json`: every registry structure that has a page — the structures that sent at
 *   least one export or have at least one indicator value (a structure listed in the registry
 *   but with no data has nothing to tell yet); La Coopération's four first. The site config reads
 *   this list for the sidebar and the dynamic routes.
 * - `structures/<id>.json`: the value-chain story of one structure (indicator marts), its exports
 *   and, for a member of La Coopération, its share of the Coopération's partners.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { publishFreshness, publishStory } from "./publish_story.ts";
import { PUBLICS, publishPublicsByYear } from "./publish_publics.ts";

/** A structure as the site lists it. */
export interface StructureEntry {
  id: string;
  name: string;
  type: string;
  commune: string | null;
  qpv: string | null;
  cooperation: boolean;
  cluster: boolean;
  federation: boolean;
}

/** Structure ids become file names and URLs: only lower-case letters, digits and dashes. */
export const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The structures that have a page, Coopération first (centres sociaux, then EVS), then by name. */
export async function listStructures(conn: DuckDBConnection): Promise<StructureEntry[]> {
  const rows = await queryRows(
    conn,
    `SELECT structure_id AS id, name, structure_type AS type, commune, qpv_served AS qpv,
       coalesce(in_cooperation, false) AS cooperation, coalesce(in_cluster, false) AS cluster,
       coalesce(in_federation, false) AS federation
     FROM stg_structures s
     WHERE EXISTS (SELECT 1 FROM loads l WHERE l.structure_id = s.structure_id AND l.superseded_by IS NULL)
        OR EXISTS (SELECT 1 FROM mart_indicator_values v WHERE v.scope_level = 'structure' AND v.scope = s.structure_id)
     ORDER BY NOT coalesce(in_cooperation, false),
       CASE WHEN coalesce(in_cooperation, false) AND structure_type = 'EVS' THEN 1 ELSE 0 END, name`,
  );
  return (rows as unknown as StructureEntry[]).filter((s) => SAFE_ID.test(s.id));
}

/** The page data of one structure. */
export async function publishStructure(
  conn: DuckDBConnection,
  id: string,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const structure = (await listStructures(conn)).find((s) => s.id === id);
  if (!structure) throw new Error(`structure inconnue : ${id}`);
  const story = await publishStory(conn, "structure", id);
  const sources = await publishFreshness(conn, [id]);
  // Partners this structure shares with at least one other member of La Coopération.
  const shared = structure.cooperation
    ? await queryRows(
      conn,
      `WITH coop AS (
         SELECT DISTINCT p.structure_id, p.partner FROM stg_partnerships p
         JOIN stg_structures s USING (structure_id) WHERE s.in_cooperation
       )
       SELECT count(DISTINCT partner) FILTER (WHERE partner IN (
           SELECT partner FROM coop GROUP BY partner HAVING count(DISTINCT structure_id) > 1)) AS shared,
         count(DISTINCT partner) AS partners
       FROM coop WHERE structure_id = $1`,
      [id],
    )
    : [];
  // Key figures per public (age band, QPV residents), for the page's « Public » filter.
  const publics = await publishPublicsByYear(conn, [id], { threshold });
  return {
    threshold,
    structure,
    story,
    sources,
    partners: shared[0] ?? null,
    publicList: PUBLICS,
    publics,
  };
}
