/**
 * One writer at a time: an exclusive lock on `<warehouse>.lock` serialises ingests and builds
 * started together (DuckDB itself would refuse the second with an obscure error).
 *
 * @module
 */
import { dirname } from "node:path";

/**
 * Runs `work` while holding the warehouse lock, waiting (with a French message) if another
 * process holds it.
 *
 * @example
 * ```ts
 * await withWarehouseLock("data/warehouse/observatoire.duckdb", async () => { ... });
 * ```
 */
export async function withWarehouseLock<T>(
  warehouse: string,
  work: () => Promise<T>,
  log: (message: string) => void = console.error,
): Promise<T> {
  if (warehouse === ":memory:") return await work();
  await Deno.mkdir(dirname(warehouse), { recursive: true });
  const file = await Deno.open(`${warehouse}.lock`, { create: true, write: true });
  try {
    if (!(await file.tryLock(true))) {
      log("Un autre chargement ou une construction utilise l'entrepôt : attente de sa fin…");
      await file.lock(true);
    }
    return await work();
  } finally {
    file.close(); // closing releases the lock
  }
}
