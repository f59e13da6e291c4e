/**
 * Page data of the dashboards' « Public » filter: participants, visits and hours of presence per
 * public (an age band, or residence in a QPV), per scope and year, and per month for the monthly
 * chart, from mart_activity_public and mart_activity_month_public.
 *
 * The publics of one dimension partition the scope's participants (the unpublished complements
 * « Âge inconnu » and « hors QPV » included), visits add up across months and across the member
 * structures of La Coopération: every hidden cell is protected along each of these totals
 * ({@link complementIndices}), so no published total reveals it.
 *
 * @module
 */
import { type DuckDBConnection, listValue } from "@duckdb/node-api";
import { AGE_BANDS, UNKNOWN_AGE } from "../privacy/age_band.ts";
import { complementIndices, DEFAULT_THRESHOLD, isSmall, safeShare } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import type { PublishedRow } from "./publish_cooperation.ts";

/** A public the dashboards can filter on. */
export interface PublicEntry {
  id: string;
  label: string;
  dimension: "age" | "qpv";
}

/** The publics offered by the filter, in the order of the menu (the age bands of every page). */
export const PUBLICS: readonly PublicEntry[] = [
  ...AGE_BANDS.map((b) => ({ id: b.label, label: b.label, dimension: "age" as const })),
  { id: "qpv", label: "Habitants d'un QPV", dimension: "qpv" },
];

/** Cells counted in each dimension's total but never published themselves. */
const COMPLEMENTS: Record<string, string> = { age: UNKNOWN_AGE, qpv: "hors_qpv" };

/** One row of mart_activity_public or mart_activity_month_public. */
export interface PublicMartRow {
  scope: string;
  year: number;
  month?: string;
  dimension: string;
  public: string;
  participants: number;
  visits: number;
  person_hours: number;
  participants_qpv?: number;
  participants_known_residence?: number;
}

interface Cell {
  row: PublicMartRow;
  participants: boolean;
  visits: boolean;
}

/**
 * Hides, among `cells`, every cell that the published totals `groups` (sets of cell keys) would
 * reveal, field by field; a cell already hidden for its people count hides its visits too.
 */
function protect(cells: Cell[], key: (c: Cell) => string, groups: {
  participants: ReadonlySet<string>[];
  visits: ReadonlySet<string>[];
}): void {
  const members = cells.map(key);
  for (const field of ["participants", "visits"] as const) {
    const values = cells.map((c) => c.row[field]);
    const hidden = cells.map((c) => c[field]);
    for (const i of complementIndices(members, values, hidden, groups[field])) cells[i][field] = true;
  }
}

const setsOf = (cells: Cell[], key: (c: Cell) => string, member: (c: Cell) => string) =>
  [...Map.groupBy(cells, key).values()].map((g) => new Set(g.map(member)));

/** The cells of one group, hidden where the people count is small (visits and hours with it). */
const primaryCells = (rows: readonly PublicMartRow[], threshold: number): Cell[] =>
  rows.map((row) => {
    const small = isSmall(row.participants, threshold);
    return { row, participants: small, visits: small };
  });

/** The group's published rows: every cell but the complements (« Âge inconnu », « hors QPV »). */
const publishedRows = (group: Cell[], threshold: number): PublishedRow[] =>
  group.filter((c) => c.row.public !== COMPLEMENTS[c.row.dimension]).map((c) => published(c, threshold));

// 6 decimals: the page rounds once, by value_format.js's rule (4 here rounded twice).
const roundShare = (share: number | null) => share === null ? null : Math.round(share * 1e6) / 1e6;

/** A published cell: the values, or null with the field named in `secret`. */
function published(cell: Cell, threshold: number): PublishedRow {
  const r = cell.row;
  const out: PublishedRow = {
    scope: r.scope,
    year: r.year,
    ...(r.month ? { month: r.month } : {}),
    public: r.public,
    participants: cell.participants ? null : r.participants,
    visits: cell.visits ? null : r.visits,
    person_hours: cell.visits ? null : r.person_hours,
    secret: [
      ...(cell.participants ? ["participants"] : []),
      ...(cell.visits ? ["visits", "person_hours"] : []),
    ],
  };
  if (r.participants_known_residence !== undefined) {
    out.qpv_share = cell.participants || r.dimension === "qpv"
      ? null
      : roundShare(safeShare(r.participants_qpv ?? 0, r.participants_known_residence, threshold));
    if (
      out.qpv_share === null && !cell.participants && r.dimension !== "qpv" &&
      r.participants_known_residence > 0
    ) {
      out.secret.push("qpv_share");
    }
  }
  return out;
}

