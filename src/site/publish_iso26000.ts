/**
 * Publishes the « ISO 26000 » page data: the self-assessment matrix of each structure and year
 * (domain of action × relevance 0–3 × maturity 1–4), the maturity per core subject for each
 * structure, the Coopération and the cluster, and the 37 domains of the reference. The free-text
 * evidence column is never published. Levels are judgements of organisations, not people
 * counts: no disclosure rule applies.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadIso26000Reference } from "../../loaders/iso26000.ts";
import { queryRows } from "../warehouse/connect.ts";
import { LEVEL_SCOPES } from "./publish_indicators.ts";

/** Matrix, subjects, reference domains and the structures that assessed themselves. */
export async function publishIso26000(
  conn: DuckDBConnection,
  reference = loadIso26000Reference(),
): Promise<Record<string, unknown>> {
  const matrix = await queryRows(
    conn,
    `SELECT structure_id AS structure, year, issue_code AS code, relevance, maturity
     FROM mart_iso26000_matrix ORDER BY structure_id, year, issue_code`,
  );
  const subjects = (await queryRows(
    conn,
    `SELECT scope, year, core_subject AS subject, structures, relevant_domains, maturity_mean,
       maturity_weighted, maturity_min
     FROM mart_iso26000_subjects ORDER BY scope, year, core_subject`,
  )).map((r): Record<string, unknown> => ({
    ...r,
    maturity_mean: r.maturity_mean === null ? null : Number(r.maturity_mean),
    maturity_weighted: r.maturity_weighted === null ? null : Number(r.maturity_weighted),
  }));
  const structures = await queryRows(
    conn,
    `SELECT structure_id AS id, name, structure_type AS type, coalesce(in_cooperation, false) AS in_cooperation,
       coalesce(in_cluster, false) AS in_cluster
     FROM stg_structures WHERE structure_id IN (SELECT structure_id FROM mart_iso26000_matrix)
     ORDER BY NOT coalesce(in_cooperation, false), CASE structure_type WHEN 'EVS' THEN 1 ELSE 0 END, name`,
  );
  const scopes = LEVEL_SCOPES.filter((s) => subjects.some((r) => r.scope === s.id));
  return {
    domains: reference.map(({ code, subject, issue }) => ({ code, subject, issue })),
    structures,
    scopes,
    years: [...new Set(matrix.map((r) => Number(r.year)))].sort(),
    matrix,
    subjects,
  };
}
