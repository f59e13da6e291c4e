/**
 * Publishes the page data of « La Coopération en chiffres »: aggregates only, every count under
 * the disclosure threshold replaced by null and listed in the row's `secret` field, secondary
 * suppression where a published total would reveal a hidden cell.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  DEFAULT_THRESHOLD,
  safeShare,
  secondaryCell,
  suppress,
  suppressGroup,
} from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { publishStory, type Story } from "./publish_story.ts";
import { volunteerCountUnits } from "../volunteering/count_unit.ts";
import { PUBLICS, publishPublicsByMonth, publishPublicsByYear } from "./publish_publics.ts";

type Row = Record<string, unknown>;

/** A published row: values, and the names of the fields hidden by the disclosure rule. */
export type PublishedRow = Record<string, string | number | null | string[]> & { secret: string[] };

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Hides people counts under the threshold and what they would reveal (visits, hours, shares). */
export function publishYear(row: Row, threshold = DEFAULT_THRESHOLD): PublishedRow {
  const secret: string[] = [];
  const participants = num(row.participants);
  const volunteers = num(row.volunteers);
  const out: PublishedRow = {
    scope: String(row.scope),
    year: Number(row.year),
    participants: suppress(participants, threshold),
    visits: num(row.visits),
    person_hours: num(row.person_hours),
    qpv_share: participants === null
      ? null
      : safeShare(num(row.participants_qpv) ?? 0, num(row.participants_known_residence) ?? 0, threshold),
    volunteers: suppress(volunteers, threshold),
    volunteer_hours: num(row.volunteer_hours),
    // « bénévoles × structures » above the structure when a volunteer may count once per structure.
    volunteers_unit: row.volunteers_unit === null || row.volunteers_unit === undefined
      ? null
      : String(row.volunteers_unit),
    secret,
  };
  if (participants !== null && out.participants === null) {
    secret.push("participants", "visits", "person_hours");
    out.visits = null;
    out.person_hours = null;
  }
  if (
    participants !== null && participants >= threshold && out.qpv_share === null &&
    (num(row.participants_known_residence) ?? 0) > 0
  ) secret.push("qpv_share");
  if (volunteers !== null && out.volunteers === null) {
    secret.push("volunteers", "volunteer_hours");
    out.volunteer_hours = null;
  }
  return out;
}

/**
 * Secondary suppression of an additive field across the rows of one group (the months of a
 * year, the structures of the Coopération): when one cell is hidden, hide the smallest other.
 */
export function protectGroup(rows: PublishedRow[], field: string, linked: string[] = []): void {
  const extra = secondaryCell(rows.map((r) => num(r[field])), rows.map((r) => r.secret.includes(field)));
  if (extra < 0) return;
  for (const f of [field, ...linked]) {
    rows[extra][f] = null;
    if (!rows[extra].secret.includes(f)) rows[extra].secret.push(f);
  }
}

function groupBy<T>(rows: T[], key: (r: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.values()];
}

