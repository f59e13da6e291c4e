/**
 * Test support: a temporary inbox with a one-structure registry (`demo`) and an in-memory
 * warehouse; `ingest` writes a file under `demo/` and loads the inbox, returning that file's
 * reports.
 */
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { encodeText } from "../../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

/** The fixed pseudonymisation key of these tests. */
export const TEST_KEY = new Uint8Array(32).fill(3);
const REGISTRY = "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n";

/** What a test receives. */
export interface InboxContext {
  ingest: (name: string, bytes: Uint8Array) => ReturnType<typeof ingestPaths>;
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
}

/** Runs `run` with a fresh inbox and warehouse, removed afterwards. */
export async function withInbox(prefix: string, run: (ctx: InboxContext) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "demo"), { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  const wh = await openWarehouse(":memory:");
  try {
    await run({
      ingest: async (name, bytes) => {
        await Deno.writeFile(join(inbox, "demo", name), bytes);
        const reports = await ingestPaths(wh.conn, { paths: [inbox], key: TEST_KEY });
        return reports.filter((r) => r.file === `demo/${name}`);
      },
      query: (sql, params = []) => queryRows(wh.conn, sql, params),
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}
