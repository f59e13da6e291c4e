/**
 * `deno task unload [--json] [--raison TEXTE] FICHIER|NUMÉRO...`
 *
 * Withdraws loads from the warehouse (src/ingest/unload_load.ts): their rows leave every staging
 * table, the load history records who, when and why, the archive keeps the original and the file
 * can be loaded again. Then the marts and the page data are rebuilt. Exit status: 0 when loads
 * were withdrawn, 1 when a name matches no load (nothing is withdrawn), 2 for a usage error.
 */
import { parseArgs } from "node:util";
import { unloadJson, unloadTargets, unloadText } from "../ingest/unload_load.ts";
import { warehousePath } from "../paths.ts";
import { publishPageData } from "../site/pipeline.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { withWarehouseLock } from "../warehouse/lock.ts";

const USAGE = 'Usage : deno task unload [--json] [--raison "MOTIF"] FICHIER|NUMÉRO-DE-CHARGEMENT...';

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  Deno.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, raison: { type: "string" } },
  });
} catch (error) {
  usageError((error as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length === 0) usageError("Indiquez le fichier ou le numéro du chargement à retirer.");

const report = await withWarehouseLock(warehousePath(), async () => {
  const wh = await openWarehouse(warehousePath());
  try {
    const report = await unloadTargets(wh.conn, positionals, { reason: values.raison });
    if (report.withdrawn.length > 0) await publishPageData(wh.conn);
    return report;
  } finally {
    wh.close();
  }
});
console.log(values.json ? JSON.stringify(unloadJson(report), null, 2) : unloadText(report));
Deno.exitCode = report.refusals.length > 0 || report.withdrawn.length === 0 ? 1 : 0;
