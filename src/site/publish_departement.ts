/**
 * Publishes the « Département » page data: every structure of the registry with its commune,
 * the key indicators of each structure and year (and of the Coopération, the cluster and the
 * département for comparison), the latest SENACS answers, and, when the user has configured a
 * commune outline file, the outlines of the communes where structures stand.
 *
 * @module
 */
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { DEFAULT_THRESHOLD, suppress } from "../privacy/disclosure.ts";
import { REFERENCE_DIR } from "../paths.ts";
import { decodeText } from "../read/decode_text.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { queryRows } from "../warehouse/connect.ts";
import { COMMUNES_ENV, communesPath, readCommuneOutlines } from "./communes_geojson.ts";
import { LEVEL_SCOPES, roundValue, structureRows } from "./publish_indicators.ts";

/** Indicators of the ranked table, in the order of the selector (all computed for every structure). */
export const KEY_INDICATORS = [
  "participants_uniques",
  "passages",
  "seances",
  "actions_menees",
  "nouveaux_participants",
  "participants_reguliers",
  "fidelisation",
  "taux_penetration",
  "diversite_ages",
  "actions_senacs",
  "habitants_ca",
] as const;

/** SENACS fields: French label (first alias of data/reference/senacs_fields.csv) and unit. */
export function senacsFieldLabels(
  path = join(REFERENCE_DIR, "senacs_fields.csv"),
): Map<string, { label: string; unit: string }> {
  const rows = parseDelimited(decodeText(Deno.readFileSync(path)).text, ";").slice(1);
  return new Map(
    rows.filter((r) => r.cells[0]).map((r) => [
      r.cells[0].trim(),
      { label: (r.cells[2] ?? "").split("|")[0].trim() || r.cells[0], unit: (r.cells[1] ?? "").trim() },
    ]),
  );
}

/** Options: disclosure threshold and the commune outline file (default: the configured one). */
export interface DepartementOptions {
  threshold?: number;
  communesFile?: string | null;
}

/** Everything the page needs, as one JSON-ready object. */
export async function publishDepartement(
  conn: DuckDBConnection,
  { threshold = DEFAULT_THRESHOLD, communesFile = communesPath() }: DepartementOptions = {},
): Promise<Record<string, unknown>> {
  const structures = await structureRows(conn);
  const indicators = await queryRows(
    conn,
    `SELECT indicator_id AS id, label, unit, stage, dimension, direction, disclosure
     FROM mart_indicator_catalogue WHERE list_contains(string_split($1, ','), indicator_id) ORDER BY position`,
    [KEY_INDICATORS.join(",")],
  );
  // [indicator id, scope, year, value or null, hidden (1/0), complete (1/0)]
  const values = (await queryRows(
    conn,
    `SELECT indicator_id, scope, year, published_value, suppressed, complete
     FROM mart_indicator_values WHERE list_contains(string_split($1, ','), indicator_id)
     ORDER BY indicator_id, scope, year`,
    [KEY_INDICATORS.join(",")],
  )).map((r) => [
    String(r.indicator_id),
    String(r.scope),
    Number(r.year),
    r.suppressed ? null : roundValue(r.published_value === null ? null : Number(r.published_value)),
    r.suppressed ? 1 : 0,
    r.complete ? 1 : 0,
  ]);

  const labels = senacsFieldLabels();
  const senacsRows = await queryRows(
    conn,
    `WITH latest AS (SELECT structure_id, max(survey_year) AS survey_year FROM stg_senacs_answers GROUP BY 1)
     SELECT a.structure_id, a.survey_year, a.field, a.unit, a.value_number, a.value_text, a.column_label
     FROM stg_senacs_answers a JOIN latest USING (structure_id, survey_year)
     ORDER BY a.field, a.structure_id`,
  );
  const fields = [...new Set(senacsRows.map((r) => String(r.field)))].map((field) => {
    const row = senacsRows.find((r) => r.field === field)!;
    const ref = labels.get(field);
    return { field, label: ref?.label ?? String(row.column_label), unit: ref?.unit ?? String(row.unit) };
  });
  // People counts (unit « personnes ») of 1 to 4 are hidden; euros, actions, FTE are not.
  const senacs = senacsRows.map((r) => {
    const people = String(r.unit) === "personnes";
    const number = r.value_number === null ? null : Number(r.value_number);
    const hidden = people && number !== null && suppress(number, threshold) === null;
    return {
      structure: String(r.structure_id),
      year: Number(r.survey_year),
      field: String(r.field),
      value: hidden ? null : roundValue(number),
      text: r.unit === "texte" || r.unit === "oui/non" ? r.value_text : null,
      secret: hidden ? 1 : 0,
    };
  });

  const outlines = await readCommuneOutlines(
    [...new Set(structures.map((s) => s.insee).filter(Boolean).map(String))],
    communesFile,
  );
  return {
    threshold,
    structures,
    levels: LEVEL_SCOPES,
    indicators,
    values,
    senacs: { fields, rows: senacs },
    map: outlines ? { file: outlines.file, features: outlines.features, missing: outlines.missing } : null,
    mapSetting: COMMUNES_ENV,
  };
}
