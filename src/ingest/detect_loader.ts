/**
 * Which loader reads a table: the one whose header matches the most columns.
 *
 * @module
 */
import type { HeaderMatch } from "../read/find_header.ts";
import type { LoaderSpec } from "./loader_spec.ts";
import type { RawTable } from "./read_tables.ts";
import { matchHeader } from "./validate_table.ts";

/**
 * The best loader for `table` among `loaders`, with its header, or null. Ties go to the loader
 * listed first.
 */
export function detectLoader(
  loaders: readonly LoaderSpec[],
  table: RawTable,
): { spec: LoaderSpec; header: HeaderMatch } | null {
  let best: { spec: LoaderSpec; header: HeaderMatch } | null = null;
  for (const spec of loaders) {
    const header = matchHeader(spec, table);
    if (
      header && spec.acceptsHeader &&
      !spec.acceptsHeader(table.rows[header.index].cells.map((c) => String(c ?? "").trim()))
    ) continue;
    if (header && (!best || Object.keys(header.columns).length > Object.keys(best.header.columns).length)) {
      best = { spec, header };
    }
  }
  return best;
}
