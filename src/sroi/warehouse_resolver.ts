/**
 * Quantities of an impact map read from the indicator catalogue: a cell holding an indicator id
 * (« participants_uniques ») takes that indicator's value for one scope and year, from the
 * warehouse's `mart_indicator_values` (opened read-only, so a running dev server is not
 * disturbed).
 *
 * @module
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { IndicatorResolver } from "./cell_schemas.ts";

/** The resolver, with the scope and year it reads. */
export interface WarehouseResolver {
  resolve: IndicatorResolver;
  scope: string;
  /** Null when the warehouse has no value at all for the scope. */
  year: number | null;
}

/** Values of one scope and year, and the catalogue's ids: the resolver's memory. */
export function resolverFrom(
  values: ReadonlyMap<string, number | null>,
  known: ReadonlySet<string>,
  scope: string,
  year: number | null,
): IndicatorResolver {
  const resolve: IndicatorResolver = (id) => values.get(id) ?? null;
  resolve.explain = (id) =>
    known.size === 0
      ? `indicateur « ${id} » : aucun indicateur calculé dans l'entrepôt (lancez d'abord deno task ingest)`
      : !known.has(id)
      ? `indicateur inconnu : « ${id} » n'est pas un nombre ni l'identifiant d'un indicateur du catalogue`
      : year === null
      ? `indicateur « ${id} » : aucune valeur calculée pour le périmètre « ${scope} » (chargez ses exports)`
      : `indicateur « ${id} » : pas de valeur pour le périmètre « ${scope} » en ${year} (données manquantes)`;
  return resolve;
}

/**
 * Reads the values of `scope` for `year` (by default the latest year with values) from the
 * warehouse at `path`; without a warehouse every id is explained as « sans valeur ».
 *
 * @example
 * ```ts
 * const { resolve, year } = await warehouseResolver("data/warehouse/observatoire.duckdb", "cooperation");
 * resolve("participants_uniques") // 1234 for the latest year
 * ```
 */
export async function warehouseResolver(
  path: string,
  scope: string,
  year?: number,
): Promise<WarehouseResolver> {
  try {
    await Deno.stat(path);
  } catch {
    return { resolve: resolverFrom(new Map(), new Set(), scope, null), scope, year: null };
  }
  let db;
  try {
    db = await DuckDBInstance.create(path, {
      access_mode: "READ_ONLY",
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    });
  } catch {
    // Held by an ingest in progress: the quantities typed as numbers still compute.
    return { resolve: resolverFrom(new Map(), new Set(), scope, null), scope, year: null };
  }
  const conn = await db.connect();
  try {
    return await connectionResolver(conn, scope, year);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/**
 * The same resolver on a connection that is already open (the page data publisher runs inside
 * the pipeline, which holds the warehouse): reads `mart_indicator_values` of `scope` for `year`
 * (by default the latest year with values), exactly as {@link warehouseResolver} does.
 *
 * @example
 * ```ts
 * const { resolve } = await connectionResolver(wh.conn, "cooperation");
 * ```
 */
export async function connectionResolver(
  conn: DuckDBConnection,
  scope: string,
  year?: number,
): Promise<WarehouseResolver> {
  const [{ n }] = (await conn.runAndReadAll(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN ('mart_indicator_catalogue', 'mart_indicator_values')",
  )).getRowObjectsJS();
  // A warehouse made before the catalogue existed: no indicator yet.
  if (Number(n) < 2) return { resolve: resolverFrom(new Map(), new Set(), scope, null), scope, year: null };
  const rows = async (sql: string, params: unknown[]) =>
    (await conn.runAndReadAll(sql, params as never)).getRowObjectsJS();
  const known = new Set(
    (await rows("SELECT indicator_id FROM mart_indicator_catalogue", [])).map((r) => String(r.indicator_id)),
  );
  const [{ latest }] = await rows(
    "SELECT max(year) AS latest FROM mart_indicator_values WHERE scope = $1 AND value IS NOT NULL",
    [scope],
  );
  const chosen = year ?? (latest === null ? null : Number(latest));
  const values = new Map<string, number | null>();
  if (chosen !== null) {
    for (
      const r of await rows(
        "SELECT indicator_id, value FROM mart_indicator_values WHERE scope = $1 AND year = $2",
        [scope, chosen],
      )
    ) values.set(String(r.indicator_id), r.value === null ? null : Number(r.value));
  }
  return { resolve: resolverFrom(values, known, scope, chosen), scope, year: chosen };
}
