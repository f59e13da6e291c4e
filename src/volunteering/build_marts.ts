/**
 * Values volunteer time (« bénévolat valorisé ») and writes `mart_volunteering_value`: per
 * structure — and for La Coopération as `structure_id = 'cooperation'` — and year, the hours,
 * their value in euros shown as « contributions volontaires en nature » (accounts 864/870, outside
 * the result), the sources of the rates used, and beside it (never added) the amount the ledger
 * itself records on 870 « Bénévolat » when the ledger of that year is loaded.
 *
 * Each volunteering line is valued at the rate in force on the first day of its month (an as-of
 * join on `ref_volunteering_rates`): hours × (gross SMIC × grade multiplier, or the grade's gross
 * hourly rate) × employer-charges coefficient. Two coefficients give a range: `value_eur` with the
 * high one (common-law charges), `value_low_eur` with the low one (after the general reduction of
 * charges at SMIC level), both set by the officer in the rate file. A mission that matches no
 * grade is valued at the SMIC (multiplier 1). A month before the first rate has no value: it is
 * missing, never zero.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { join } from "node:path";
import { REFERENCE_DIR } from "../paths.ts";
import { decodeText } from "../read/decode_text.ts";
import { queryRows } from "../warehouse/connect.ts";
import { replaceTable } from "../networks/write_table.ts";
import {
  gradeOf,
  parseGrades,
  parseRates,
  type VolunteeringGrade,
  type VolunteeringRate,
} from "./reference.ts";

/** Default path of the dated rates. */
export const RATES_FILE = join(REFERENCE_DIR, "taux_valorisation_benevolat.csv");
/** Default path of the grades by responsibility. */
export const GRADES_FILE = join(REFERENCE_DIR, "grades_alisfa_benevolat.csv");

/** Options of {@link buildVolunteeringMarts}. */
export interface VolunteeringMartOptions {
  ratesPath?: string;
  gradesPath?: string;
}

/** What the build found: French problems of the reference files, missions without a grade. */
export interface VolunteeringMartReport {
  issues: string[];
  ungradedMissions: string[];
}

async function readReference<T>(
  path: string,
  label: string,
  parse: (text: string, file: string) => { entries: T[]; issues: string[] },
): Promise<{ entries: T[]; issues: string[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      return { entries: [], issues: [`${label} : fichier introuvable (${path})`] };
    }
    throw e;
  }
  const parsed = parse(decodeText(bytes).text, label);
  // A file with an error is not applied at all: a rate silently skipped would stretch the
  // previous one over its period.
  return parsed.issues.length > 0 ? { entries: [], issues: parsed.issues } : parsed;
}

const MART_SQL = `
CREATE OR REPLACE TABLE mart_volunteering_value AS
WITH lines AS (
  SELECT v.structure_id, year(v.month) AS year, v.hours, r.source AS rate_source,
    g.category IS NOT NULL AS graded,
    v.hours * coalesce(g.hourly_rate, r.smic * coalesce(g.multiplier, 1)) * r.coefficient AS value,
    v.hours * coalesce(g.hourly_rate, r.smic * coalesce(g.multiplier, 1)) * r.coefficient_low AS value_low
  FROM stg_volunteering v
  ASOF LEFT JOIN ref_volunteering_rates r ON v.month >= r.start_date
  LEFT JOIN ref_volunteering_missions m ON m.mission = v.mission
  LEFT JOIN ref_volunteering_grades g ON g.category = m.category
), scoped AS (
  SELECT structure_id AS scope, * FROM lines
  UNION ALL
  SELECT 'cooperation' AS scope, l.* FROM lines l JOIN stg_structures s USING (structure_id)
  WHERE s.in_cooperation
), ledger AS (
  SELECT structure_id, fiscal_year AS year,
    coalesce(sum(credit - debit) FILTER (WHERE account LIKE '870%'), 0) AS ledger_870
  FROM stg_accounting_entries GROUP BY ALL
), scoped_ledger AS (
  SELECT structure_id AS scope, year, ledger_870, 1 AS ledger_structures FROM ledger
  UNION ALL
  SELECT 'cooperation', l.year, sum(l.ledger_870), count(*)
  FROM ledger l JOIN stg_structures s USING (structure_id) WHERE s.in_cooperation GROUP BY ALL
), valued AS (
  SELECT scope, year,
    sum(hours) AS hours,
    coalesce(sum(hours) FILTER (WHERE value IS NOT NULL), 0) AS hours_valued,
    coalesce(sum(hours) FILTER (WHERE graded), 0) AS hours_graded,
    sum(value) AS value_eur,
    sum(value_low) AS value_low_eur,
    string_agg(DISTINCT rate_source, ' ; ' ORDER BY rate_source) AS rate_source
  FROM scoped GROUP BY ALL
)
SELECT v.scope AS structure_id, v.year,
  round(v.hours, 2) AS hours,
  round(v.hours_valued, 2) AS hours_valued,
  round(v.hours - v.hours_valued, 2) AS hours_unvalued,
  round(v.hours_graded, 2) AS hours_graded,
  round(v.value_eur, 2) AS value_eur,
  round(v.value_low_eur, 2) AS value_low_eur,
  v.rate_source,
  round(l.ledger_870, 2) AS ledger_870_eur,
  coalesce(l.ledger_structures, 0) AS ledger_structures
FROM valued v LEFT JOIN scoped_ledger l ON l.scope = v.scope AND l.year = v.year
ORDER BY structure_id, year`;

