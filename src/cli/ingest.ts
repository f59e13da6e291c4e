/**
 * `deno task ingest [--json] [--kind KIND] [--structure ID] PATH...`
 *
 * Loads exports into the warehouse, then refreshes the marts and the page data (a running
 * `deno task dev` shows the new figures without a restart). Exit status: 0 when no file was
 * rejected whole, 1 when at least one was, 2 for a usage error. Two ingests at once wait for
 * each other.
 */
import { parseArgs } from "node:util";
import { LOADERS } from "../../loaders/mod.ts";
import { ingestPaths } from "../ingest/ingest_paths.ts";
import { reportJson } from "../ingest/load_report.ts";
import { reportText } from "../ingest/report_text.ts";
import { archiveDir, secretPath, warehousePath } from "../paths.ts";
import { loadOrCreateSecret, secretCreatedMessage } from "../privacy/secret.ts";
import { publishPageData } from "../site/pipeline.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { withWarehouseLock } from "../warehouse/lock.ts";

const USAGE = "Usage : deno task ingest [--json] [--kind TYPE] [--structure ID] CHEMIN...";
const KINDS = [...new Set(LOADERS.map((l) => l.kind))];

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}\nTypes reconnus : ${KINDS.join(", ")}.`);
  Deno.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      kind: { type: "string" },
      structure: { type: "string" },
    },
  });
} catch (error) {
  usageError((error as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length === 0) usageError("Indiquez au moins un fichier ou un dossier à charger.");
if (values.kind && !KINDS.includes(values.kind)) usageError(`Type d'export inconnu : « ${values.kind} ».`);
for (const path of positionals) {
  try {
    await Deno.stat(path);
  } catch {
    usageError(`Chemin introuvable : ${path}`);
  }
}

/** A one-line progress bar on the terminal, redrawn in place. */
function drawBar(file: string, sheet: string | null, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((width * done) / Math.max(total, 1));
  const percent = Math.round((100 * done) / Math.max(total, 1));
  const label = sheet ? `${file} (${sheet})` : file;
  const bar = `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${percent} % ${label}`;
  Deno.stderr.writeSync(new TextEncoder().encode(`\r${bar}\x1b[K${done >= total ? "\n" : ""}`));
}

const secret = await loadOrCreateSecret(secretPath());
if (secret.created) console.error(secretCreatedMessage(secret.path));
const reports = await withWarehouseLock(warehousePath(), async () => {
  const wh = await openWarehouse(warehousePath());
  try {
    const reports = await ingestPaths(wh.conn, {
      paths: positionals,
      key: secret.key,
      kind: values.kind,
      structureId: values.structure,
      archiveDir: archiveDir(),
      progress: (message) => console.error(message),
      progressRows: Deno.stderr.isTerminal() ? drawBar : undefined,
    });
    if (reports.some((r) => r.status === "loaded" || r.status === "partial")) await publishPageData(wh.conn);
    return reports;
  } finally {
    wh.close();
  }
});
console.log(values.json ? JSON.stringify(reportJson(reports), null, 2) : reportText(reports));
Deno.exitCode = reports.some((r) => r.status === "rejected") ? 1 : 0;
