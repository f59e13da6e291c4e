/**
 * Reference tables the indicator views read, written into the warehouse before each rebuild:
 * `ref_communes` (current communes, municipal population, membership of Valence Romans Agglo,
 * from `@etalab/decoupage-administratif`) and `ref_qf_bands` (the family quotient bands of
 * `data/reference/qf_bands.csv`, so an indicator reads a band's bounds, never its label). Volunteer time is valued with the rate tables of the
 * volunteering marts (src/volunteering/, data/reference/taux_valorisation_benevolat.csv).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import communesData from "@etalab/decoupage-administratif/data/communes.json" with { type: "json" };
import epciData from "@etalab/decoupage-administratif/data/epci.json" with { type: "json" };
import { type QfBand, referenceQfBands } from "../ingest/qf_bands.ts";

/** SIREN of the Valence Romans Agglo EPCI (the cluster's territory). */
export const CLUSTER_EPCI = "200068781";

/** A current commune with its population and whether it belongs to the cluster EPCI. */
export interface CommuneRow {
  insee: string;
  name: string;
  population: number | null;
  inCluster: boolean;
}

/**
 * Current communes of the départements given (default: Drôme and its neighbours), with the
 * cluster flag from `epci.json`.
 *
 * @example
 * communeRows(["26"]).find((c) => c.insee === "26281")
 * // { insee: "26281", name: "Romans-sur-Isère", population: 33464, inCluster: true }
 */
export function communeRows(departements = ["26", "07", "38", "05", "04", "84"]): CommuneRow[] {
  const epci = (epciData as { code: string; membres: { code: string }[] }[]).find((e) =>
    e.code === CLUSTER_EPCI
  );
  const members = new Set((epci?.membres ?? []).map((m) => m.code));
  return (communesData as {
    code: string;
    nom: string;
    type: string;
    departement?: string;
    population?: number;
  }[])
    .filter((c) => c.type === "commune-actuelle" && departements.includes(c.departement ?? ""))
    .map((c) => ({
      insee: c.code,
      name: c.nom,
      population: c.population ?? null,
      inCluster: members.has(c.code),
    }));
}

async function insertChunks(
  conn: DuckDBConnection,
  table: string,
  width: number,
  rows: unknown[][],
): Promise<void> {
  const size = 500;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const tuple = `(${Array(width).fill("?").join(", ")})`;
    // deno-lint-ignore no-explicit-any
    await conn.run(`INSERT INTO ${table} VALUES ${chunk.map(() => tuple).join(", ")}`, chunk.flat() as any);
  }
}

/**
 * (Re)writes `ref_communes` (INSEE code, name, population, member of the cluster's EPCI) and
 * `ref_qf_bands` (label, bounds in euros, both included; `max_eur` NULL for the open last band).
 * Volunteer time is valued with the volunteering marts' rate tables (src/volunteering/).
 *
 * @example
 * ```ts
 * await writeReferenceTables(conn);
 * ```
 */
export async function writeReferenceTables(
  conn: DuckDBConnection,
  qfBands: readonly QfBand[] = referenceQfBands(),
): Promise<void> {
  await conn.run(
    "CREATE OR REPLACE TABLE ref_communes (insee VARCHAR PRIMARY KEY, name VARCHAR, population INTEGER, in_cluster BOOLEAN)",
  );
  await insertChunks(
    conn,
    "ref_communes",
    4,
    communeRows().map((c) => [c.insee, c.name, c.population, c.inCluster]),
  );
  await conn.run(
    "CREATE OR REPLACE TABLE ref_qf_bands (label VARCHAR PRIMARY KEY, min_eur DOUBLE, max_eur DOUBLE)",
  );
  await insertChunks(conn, "ref_qf_bands", 3, qfBands.map((b) => [b.label, b.min, b.max]));
}
