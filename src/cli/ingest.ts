/**
 * `deno task ingest [--json] [--kind KIND] [--structure ID] PATH...`
 *
 * Loads exports into the warehouse, then refreshes the marts and the page data (a running
 * `deno task dev` shows the new figures without a restart). Exit status: 0 when no file was
 * rejected whole, 1 when at least one was (or the page data could not be published, or the run
 * failed), 2 for a usage error. With `--json` the report is printed in every case, failures
 * included (see ingest_outcome.ts); no stack trace reaches the user. Two ingests at once wait
 * for each other.
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { LOADERS } from "../../loaders/mod.ts";
import { ingestPaths } from "../ingest/ingest_paths.ts";
import { reportText } from "../ingest/report_text.ts";
import { archiveDir, pageDataDir, secretPath, warehousePath } from "../paths.ts";
import { loadOrCreateSecret, secretCreatedMessage } from "../privacy/secret.ts";
import { PAGE_DATA_STAMP, publishPageData } from "../site/pipeline.ts";
import { openWarehouse } from "../warehouse/connect.ts";
import { withWarehouseLock } from "../warehouse/lock.ts";
import { exitStatus, type IngestOutcome, outcomeJson } from "./ingest_outcome.ts";
import { debugDetail, unexpectedErrorMessage } from "./user_error.ts";

const USAGE = "Usage : deno task ingest [--json] [--kind TYPE] [--structure ID] CHEMIN...";
const KINDS = [...new Set(LOADERS.map((l) => l.kind))];
const json = Deno.args.includes("--json");

/** Prints the outcome (the JSON report on stdout with --json) and sets the exit status. */
function finish(outcome: IngestOutcome): never {
  if (json) console.log(JSON.stringify(outcomeJson(outcome), null, 2));
  else if (!outcome.usage && (outcome.reports.length > 0 || outcome.error === null)) {
    console.log(reportText(outcome.reports));
  }
  Deno.exit(exitStatus(outcome));
}

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}\nTypes reconnus : ${KINDS.join(", ")}.`);
  finish({ reports: [], publication: { status: "not_run", message: null }, error: message, usage: true });
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

/** Whether the page data was never written (a fresh clone, or its folder emptied). */
async function pageDataMissing(): Promise<boolean> {
  return await Deno.stat(join(pageDataDir(), PAGE_DATA_STAMP)).then(() => false, () => true);
}

const outcome: IngestOutcome = {
  reports: [],
  publication: { status: "not_run", message: null },
  error: null,
};
try {
  const secret = await loadOrCreateSecret(secretPath());
  if (secret.created) console.error(secretCreatedMessage(secret.path));
  await withWarehouseLock(warehousePath(), async () => {
    const wh = await openWarehouse(warehousePath());
    try {
      outcome.reports = await ingestPaths(wh.conn, {
        paths: positionals,
        key: secret.key,
        kind: values.kind,
        structureId: values.structure,
        archiveDir: archiveDir(),
        progress: (message) => console.error(message),
        progressRows: Deno.stderr.isTerminal() ? drawBar : undefined,
      });
      const changed = outcome.reports.some((r) => r.status === "loaded" || r.status === "partial");
      if (!changed && !(await pageDataMissing())) {
        outcome.publication.status = "not_needed";
        return;
      }
      try {
        await publishPageData(wh.conn);
        outcome.publication.status = "published";
      } catch (error) {
        // The files stay loaded: only the pages are behind; the next ingest or build publishes.
        debugDetail(error);
        outcome.publication = {
          status: "failed",
          message: `les fichiers sont chargés, mais la mise à jour des données des pages a échoué : ${
            (error as Error).message
          }. Relancez « deno task build » pour les publier.`,
        };
        console.error(`Erreur : ${outcome.publication.message}`);
      }
    } finally {
      wh.close();
    }
  });
} catch (error) {
  debugDetail(error);
  outcome.error = unexpectedErrorMessage(error, "le chargement");
  console.error(outcome.error);
}
finish(outcome);
