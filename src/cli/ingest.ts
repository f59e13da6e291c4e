/**
 * `deno task ingest [--json] [--kind KIND] [--structure ID] PATH...`
 * Loads exports into the warehouse, then refreshes the marts and the page data (a running
 * `deno task dev` shows the new figures without a restart). Exit code 0: all loaded; 2: some rows or files refused
 * (the rest is loaded, and what was loaded before is kept); 1: the command could not run.
 */
import { parseArgs } from "node:util";
import { ingestPaths } from "../ingest/ingest_paths.ts";
import { reportText } from "../ingest/report_text.ts";
import { archiveDir, secretPath, warehousePath } from "../paths.ts";
import { loadOrCreateSecret, secretCreatedMessage } from "../privacy/secret.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { publishPageData } from "../site/pipeline.ts";

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    kind: { type: "string" },
    structure: { type: "string" },
  },
});

if (positionals.length === 0) {
  console.error("Usage : deno task ingest [--json] [--kind TYPE] [--structure ID] CHEMIN...");
  Deno.exit(1);
}
const secret = await loadOrCreateSecret(secretPath());
if (secret.created) console.error(secretCreatedMessage(secret.path));
const wh = await openWarehouse(warehousePath());
try {
  const reports = await ingestPaths(wh.conn, {
    paths: positionals,
    key: secret.key,
    kind: values.kind,
    structureId: values.structure,
    archiveDir: archiveDir(),
  });
  if (reports.some((r) => r.status === "chargé")) await publishPageData(wh.conn);
  console.log(values.json ? JSON.stringify({ files: reports }, null, 2) : reportText(reports));
  const refused = reports.some((r) =>
    r.rowsRejected > 0 || r.status === "refusé" || r.status === "non reconnu"
  );
  Deno.exitCode = refused ? 2 : 0;
} finally {
  wh.close();
}
