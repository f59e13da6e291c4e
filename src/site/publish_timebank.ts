/**
 * Publishes the page data of « Accorderie » (time bank): activity per year from
 * `mart_timebank_year` with every count of members under the threshold hidden (and what would
 * reveal it: the hours and exchanges of a year with 1 to 4 active members, the balance group
 * beside a hidden one), the network metrics, and the exchange network of each year with members
 * renumbered 0…n−1 in a random-looking order (the order of their keyed pseudonyms) and a balance
 * group of 1 to 4 members published as « masqué » ({@link publishTimebankNetwork}): no pseudonym,
 * no name, no label is published. Dates are published as months only.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { DEFAULT_THRESHOLD, safeShare, suppress, suppressGroup } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** One year of activity, disclosure applied; `secret` names the hidden fields. */
export function publishTimebankYear(row: Row, threshold = DEFAULT_THRESHOLD): Row & { secret: string[] } {
  const secret: string[] = [];
  const active = num(row.active_members);
  const hide = (field: string) => {
    if (!secret.includes(field)) secret.push(field);
    return null;
  };
  const out: Row & { secret: string[] } = {
    structure_id: row.structure_id,
    year: num(row.year),
    exchanges: num(row.exchanges),
    hours: num(row.hours),
    active_members: suppress(active, threshold),
    givers: suppress(num(row.givers), threshold),
    receivers: suppress(num(row.receivers), threshold),
    members_both: suppress(num(row.members_both), threshold),
    share_both: safeShare(num(row.members_both) ?? 0, active ?? 0, threshold),
    first_exchanges: suppress(num(row.first_exchanges), threshold),
    median_days_to_first_exchange: (num(row.delays_measured) ?? 0) >= threshold
      ? num(row.median_days_to_first_exchange)
      : null,
    secret,
  };
  if (out.active_members === null && active !== null) {
    for (const f of ["active_members", "exchanges", "hours"]) out[f] = hide(f);
  }
  for (const f of ["givers", "receivers", "members_both", "first_exchanges"]) {
    if (out[f] === null && row[f] !== null) hide(f);
  }
  if (out.share_both === null && row.share_both !== null) hide("share_both");
  if ((num(row.delays_measured) ?? 0) > 0 && out.median_days_to_first_exchange === null) {
    hide("median_days_to_first_exchange");
  }
  // The three balance groups add up to the active members, which are published.
  const groups = ["mostly_give", "mostly_receive", "balanced"];
  const values = suppressGroup(groups.map((g) => num(row[g])), threshold);
  groups.forEach((g, i) => {
    out[g] = out.active_members === null ? null : values[i];
    if (out[g] === null && row[g] !== null) hide(g);
  });
  return out;
}

/** The balance group of a member from hours given and received (the mart's rule). */
export function balanceGroup(given: number, received: number): "donne" | "recoit" | "equilibre" {
  if (given >= 2 * received && given > 0) return "donne";
  if (received >= 2 * given && received > 0) return "recoit";
  return "equilibre";
}

/**
 * One year's exchange network as published: members renumbered 0…n−1 (order of their keyed
 * pseudonyms), each with its balance group, and the arcs `[giver, receiver, hours]`. A balance
 * group of 1 to 4 members is published as `"masque"`, with the smallest other group when one
 * alone would be hidden (the groups add up to the published number of members): a drawing
 * coloured by group must not let anyone count a small group. Null for a network of 1 to 4
 * members (not published).
 *
 * @example
 * ```ts
 * publishTimebankNetwork(edgesOf2025) // {structure_id, year, nodes: ["donne", "masque", …], links: [[0, 3, 1.5], …]}
 * ```
 */
export function publishTimebankNetwork(
  list: readonly Row[],
  threshold = DEFAULT_THRESHOLD,
): Record<string, unknown> | null {
  if (list.length === 0) return null;
  const refs = [...new Set(list.flatMap((e) => [String(e.source), String(e.target)]))].sort();
  if (refs.length < threshold) return null; // a drawing of 1 to 4 members is not published
  const index = new Map(refs.map((r, i) => [r, i]));
  const given = new Array(refs.length).fill(0);
  const received = new Array(refs.length).fill(0);
  for (const e of list) {
    given[index.get(String(e.source))!] += Number(e.hours);
    received[index.get(String(e.target))!] += Number(e.hours);
  }
  const groups = refs.map((_, i) => balanceGroup(given[i], received[i]));
  const names = ["donne", "recoit", "equilibre"] as const;
  const shown = suppressGroup(names.map((g) => groups.filter((x) => x === g).length), threshold);
  const masked = new Set(names.filter((_, i) => shown[i] === null));
  return {
    structure_id: list[0].structure_id,
    year: Number(list[0].year),
    nodes: groups.map((g) => (masked.has(g) ? "masque" : g)),
    // [giver, receiver, hours] — compact: one array per arc.
    links: list.map((e) => [index.get(String(e.source)), index.get(String(e.target)), Number(e.hours)]),
  };
}

/** Everything the page needs, as one JSON-ready object. */
export async function publishTimebank(
  conn: DuckDBConnection,
  threshold = DEFAULT_THRESHOLD,
): Promise<Record<string, unknown>> {
  const structures = await queryRows(
    conn,
    `SELECT DISTINCT s.structure_id AS id, s.name FROM stg_structures s
     JOIN mart_timebank_year y USING (structure_id) ORDER BY s.name`,
  );
  const years = (await queryRows(conn, "SELECT * FROM mart_timebank_year ORDER BY structure_id, year"))
    .map((r) => publishTimebankYear(r, threshold));
  const metrics = (await queryRows(
    conn,
    "SELECT * FROM mart_timebank_network_metrics ORDER BY structure_id, year",
  )).map((r) => {
    const small = suppress(num(r.nodes), threshold) === null;
    return small
      ? { structure_id: r.structure_id, year: r.year, nodes: null, secret: ["nodes"] }
      : { ...r, secret: [] };
  });
  const edges = await queryRows(
    conn,
    `SELECT structure_id, year, source, target, hours, exchanges FROM mart_timebank_network_edges
     ORDER BY structure_id, year, source, target`,
  );
  const byYear = new Map<string, Row[]>();
  for (const e of edges) {
    const key = `${e.structure_id}|${e.year}`;
    byYear.set(key, [...(byYear.get(key) ?? []), e]);
  }
  const networks = [...byYear.values()].map((list) => publishTimebankNetwork(list, threshold))
    .filter((n) => n !== null);
  const [period] = await queryRows(
    conn,
    `SELECT strftime(min(exchange_date), '%Y-%m') AS first, strftime(max(exchange_date), '%Y-%m') AS last
     FROM stg_timebank_exchanges`,
  );
  return { threshold, period, structures, years, metrics, networks };
}