/**
 * Writes `ref_volunteering_rates`, `ref_volunteering_grades`, `ref_volunteering_missions` (each
 * mission of stg_volunteering with its category) and `mart_volunteering_value`. Problems of the
 * reference files are returned, never thrown; a file with an error is not applied (no rate: the
 * values are missing; no grade: every mission at the SMIC).
 *
 * @example
 * ```ts
 * const { issues } = await buildVolunteeringMarts(conn);
 * for (const issue of issues) console.error(`Bénévolat : ${issue}`);
 * ```
 */
export async function buildVolunteeringMarts(
  conn: DuckDBConnection,
  options: VolunteeringMartOptions = {},
): Promise<VolunteeringMartReport> {
  const rates = await readReference<VolunteeringRate>(
    options.ratesPath ?? RATES_FILE,
    "taux_valorisation_benevolat.csv",
    parseRates,
  );
  const grades = await readReference<VolunteeringGrade>(
    options.gradesPath ?? GRADES_FILE,
    "grades_alisfa_benevolat.csv",
    parseGrades,
  );
  await replaceTable(
    conn,
    "ref_volunteering_rates",
    [
      ["start_date", "VARCHAR"],
      ["smic", "DOUBLE"],
      ["coefficient", "DOUBLE"],
      ["coefficient_low", "DOUBLE"],
      ["source", "VARCHAR"],
    ],
    rates.entries.map((r) => [r.start, r.smic, r.coefficient, r.coefficientLow, r.source]),
  );
  await conn.run(
    "ALTER TABLE ref_volunteering_rates ALTER start_date SET DATA TYPE DATE USING CAST(start_date AS DATE)",
  );
  await replaceTable(
    conn,
    "ref_volunteering_grades",
    [["category", "VARCHAR"], ["multiplier", "DOUBLE"], ["hourly_rate", "DOUBLE"], ["source", "VARCHAR"]],
    grades.entries.map((g) => [g.category, g.multiplier, g.hourlyRate, g.source]),
  );
  const missions = (await queryRows(
    conn,
    "SELECT DISTINCT mission FROM stg_volunteering WHERE mission IS NOT NULL ORDER BY mission",
  )).map((r) => String(r.mission));
  const ungradedMissions: string[] = [];
  const mapped: [string, string][] = [];
  for (const mission of missions) {
    const grade = gradeOf(grades.entries, mission);
    if (grade) mapped.push([mission, grade.category]);
    else ungradedMissions.push(mission);
  }
  await replaceTable(
    conn,
    "ref_volunteering_missions",
    [["mission", "VARCHAR"], ["category", "VARCHAR"]],
    mapped,
  );
  await conn.run(MART_SQL);
  return { issues: [...rates.issues, ...grades.issues], ungradedMissions };
}
