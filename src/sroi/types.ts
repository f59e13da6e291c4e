/**
 * Shapes shared by the SROI modules: an impact map as read from the officer's workbook.
 * @module
 */

/** Assumptions that may carry a min / max range for the Monte Carlo simulation. */
export type UncertainField = "proxy" | "quantity" | "deadweight" | "displacement" | "attribution" | "dropOff";

/** All uncertain fields, in the fixed order the simulation draws them (keeps seeds reproducible). */
export const UNCERTAIN_FIELDS: readonly UncertainField[] = [
  "proxy",
  "quantity",
  "deadweight",
  "displacement",
  "attribution",
  "dropOff",
];

/** A min / max range around the line's own value (its most likely value). */
export interface Range {
  min: number;
  max: number;
}

/** One line of the `impacts` sheet, parsed and validated. Percentages are fractions (0.25). */
export interface ImpactLine {
  /** Spreadsheet row (or CSV line) the line came from. */
  row: number;
  stakeholder: string;
  outcome: string;
  indicator: string;
  quantity: number;
  /** Catalogue indicator id the quantity was resolved from, or null when typed as a number. */
  quantityIndicator: string | null;
  durationYears: number;
  /** 1 = the outcome starts during the action (year 1), 2 = after it (year 2). */
  start: 1 | 2;
  proxy: number;
  proxySource: string;
  deadweight: number;
  displacement: number;
  attribution: number;
  dropOff: number;
  ranges: Partial<Record<UncertainField, Range>>;
}

/** One line of the `investissements` sheet. */
export interface Investment {
  row: number;
  stakeholder: string;
  nature: string;
  amount: number;
}

/** The `parametres` sheet. */
export interface SroiParameters {
  /** Fraction: 0.035 for 3,5 %. */
  discountRate: number;
  horizonYears: number;
}

/** Defaults when the `parametres` sheet (or one of its rows) is missing. */
export const DEFAULT_PARAMETERS: SroiParameters = { discountRate: 0.035, horizonYears: 5 };

/** A whole impact map, ready to compute. */
export interface ImpactMap {
  lines: ImpactLine[];
  investments: Investment[];
  parameters: SroiParameters;
  /** French notes for the user (defaults used, truncated durations…). */
  warnings: string[];
}