/** Everything the page needs, as one JSON-ready object. */
export async function publishCooperation(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const structures = await queryRows(
    conn,
    `SELECT structure_id AS id, name, structure_type AS type FROM stg_structures
     WHERE in_cooperation ORDER BY CASE structure_type WHEN 'EVS' THEN 1 ELSE 0 END, name`,
  );
  const scopeList =
    "SELECT 'cooperation' UNION ALL SELECT structure_id FROM stg_structures WHERE in_cooperation";
  const inScope = `scope IN (${scopeList})`;
  const years =
    (await queryRows(conn, `SELECT * FROM mart_activity_year WHERE ${inScope} ORDER BY scope, year`)).map((
      r,
    ) => publishYear(r, threshold));
  for (const group of groupBy(years.filter((r) => r.scope !== "cooperation"), (r) => String(r.year))) {
    protectGroup(group, "visits", ["person_hours"]);
  }

  const months: PublishedRow[] = (await queryRows(
    conn,
    `SELECT scope, year, strftime(month, '%Y-%m') AS month, participants, visits, person_hours
     FROM mart_activity_month WHERE ${inScope} ORDER BY scope, month`,
  )).map((r) => {
    const participants = num(r.participants);
    const hidden = participants !== null && suppress(participants, threshold) === null;
    return {
      scope: String(r.scope),
      year: Number(r.year),
      month: String(r.month),
      participants: hidden ? null : participants,
      visits: hidden ? null : num(r.visits),
      person_hours: hidden ? null : num(r.person_hours),
      secret: hidden ? ["participants", "visits", "person_hours"] : [],
    };
  });
  for (const group of groupBy(months, (r) => `${r.scope}|${r.year}`)) {
    protectGroup(group, "visits", ["person_hours"]);
  }

  const ages: PublishedRow[] = [];
  const ageRows = await queryRows(
    conn,
    `SELECT scope, year, age_band, participants FROM mart_age_bands WHERE ${inScope} ORDER BY scope, year, age_band`,
  );
  for (const group of groupBy(ageRows, (r) => `${r.scope}|${r.year}`)) {
    const values = suppressGroup(group.map((r) => num(r.participants)), threshold);
    group.forEach((r, i) =>
      ages.push({
        scope: String(r.scope),
        year: Number(r.year),
        age_band: String(r.age_band),
        participants: values[i],
        secret: values[i] === null ? ["participants"] : [],
      })
    );
  }

  // The « Public » filter: the same key figures per age band and for QPV residents.
  const members = (structures as { id: string }[]).map((s) => s.id);
  const publics = await publishPublicsByYear(conn, ["cooperation", ...members], { threshold, members });

  const sources = await queryRows(
    conn,
    `SELECT l.structure_id, l.kind, l.file_name, l.sheet, strftime(l.loaded_at, '%Y-%m-%d') AS loaded_on,
       l.rows_loaded
     FROM loads l WHERE l.superseded_by IS NULL AND l.structure_id IN (${scopeList}) ORDER BY l.structure_id, l.file_name, l.sheet`,
  );
  const [{ first_visit, last_visit }] = await queryRows(
    conn,
    `SELECT strftime(min(visit_date), '%Y-%m-%d') AS first_visit, strftime(max(visit_date), '%Y-%m-%d') AS last_visit
     FROM int_scoped_visits WHERE scope = 'cooperation'`,
  );
  // The value-chain report: the Coopération's story, a few key indicators per member structure
  // (one colour each on the charts), and the partners several members share.
  const story = await publishStory(conn, "cooperation", "cooperation");
  // The same story for each member, so that the page's « Structure » filter drives every section.
  const stories: Record<string, Story> = {};
  for (const id of members) stories[id] = await publishStory(conn, "structure", id);
  const byStructure = (await queryRows(
    conn,
    `SELECT v.scope, v.indicator_id AS i, v.year AS y, v.published_value AS v, v.suppressed AS s
     FROM mart_indicator_values v
     WHERE v.scope_level = 'structure' AND v.scope IN (${scopeList})
       AND v.indicator_id IN (${STRUCTURE_INDICATORS.map((id) => `'${id}'`).join(", ")})
     ORDER BY v.indicator_id, v.scope, v.year`,
  )).map((r) => ({
    scope: String(r.scope),
    i: String(r.i),
    y: Number(r.y),
    v: r.v === null ? null : Math.round(Number(r.v) * 1e6) / 1e6,
    s: Boolean(r.s),
  }));
  const sharedPartners = await queryRows(
    conn,
    `SELECT p.partner, any_value(p.partner_type_label) AS type, list(DISTINCT p.structure_id ORDER BY p.structure_id) AS structures,
       strftime(min(p.since), '%Y') AS since
     FROM stg_partnerships p JOIN stg_structures s USING (structure_id)
     WHERE s.in_cooperation
     GROUP BY p.partner HAVING count(DISTINCT p.structure_id) > 1
     ORDER BY count(DISTINCT p.structure_id) DESC, p.partner`,
  );
  const [{ partners }] = await queryRows(
    conn,
    `SELECT count(DISTINCT p.partner) AS partners FROM stg_partnerships p
     JOIN stg_structures s USING (structure_id) WHERE s.in_cooperation`,
  );
  return {
    threshold,
    period: { first: first_visit, last: last_visit },
    structures,
    years,
    months,
    ages,
    publicList: PUBLICS,
    publics,
    sources,
    story,
    // « bénévoles × structures » when the Coopération's volunteer count is per structure, else null.
    volunteerUnit: (await volunteerCountUnits(conn)).get("cooperation") ?? null,
    stories,
    byStructure,
    partners: { total: Number(partners), shared: sharedPartners },
  };
}

/**
 * The monthly figures of each member structure per public, a file of its own
 * (`cooperation_publics.json`): the page loads it only when a public is chosen.
 */
export async function publishCooperationMonthsByPublic(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const members = (await queryRows(conn, "SELECT structure_id FROM stg_structures WHERE in_cooperation"))
    .map((r) => String(r.structure_id));
  // About 2 700 rows on the sample: as a table of arrays (columns named once), a third the size.
  const months = await publishPublicsByMonth(conn, members, threshold);
  const columns = ["scope", "year", "month", "public", "participants", "visits", "person_hours", "secret"];
  return { threshold, columns, rows: months.map((r) => columns.map((c) => r[c] ?? null)) };
}

/** Indicators drawn per member structure on the Coopération's report (one colour each). */
export const STRUCTURE_INDICATORS = [
  "budget_total",
  "heures_benevolat",
  "etp_salaries",
  "seances",
  "actions_menees",
  "participants_uniques",
  "passages",
  "part_qpv",
  "benevoles_actifs",
  "partenaires_actifs",
  "fidelisation",
] as const;
