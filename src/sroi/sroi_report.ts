/**
 * Puts the whole analysis together (deterministic SROI, sensitivity, Monte Carlo) in the shape
 * of `deno task sroi --json`, rounded for publication.
 * @module
 */

import { computeSroi } from "./compute_sroi.ts";
import { proxyDecimals } from "./format_fr.ts";
import { MONTE_CARLO_DEFAULTS, monteCarlo } from "./monte_carlo.ts";
import { sensitivity, type SensitivityParameter } from "./sensitivity.ts";
import type { ImpactMap } from "./types.ts";

/** Euros to the cent. */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100 + 0; // + 0 turns -0 into 0
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
}

const roundRatio = (value: number | null) => value === null ? null : round(value, 4);
const roundFraction = (value: number) => round(value, 6);

/** JSON names of the sensitivity parameters. */
export const PARAMETER_KEYS: Record<SensitivityParameter, string> = {
  proxy: "proxy",
  quantity: "quantity",
  durationYears: "duration_years",
  deadweight: "deadweight",
  displacement: "displacement",
  attribution: "attribution",
  dropOff: "drop_off",
  discountRate: "discount_rate",
};

/**
 * Rounds a sensitivity value for publication. A proxy keeps the decimals its line's proxy was
 * written with (`proxyDecimals`, at least the cents): 0,03672 € stays 0,03672 €, and its ± 25 %
 * and break-even values are given to the same precision.
 */
function roundParameter(parameter: SensitivityParameter, value: number, source: number): number {
  if (parameter === "proxy") return round(value, proxyDecimals(source));
  if (parameter === "quantity") return round(value, 4);
  if (parameter === "durationYears") return value;
  return roundFraction(value);
}

/**
 * The `--json` report. Euros are rounded to the cent, ratios to 4 decimals, fractions to 6;
 * sensitivity proxies keep the precision of the map (at least the cent).
 */
export type SroiReport = ReturnType<typeof buildReport>;

/**
 * Computes everything for an impact map.
 *
 * @example
 * const report = buildReport(await readImpactMap("carte.xlsx"), { iterations: 10_000, seed: 1 });
 * report.ratio // 2.7412
 */
export function buildReport(
  map: ImpactMap,
  options: { iterations: number; seed: number } = MONTE_CARLO_DEFAULTS,
) {
  const inputsTotal = map.investments.reduce((sum, i) => sum + i.amount, 0);
  const result = computeSroi(map.lines, inputsTotal, map.parameters);
  const mc = monteCarlo(map.lines, inputsTotal, map.parameters, options);
  return {
    inputs_total: roundCents(inputsTotal),
    pv: roundCents(result.pv),
    npv: roundCents(result.npv),
    ratio: roundRatio(result.ratio),
    payback_months: result.paybackMonths === null ? null : round(result.paybackMonths, 2),
    discount_rate: roundFraction(map.parameters.discountRate),
    horizon_years: map.parameters.horizonYears,
    annual_impact: roundCents(result.annualImpact),
    year_totals: result.yearTotals.map(roundCents),
    lines: result.lines.map(({ line, impact, values, pv }) => ({
      row: line.row,
      stakeholder: line.stakeholder,
      outcome: line.outcome,
      indicator: line.indicator,
      quantity: line.quantity,
      quantity_indicator: line.quantityIndicator,
      duration_years: line.durationYears,
      start: line.start,
      proxy: line.proxy,
      proxy_source: line.proxySource,
      deadweight: roundFraction(line.deadweight),
      displacement: roundFraction(line.displacement),
      attribution: roundFraction(line.attribution),
      drop_off: roundFraction(line.dropOff),
      impact: roundCents(impact),
      values: values.map(roundCents),
      pv: roundCents(pv),
    })),
    investments: map.investments.map((i) => ({
      row: i.row,
      stakeholder: i.stakeholder,
      nature: i.nature,
      amount: roundCents(i.amount),
    })),
    sensitivity: sensitivity(map.lines, inputsTotal, map.parameters).map((e) => {
      const r = (value: number) => roundParameter(e.parameter, value, e.base);
      return {
        row: e.row,
        stakeholder: e.stakeholder,
        outcome: e.outcome,
        parameter: PARAMETER_KEYS[e.parameter],
        base: r(e.base),
        low: { value: r(e.low.value), ratio: roundRatio(e.low.ratio) },
        high: { value: r(e.high.value), ratio: roundRatio(e.high.ratio) },
        break_even: e.breakEven === null ? null : r(e.breakEven),
      };
    }),
    monte_carlo: {
      p5: roundRatio(mc.p5),
      p50: roundRatio(mc.p50),
      p95: roundRatio(mc.p95),
      iterations: mc.iterations,
      seed: mc.seed,
      uncertain_inputs: mc.uncertainInputs,
    },
    warnings: map.warnings,
  };
}
