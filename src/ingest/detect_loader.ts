/**
 * Which loader reads a table: the one whose header matches the most columns.
 *
 * @module
 */
import type { HeaderMatch } from "../read/find_header.ts";
import type { LoaderSpec } from "./loader_spec.ts";
import type { RawTable } from "./read_tables.ts";
import { matchHeader } from "./validate_table.ts";

/** A loader whose required columns are all in the table, with its header. */
export interface Detected {
  spec: LoaderSpec;
  header: HeaderMatch;
}

/**
 * The best loader for `table` among `loaders`, with its header, or null. Ties go to the loader
 * listed first. `runnerUp` is the best loader of another kind that also fits (reported to the
 * user, who may force it with `--kind`).
 */
export function detectLoader(
  loaders: readonly LoaderSpec[],
  table: RawTable,
): (Detected & { runnerUp?: Detected }) | null {
  const count = (d: Detected) => Object.keys(d.header.columns).length;
  let best: Detected | null = null;
  const fits: Detected[] = [];
  for (const spec of loaders) {
    const header = matchHeader(spec, table);
    if (!header) continue;
    // A loader may refuse a header its aliases match (a bare `id` column is not LimeSurvey by itself).
    if (
      spec.acceptsHeader &&
      !spec.acceptsHeader(table.rows[header.index].cells.map((c) => String(c ?? "").trim()))
    ) {
      continue;
    }
    fits.push({ spec, header });
    if (!best || count({ spec, header }) > count(best)) best = { spec, header };
  }
  if (!best) return null;
  let runnerUp: Detected | undefined;
  for (const fit of fits) {
    if (fit.spec.kind !== best.spec.kind && (!runnerUp || count(fit) > count(runnerUp))) runnerUp = fit;
  }
  return runnerUp ? { ...best, runnerUp } : best;
}
