/**
 * The lists a structure's templates offer: structures of the registry and actions of the
 * structure's catalogue, read from the warehouse when there is one (read-only), else from the
 * reference themes; volunteer missions from the valuation grades.
 *
 * @module
 */
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { REFERENCE_DIR } from "../paths.ts";
import { decodeText } from "../read/decode_text.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { parseGrades } from "../volunteering/reference.ts";
import type { Vocabularies } from "./columns.ts";

/** The vocabularies and the registry (id and name of each structure). */
export interface KitVocabularies extends Vocabularies {
  registry: { id: string; name: string }[];
}

/** Distinct non-empty values, sorted the French way. */
function distinct(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const t = v.trim();
    if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "fr"));
}

/** Themes of `data/reference/themes.csv` (first column). */
export function referenceThemes(dir = REFERENCE_DIR): string[] {
  const text = decodeText(Deno.readFileSync(join(dir, "themes.csv"))).text;
  return distinct(parseDelimited(text, ";").slice(1).map((r) => String(r.cells[0] ?? "")));
}

/** Missions of the valuation grades: each keyword, capitalised (« Conseil d'administration »). */
export function referenceMissions(dir = REFERENCE_DIR): string[] {
  const text = decodeText(Deno.readFileSync(join(dir, "grades_alisfa_benevolat.csv"))).text;
  const { entries } = parseGrades(text);
  return distinct(entries.flatMap((g) => g.keywords).map((k) => k.charAt(0).toUpperCase() + k.slice(1)));
}

/**
 * The vocabularies for `structureId` (null: every structure): from the warehouse at
 * `warehouse` when it exists and can be opened read-only, else from the reference files.
 */
export async function loadVocabularies(
  warehouse: string | null,
  structureId: string | null,
): Promise<KitVocabularies> {
  const base: KitVocabularies = {
    structures: [],
    activities: referenceThemes(),
    missions: referenceMissions(),
    registry: [],
  };
  if (!warehouse) return base;
  try {
    await Deno.stat(warehouse);
  } catch {
    return base;
  }
  let db;
  try {
    db = await DuckDBInstance.create(warehouse, {
      access_mode: "READ_ONLY",
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    });
  } catch {
    return base; // held by an ingest in progress
  }
  const conn = await db.connect();
  try {
    const rows = async (sql: string, params: unknown[] = []) =>
      (await conn.runAndReadAll(sql, params as never)).getRowObjectsJS();
    const tables = new Set(
      (await rows("SELECT table_name FROM duckdb_tables()")).map((r) => String(r.table_name)),
    );
    const registry = tables.has("stg_structures")
      ? (await rows("SELECT structure_id, name FROM stg_structures ORDER BY name")).map((r) => ({
        id: String(r.structure_id),
        name: String(r.name),
      }))
      : [];
    const structures = distinct(registry.map((r) => r.name));
    const activities = tables.has("stg_activities")
      ? distinct(
        (await rows(
          "SELECT label FROM stg_activities WHERE $1::VARCHAR IS NULL OR structure_id = $1::VARCHAR",
          [structureId],
        )).map((r) => String(r.label)),
      )
      : [];
    return {
      ...base,
      structures,
      registry,
      activities: activities.length > 0 ? activities : base.activities,
    };
  } finally {
    conn.closeSync();
    db.closeSync?.();
  }
}
