/**
 * What `deno task ingest` answers in every state, failures included: the files' reports, whether
 * the page data was published, and an unexpected error if the run stopped. The `--json` object
 * and the exit status are made here, so that they are printed even when something failed.
 *
 * @module
 */
import { type LoadReport, reportJson } from "../ingest/load_report.ts";

/**
 * `published`: marts and page data rewritten; `not_needed`: nothing new to publish;
 * `failed`: files were loaded but the page data could not be written; `not_run`: the run
 * stopped before publishing.
 */
export type PublicationStatus = "published" | "not_needed" | "failed" | "not_run";

/** The outcome of one ingest run. */
export interface IngestOutcome {
  reports: LoadReport[];
  publication: { status: PublicationStatus; message: string | null };
  /** French message of an error that stopped the run (usage error or unexpected failure). */
  error: string | null;
  /** The run stopped on a usage error (exit status 2). */
  usage?: boolean;
}

/** The `--json` object: the files' reports and totals, then `publication` and `error`. */
export function outcomeJson(outcome: IngestOutcome): Record<string, unknown> {
  return { ...reportJson(outcome.reports), publication: outcome.publication, error: outcome.error };
}

/**
 * The exit status: 2 for a usage error; 1 when a file was refused whole, the page data could not
 * be published or the run failed; 0 otherwise.
 */
export function exitStatus(outcome: IngestOutcome): number {
  if (outcome.usage) return 2;
  const failed = outcome.error !== null || outcome.publication.status === "failed" ||
    outcome.reports.some((r) => r.status === "rejected");
  return failed ? 1 : 0;
}
