/**
 * Reference tables the indicator views read, written into the warehouse before each rebuild:
 * `ref_communes` (current communes, municipal population, membership of Valence Romans Agglo,
 * from `@etalab/decoupage-administratif`) and `ref_valorisation` (dated hourly rates for valuing
 * volunteer time, from `data/reference/valorisation.csv`).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { join } from "node:path";
import communesData from "@etalab/decoupage-administratif/data/communes.json" with { type: "json" };
import epciData from "@etalab/decoupage-administratif/data/epci.json" with { type: "json" };
import { decodeText } from "../read/decode_text.ts";
import { parseDate } from "../read/parse_date.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { parseNumber } from "../read/parse_number.ts";
import { normaliseHeader } from "../read/normalise_header.ts";
import { REFERENCE_DIR } from "../paths.ts";

/** SIREN of the Valence Romans Agglo EPCI (the cluster's territory). */
export const CLUSTER_EPCI = "200068781";

/** A dated hourly rate: gross SMIC × employer-charges coefficient, from `start` to the next rate. */
export interface ValorisationRate {
  start: string;
  smic: number;
  coefficient: number;
  source: string;
}

/** A current commune with its population and whether it belongs to the cluster EPCI. */
export interface CommuneRow {
  insee: string;
  name: string;
  population: number | null;
  inCluster: boolean;
}

/**
 * Current communes of the départements given (default: Drôme and its neighbours), with the
 * cluster flag from `epci.json`.
 *
 * @example
 * communeRows(["26"]).find((c) => c.insee === "26281")
 * // { insee: "26281", name: "Romans-sur-Isère", population: 33464, inCluster: true }
 */
export function communeRows(departements = ["26", "07", "38", "05", "04", "84"]): CommuneRow[] {
  const epci = (epciData as { code: string; membres: { code: string }[] }[]).find((e) =>
    e.code === CLUSTER_EPCI
  );
  const members = new Set((epci?.membres ?? []).map((m) => m.code));
  return (communesData as {
    code: string;
    nom: string;
    type: string;
    departement?: string;
    population?: number;
  }[])
    .filter((c) => c.type === "commune-actuelle" && departements.includes(c.departement ?? ""))
    .map((c) => ({
      insee: c.code,
      name: c.nom,
      population: c.population ?? null,
      inCluster: members.has(c.code),
    }));
}

/**
 * Parses `valorisation.csv` (`date_debut;smic_horaire_brut;coefficient_charges;source`):
 * rates sorted by date, or French messages with line and column.
 *
 * @example
 * parseValorisation("date_debut;smic_horaire_brut;coefficient_charges;source\n2024-11-01;11,88;1,45;décret")
 * // { rates: [{ start: "2024-11-01", smic: 11.88, coefficient: 1.45, source: "décret" }], issues: [] }
 */
export function parseValorisation(text: string): { rates: ValorisationRate[]; issues: string[] } {
  const file = "data/reference/valorisation.csv";
  const rows = parseDelimited(text, ";").filter((r) => r.cells.some((c) => c.trim() !== ""));
  const issues: string[] = [];
  if (rows.length === 0) return { rates: [], issues: [`${file} : fichier vide`] };
  const header = rows[0].cells.map(normaliseHeader);
  const col = (name: string) => header.indexOf(name);
  const cols = { start: col("datedebut"), smic: col("smichorairebrut"), coef: col("coefficientcharges") };
  for (const [key, i] of Object.entries(cols)) {
    if (i < 0) issues.push(`${file}, ligne ${rows[0].line} : colonne « ${key} » absente`);
  }
  if (issues.length > 0) return { rates: [], issues };
  const rates: ValorisationRate[] = [];
  for (const row of rows.slice(1)) {
    const date = parseDate(row.cells[cols.start] ?? "");
    const smic = parseNumber(row.cells[cols.smic] ?? "");
    const coef = parseNumber(row.cells[cols.coef] ?? "");
    const bad = (column: string, reason: string) =>
      issues.push(`${file}, ligne ${row.line}, colonne « ${column} » : ${reason}`);
    if (!date.ok) bad("date_debut", date.reason);
    if (!smic.ok || smic.value <= 0) bad("smic_horaire_brut", smic.ok ? "taux positif attendu" : smic.reason);
    if (!coef.ok || coef.value < 1) {
      bad("coefficient_charges", coef.ok ? "coefficient ≥ 1 attendu" : coef.reason);
    }
    if (date.ok && smic.ok && coef.ok && smic.value > 0 && coef.value >= 1) {
      const source = row.cells.slice(3).join(";").trim();
      rates.push({ start: date.value, smic: smic.value, coefficient: coef.value, source });
    }
  }
  rates.sort((a, b) => a.start.localeCompare(b.start));
  return { rates, issues };
}

async function insertChunks(
  conn: DuckDBConnection,
  table: string,
  width: number,
  rows: unknown[][],
): Promise<void> {
  const size = 500;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const tuple = `(${Array(width).fill("?").join(", ")})`;
    // deno-lint-ignore no-explicit-any
    await conn.run(`INSERT INTO ${table} VALUES ${chunk.map(() => tuple).join(", ")}`, chunk.flat() as any);
  }
}

/**
 * (Re)writes `ref_communes` and `ref_valorisation`; returns the problems of the rates file
 * (the rates table is then left empty: valued volunteering computes to missing).
 *
 * @example
 * ```ts
 * const issues = await writeReferenceTables(conn);
 * ```
 */
export async function writeReferenceTables(
  conn: DuckDBConnection,
  valorisationPath = join(REFERENCE_DIR, "valorisation.csv"),
): Promise<string[]> {
  await conn.run(
    "CREATE OR REPLACE TABLE ref_communes (insee VARCHAR PRIMARY KEY, name VARCHAR, population INTEGER, in_cluster BOOLEAN)",
  );
  await insertChunks(
    conn,
    "ref_communes",
    4,
    communeRows().map((c) => [c.insee, c.name, c.population, c.inCluster]),
  );
  await conn.run(
    `CREATE OR REPLACE TABLE ref_valorisation (start_date DATE, end_date DATE, smic DOUBLE, coefficient DOUBLE,
      hourly_rate DOUBLE, source VARCHAR)`,
  );
  let parsed: { rates: ValorisationRate[]; issues: string[] };
  try {
    parsed = parseValorisation(decodeText(await Deno.readFile(valorisationPath)).text);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    parsed = { rates: [], issues: ["data/reference/valorisation.csv : fichier introuvable"] };
  }
  if (parsed.issues.length > 0) return parsed.issues;
  const rows = parsed.rates.map((r, i) => [
    r.start,
    parsed.rates[i + 1]?.start ?? null,
    r.smic,
    r.coefficient,
    Math.round(r.smic * r.coefficient * 10000) / 10000,
    r.source,
  ]);
  if (rows.length > 0) await insertChunks(conn, "ref_valorisation", 6, rows);
  return [];
}
