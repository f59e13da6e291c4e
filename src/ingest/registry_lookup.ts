/**
 * The registry's structures by SIRET and by name, for files that name structures the way their
 * publisher does (a funder's subsidies open data) rather than by the registry's identifier.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { normaliseHeader } from "../read/normalise_header.ts";
import { queryRows } from "../warehouse/connect.ts";

/** A registry entry as the lookup needs it. */
export interface RegistryEntry {
  id: string;
  name: string;
  siret: string | null;
}

/**
 * A lookup over `entries`: the exact SIRET first, then the SIREN (its first 9 digits: another
 * establishment of the same association) when only one structure has it, then the name compared
 * without case, accents, spaces or punctuation.
 *
 * @example
 * ```ts
 * const of = structureLookup([{ id: "ors", name: "Maison de quartier des Ors", siret: "77556677800012" }]);
 * of("77556677800029", null) // "ors" (same SIREN)
 * of(null, "MAISON DE QUARTIER DES ORS") // "ors"
 * ```
 */
export function structureLookup(
  entries: readonly RegistryEntry[],
): (siret: string | null, name: string | null) => string | null {
  const bySiret = new Map<string, string>();
  const bySiren = new Map<string, string | null>();
  const byName = new Map<string, string | null>();
  for (const { id, name, siret } of entries) {
    if (siret) {
      bySiret.set(siret, id);
      const siren = siret.slice(0, 9);
      bySiren.set(siren, bySiren.has(siren) && bySiren.get(siren) !== id ? null : id);
    }
    const key = normaliseHeader(name);
    if (key) byName.set(key, byName.has(key) && byName.get(key) !== id ? null : id);
  }
  return (siret, name) => {
    const digits = siret?.replace(/\D/g, "") ?? "";
    if (digits.length === 14 && bySiret.has(digits)) return bySiret.get(digits)!;
    if (digits.length >= 9 && bySiren.get(digits.slice(0, 9))) return bySiren.get(digits.slice(0, 9))!;
    return name ? byName.get(normaliseHeader(name)) ?? null : null;
  };
}

/** The lookup over the registry as it is in the warehouse now. */
export async function registryLookup(
  conn: DuckDBConnection,
): Promise<(siret: string | null, name: string | null) => string | null> {
  const rows = await queryRows(conn, "SELECT structure_id, name, siret FROM stg_structures");
  return structureLookup(rows.map((r) => ({
    id: String(r.structure_id),
    name: String(r.name),
    siret: r.siret === null ? null : String(r.siret),
  })));
}
