/**
 * Rebuilds the marts from the staging tables (cheap: a few SQL statements over the warehouse).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { ageBandMacroSql } from "../privacy/age_band.ts";
import { ensureSchema } from "./schema.ts";
import { buildIndicatorMarts } from "../indicators/build_marts.ts";
import { buildNetworkMarts } from "../networks/build_marts.ts";
import { buildVolunteeringMarts } from "../volunteering/build_marts.ts";
import { buildSurveyMarts } from "../surveys/build_marts.ts";

const MARTS = new URL("./sql/marts.sql", import.meta.url);

/** Creates or replaces every mart. */
export async function buildMarts(conn: DuckDBConnection): Promise<void> {
  await ensureSchema(conn);
  await conn.run(ageBandMacroSql());
  await conn.run(await Deno.readTextFile(MARTS));
  // Reference files with errors are reported, never thrown: the other marts still build.
  for (const issue of (await buildVolunteeringMarts(conn)).issues) console.error(`Bénévolat : ${issue}`);
  await buildNetworkMarts(conn);
  // Indicator catalogue (data/indicators/): problems are kept in mart_indicator_issues, never thrown.
  const { issues } = await buildIndicatorMarts(conn);
  for (const issue of issues) console.error(`Indicateurs : ${issue}`);
  // Surveys last: response rates read the participants of mart_activity_year.
  await buildSurveyMarts(conn);
}
