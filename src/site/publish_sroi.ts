/**
 * Publishes the page data of the SROI page: the impact map as read, the ratio and NPV, each
 * year's value, the sensitivity (tornado) with break-even values and the Monte Carlo
 * distribution as a histogram, computed with the `src/sroi/` library exactly as
 * `deno task sroi --json` does on the same map; beside it, the valued volunteering of La
 * Coopération (`mart_volunteering_value`), an in-kind input.
 *
 * The map is `OBSERVATOIRE_SROI_MAP` or `data/sroi/carte_impact_exemple.xlsx`. Quantities given
 * as indicator ids are read from `mart_indicator_values` on the open connection (scope
 * `OBSERVATOIRE_SROI_SCOPE`, « cooperation » by default; latest year unless
 * `OBSERVATOIRE_SROI_YEAR`). A map that cannot be read publishes its problems, not a result: the
 * rest of the site still builds.
 *
 * @module
 */
import { basename, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { PROJECT_ROOT } from "../paths.ts";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { formatIssue, SroiInputError } from "../sroi/issues.ts";
import { MONTE_CARLO_DEFAULTS, monteCarloDraws } from "../sroi/monte_carlo.ts";
import { readImpactMap } from "../sroi/read_impact_map.ts";
import { buildReport } from "../sroi/sroi_report.ts";
import { connectionResolver } from "../sroi/warehouse_resolver.ts";
import { queryRows } from "../warehouse/connect.ts";

/** The impact map the site publishes: `OBSERVATOIRE_SROI_MAP`, else the bundled example. */
export function sroiMapPath(): string {
  return Deno.env.get("OBSERVATOIRE_SROI_MAP") ||
    join(PROJECT_ROOT, "data", "sroi", "carte_impact_exemple.xlsx");
}

/** The bundled example map's file name (without extension): its figures are illustrative. */
export const EXAMPLE_MAP_STEM = "carte_impact_exemple";

/**
 * Whether a map is the bundled example (named `carte_impact_exemple…`), whose figures are
 * illustrative: the page then says so instead of presenting them as a result.
 *
 * @example
 * isExampleMap("/x/data/sroi/carte_impact_exemple.xlsx") // true
 * isExampleMap("/x/carte_impact_2025.xlsx") // false
 */
export function isExampleMap(mapPath: string): boolean {
  return basename(mapPath).toLowerCase().startsWith(EXAMPLE_MAP_STEM);
}

/** Share of the draws whose ratio exceeds 1 (value created above the investment), or null. */
export function shareAboveOne(draws: readonly number[]): number | null {
  if (draws.length === 0) return null;
  return draws.filter((d) => d > 1).length / draws.length;
}

/** One bar of the Monte Carlo histogram: draws whose ratio is in [x0, x1). */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Equal-width bins over sorted draws (the last bin includes its upper bound). A distribution
 * without spread (no range in the map) gives one bin holding every draw.
 *
 * @example
 * histogram([1, 1.5, 2], 2) // [{x0: 1, x1: 1.5, count: 1}, {x0: 1.5, x1: 2, count: 2}]
 */
export function histogram(sorted: readonly number[], bins = 40): HistogramBin[] {
  if (sorted.length === 0) return [];
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (hi - lo < 1e-12) return [{ x0: round4(lo), x1: round4(hi), count: sorted.length }];
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({
    x0: round4(lo + i * width),
    x1: round4(i === bins - 1 ? hi : lo + (i + 1) * width),
    count: 0,
  }));
  for (const v of sorted) out[Math.min(bins - 1, Math.floor((v - lo) / width))].count++;
  return out;
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4 + 0;
}

/** Options of {@link publishSroi} (tests pass their own map and seed). */
export interface SroiPublishOptions {
  mapPath?: string;
  scope?: string;
  year?: number;
  iterations?: number;
  seed?: number;
  threshold?: number;
}

function envYear(): number | undefined {
  const text = Deno.env.get("OBSERVATOIRE_SROI_YEAR");
  return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** Everything the SROI page needs, as one JSON-ready object. */
export async function publishSroi(
  conn: DuckDBConnection,
  options: SroiPublishOptions = {},
): Promise<Record<string, unknown>> {
  const mapPath = options.mapPath ?? sroiMapPath();
  const scope = options.scope ?? Deno.env.get("OBSERVATOIRE_SROI_SCOPE") ?? "cooperation";
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const mc = {
    iterations: options.iterations ?? MONTE_CARLO_DEFAULTS.iterations,
    seed: options.seed ?? MONTE_CARLO_DEFAULTS.seed,
  };
  const volunteering = await volunteeringValue(conn);
  const file = basename(mapPath);
  const resolver = await connectionResolver(conn, scope, options.year ?? envYear());
  let map;
  try {
    map = await readImpactMap(mapPath, { resolve: resolver.resolve });
  } catch (error) {
    const issues = error instanceof SroiInputError
      ? error.issues.map(formatIssue)
      : [`la carte d'impact « ${file} » est introuvable ou illisible`];
    return { file, example: isExampleMap(mapPath), error: issues, volunteering, threshold };
  }
  const report = buildReport(map, mc);
  const draws = monteCarloDraws(map.lines, report.inputs_total, map.parameters, mc);
  // A quantity read from a people count under the threshold is not published, nor the figures
  // of its line that would give it back (the totals stay: other lines mask it).
  const suppressed = await suppressedIndicators(conn, resolver.scope, resolver.year);
  const lines = report.lines.map((l) => {
    if (!l.quantity_indicator || !suppressed.has(l.quantity_indicator)) return { ...l, secret: [] };
    return { ...l, quantity: null, impact: null, values: null, pv: null, secret: ["quantity"] };
  });
  return {
    file,
    example: isExampleMap(mapPath),
    threshold,
    indicators: { scope: resolver.scope, year: resolver.year },
    ...report,
    lines,
    monte_carlo: {
      ...report.monte_carlo,
      share_above_one: shareAboveOne(draws),
      histogram: histogram(draws),
    },
    volunteering,
  };
}

async function suppressedIndicators(
  conn: DuckDBConnection,
  scope: string,
  year: number | null,
): Promise<Set<string>> {
  if (year === null) return new Set();
  const rows = await queryRows(
    conn,
    "SELECT indicator_id FROM mart_indicator_values WHERE scope = $1 AND year = $2 AND suppressed",
    [scope, year],
  ).catch(() => []);
  return new Set(rows.map((r) => String(r.indicator_id)));
}

/**
 * Valued volunteering of La Coopération per year (hours and euros: amounts, not people); euros as a
 * range, `value_low_eur` (low employer-charges coefficient) to `value_eur` (high).
 */
async function volunteeringValue(conn: DuckDBConnection): Promise<Record<string, unknown>[]> {
  return await queryRows(
    conn,
    `SELECT year, hours, hours_valued, hours_unvalued, value_eur, value_low_eur, rate_source, ledger_870_eur,
       ledger_structures
     FROM mart_volunteering_value WHERE structure_id = 'cooperation' ORDER BY year`,
  ).catch(() => []);
}
