/**
 * Publishes the « Méthodologie » page data: every indicator of the catalogue as computed in the
 * warehouse, with its SQL text, its sources in French, and what the values say about it (years
 * covered, completeness, values hidden « < 5 »). The page loader pages/methodologie.md.ts writes
 * the page from this file as static HTML, every text escaped (src/site/methodology_page.ts).
 *
 * @module
 */
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { BASELINE_YEARS } from "../indicators/build_marts.ts";
import { indicatorsDir } from "../indicators/read_catalogue.ts";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { readGlossary } from "./glossary.ts";
import { catalogueRows } from "./publish_indicators.ts";

/** The staging tables an indicator may require, as the officer knows them. */
export const SOURCE_LABELS: Record<string, string> = {
  stg_attendance: "présences (exports Noethys, feuilles d'émargement)",
  stg_people: "personnes (exports Noethys et autres logiciels)",
  stg_households: "familles (Noethys)",
  stg_registrations: "inscriptions aux activités",
  stg_headcounts: "comptages des événements ouverts",
  stg_activities: "catalogue des actions",
  stg_volunteering: "relevés de bénévolat",
  stg_staff: "salariés (contrats, ETP)",
  stg_accounting_entries: "comptabilité analytique",
  stg_funding: "tableau des financeurs",
  stg_budgets: "budgets par action",
  stg_partnerships: "partenariats",
  stg_timebank_exchanges: "échanges de la banque de temps (Accorderie)",
  stg_timebank_members: "membres de la banque de temps (Accorderie)",
  stg_memberships: "listes d'adhérents",
  stg_testimonies: "témoignages",
  stg_senacs_answers: "questionnaire SENACS",
  stg_survey_answers: "enquêtes participatives",
  stg_iso26000: "auto-évaluation ISO 26000",
};

/** The SQL text of an indicator file, or null when it cannot be read. */
async function readSql(file: string, dir: string): Promise<string | null> {
  try {
    return (await Deno.readTextFile(join(dir, "sql", file))).replace(/^\ufeff/, "").trim();
  } catch {
    return null;
  }
}

/** Catalogue, SQL and coverage of every indicator, in catalogue order. */
export async function publishMethodology(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
  dir = indicatorsDir(),
): Promise<Record<string, unknown>> {
  const coverage = new Map(
    (await queryRows(
      conn,
      `SELECT indicator_id, min(year) AS first_year, max(year) AS last_year, count(*) AS values,
         count(*) FILTER (WHERE complete) AS complete, count(*) FILTER (WHERE suppressed) AS hidden,
         count(DISTINCT scope) FILTER (WHERE scope_level = 'structure') AS structures
       FROM mart_indicator_values GROUP BY indicator_id`,
    )).map((r) => [String(r.indicator_id), r]),
  );
  const issues = (await queryRows(conn, "SELECT message FROM mart_indicator_issues")).map((r) =>
    String(r.message)
  );
  const indicators = [];
  const ids = new Set<string>();
  for (const row of await catalogueRows(conn)) {
    const id = String(row.id);
    ids.add(id);
    const c = coverage.get(id);
    indicators.push({
      ...row,
      sql: await readSql(String(row.sql_file), dir),
      source_labels: (row.sources as string[]).map((s) => SOURCE_LABELS[s] ?? s),
      coverage: c
        ? {
          first_year: Number(c.first_year),
          last_year: Number(c.last_year),
          values: Number(c.values),
          complete: Number(c.complete),
          hidden: Number(c.hidden),
          structures: Number(c.structures),
        }
        : null,
      issues: issues.filter((m) => m.includes(`« ${id} »`)),
    });
  }
  const glossary = await readGlossary(ids);
  return { threshold, baselineYears: BASELINE_YEARS, indicators, glossary };
}

/** The glossary as the pages read it: its terms and the catalogue ids they may describe. */
export async function publishGlossary(conn: DuckDBConnection): Promise<Record<string, unknown>> {
  const ids = new Set((await catalogueRows(conn)).map((row) => String(row.id)));
  return { terms: await readGlossary(ids) };
}