/**
 * Publishes the yearly rows: primary suppression of small people counts (with their visits and
 * hours), then secondary suppression within each scope's publics of a dimension and, for visits,
 * across the member structures of La Coopération (`members`), whose sum is the Coopération's.
 *
 * @example
 * ```ts
 * const row = (p: string, n: number) =>
 *   ({ scope: "a", year: 2024, dimension: "age", public: p, participants: n, visits: n * 3, person_hours: n });
 * publishPublicYears([row("0-5 ans", 3), row("6-11 ans", 40), row("12-17 ans", 12), row("Âge inconnu", 0)])
 *   .map((r) => r.participants); // [null, 40, null]
 * ```
 */
export function publishPublicYears(
  rows: readonly PublicMartRow[],
  { threshold = DEFAULT_THRESHOLD, members = [] as readonly string[] } = {},
): PublishedRow[] {
  const out: PublishedRow[] = [];
  for (const cells of Map.groupBy(rows, (r) => `${r.year}|${r.dimension}`).values()) {
    const group = primaryCells(cells, threshold);
    const key = (c: Cell) => `${c.row.scope}|${c.row.public}`;
    const byScope = setsOf(group, (c) => c.row.scope, key);
    const memberCells = group.filter((c) => members.includes(c.row.scope));
    protect(group, key, {
      participants: byScope,
      visits: [...byScope, ...setsOf(memberCells, (c) => c.row.public, key)],
    });
    out.push(...publishedRows(group, threshold));
  }
  return out.sort((a, b) =>
    String(a.scope).localeCompare(String(b.scope)) || Number(a.year) - Number(b.year)
  );
}

/**
 * Publishes the monthly rows of each scope: primary suppression, then secondary suppression
 * within each month's publics (participants and visits) and across the months of a public's year
 * (visits: their sum is the year's published figure).
 */
export function publishPublicMonths(
  rows: readonly PublicMartRow[],
  threshold = DEFAULT_THRESHOLD,
): PublishedRow[] {
  const out: PublishedRow[] = [];
  for (const cells of Map.groupBy(rows, (r) => `${r.scope}|${r.year}|${r.dimension}`).values()) {
    const group = primaryCells(cells, threshold);
    const key = (c: Cell) => `${c.row.month}|${c.row.public}`;
    const byMonth = setsOf(group, (c) => String(c.row.month), key);
    protect(group, key, {
      participants: byMonth,
      visits: [...byMonth, ...setsOf(group, (c) => c.row.public, key)],
    });
    out.push(...publishedRows(group, threshold));
  }
  return out;
}

/** A row of the public marts as the warehouse returns it (numbers possibly as bigint or text). */
export const toPublicMartRow = (r: Record<string, unknown>): PublicMartRow => ({
  scope: String(r.scope),
  year: Number(r.year),
  ...(r.month === undefined ? {} : { month: String(r.month) }),
  dimension: String(r.dimension),
  public: String(r.public),
  participants: Number(r.participants),
  visits: Number(r.visits),
  person_hours: Number(r.person_hours),
  ...(r.participants_qpv === undefined ? {} : {
    participants_qpv: Number(r.participants_qpv),
    participants_known_residence: Number(r.participants_known_residence),
  }),
});

/**
 * The yearly public rows of `scopes`, protected as a whole (`members`: the structures whose
 * visits add up to a published total, La Coopération's members).
 */
export async function publishPublicsByYear(
  conn: DuckDBConnection,
  scopes: readonly string[],
  { threshold = DEFAULT_THRESHOLD, members = [] as readonly string[] } = {},
): Promise<PublishedRow[]> {
  if (scopes.length === 0) return []; // (an empty list parameter would have no type for DuckDB)
  const rows = (await queryRows(
    conn,
    `SELECT scope, year, dimension, public, participants, visits, person_hours, participants_qpv,
       participants_known_residence
     FROM mart_activity_public WHERE list_contains($1::VARCHAR[], scope) ORDER BY scope, year, dimension, public`,
    [listValue([...scopes])],
  )).map(toPublicMartRow);
  return publishPublicYears(rows, { threshold, members });
}

/** The monthly public rows of `scopes` (months as `YYYY-MM`). */
export async function publishPublicsByMonth(
  conn: DuckDBConnection,
  scopes: readonly string[],
  threshold = DEFAULT_THRESHOLD,
): Promise<PublishedRow[]> {
  if (scopes.length === 0) return [];
  const rows = (await queryRows(
    conn,
    `SELECT scope, year, strftime(month, '%Y-%m') AS month, dimension, public, participants, visits, person_hours
     FROM mart_activity_month_public WHERE list_contains($1::VARCHAR[], scope) ORDER BY scope, month, dimension, public`,
    [listValue([...scopes])],
  )).map(toPublicMartRow);
  return publishPublicMonths(rows, threshold);
}
