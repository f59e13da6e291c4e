/**
 * Builds the network marts from the staging tables: the time bank (mart_timebank_year,
 * mart_timebank_network_edges, mart_timebank_network_metrics) and the cluster partnership
 * network (mart_cluster_network_nodes, mart_cluster_network_edges, mart_cluster_network_year).
 * Only member pseudonyms reach the time-bank marts; cluster actors are organisations, named.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { timebankMetrics } from "../timebank/metrics.ts";
import { clusterNetwork } from "./cluster.ts";
import { replaceTable } from "./write_table.ts";

/** Options of {@link buildNetworkMarts}. */
export interface NetworkMartOptions {
  /**
   * Last year of the cluster network. Default: {@link clusterLastYear} — the latest year of the
   * observed activity in the warehouse or of the partnership start years, whichever is later;
   * the year the partnership lists were loaded only when the warehouse holds no other dated data.
   */
  clusterLastYear?: number;
}

/**
 * Staging tables whose dates record activity that happened (not plans, not load dates): the
 * latest year among them is the last year the observatory describes. Table → SQL year expression.
 */
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** DuckDB dates come back as Date objects (UTC midnight) or text: ISO day either way. */
const isoDay = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
    ? v.toISOString().slice(0, 10)
    : String(v).slice(0, 10);

/**
 * Creates or replaces the six network marts. Needs the staging tables (ensureSchema).
 *
 * @example
 * ```ts
 * const wh = await openWarehouse(":memory:");
 * await ensureSchema(wh.conn);
 * await buildNetworkMarts(wh.conn); // empty marts on an empty warehouse
 * ```
 */
export async function buildNetworkMarts(
  conn: DuckDBConnection,
  options: NetworkMartOptions = {},
): Promise<void> {
  await buildTimebankMarts(conn);
  await buildClusterMarts(conn, options);
}

async function buildTimebankMarts(conn: DuckDBConnection): Promise<void> {
  const exchanges = (await queryRows(
    conn,
    `SELECT structure_id, CAST(exchange_date AS VARCHAR) AS d, giver_ref, receiver_ref, hours
     FROM stg_timebank_exchanges ORDER BY structure_id, exchange_date, exchange_ref`,
  )).map((r) => ({
    structureId: String(r.structure_id),
    date: String(r.d),
    giver: String(r.giver_ref),
    receiver: String(r.receiver_ref),
    hours: Number(r.hours),
  }));
  const members = (await queryRows(
    conn,
    `SELECT structure_id, member_ref, CAST(joined_on AS VARCHAR) AS j FROM stg_timebank_members`,
  )).map((r) => ({
    structureId: String(r.structure_id),
    member: String(r.member_ref),
    joinedOn: isoDay(r.j),
  }));
  const m = timebankMetrics(exchanges, members);
  await replaceTable(
    conn,
    "mart_timebank_year",
    [
      ["structure_id", "VARCHAR"],
      ["year", "INTEGER"],
      ["exchanges", "INTEGER"],
      ["hours", "DOUBLE"],
      ["active_members", "INTEGER"],
      ["givers", "INTEGER"],
      ["receivers", "INTEGER"],
      ["members_both", "INTEGER"],
      ["share_both", "DOUBLE"],
      ["mostly_give", "INTEGER"],
      ["mostly_receive", "INTEGER"],
      ["balanced", "INTEGER"],
      ["first_exchanges", "INTEGER"],
      ["delays_measured", "INTEGER"],
      ["median_days_to_first_exchange", "DOUBLE"],
      ["first_exchange_before_joining", "INTEGER"],
    ],
    m.years.map((y) => [
      y.structureId,
      y.year,
      y.exchanges,
      y.hours,
      y.activeMembers,
      y.givers,
      y.receivers,
      y.bothGiveAndReceive,
      y.shareBoth,
      y.mostlyGive,
      y.mostlyReceive,
      y.balanced,
      y.firstExchanges,
      y.delaysMeasured,
      y.medianDaysToFirstExchange,
      y.firstExchangeBeforeJoining,
    ]),
  );
  await replaceTable(
    conn,
    "mart_timebank_network_edges",
    [
      ["structure_id", "VARCHAR"],
      ["year", "INTEGER"],
      ["source", "VARCHAR"],
      ["target", "VARCHAR"],
      ["hours", "DOUBLE"],
      ["exchanges", "INTEGER"],
    ],
    m.edges.map((e) => [e.structureId, e.year, e.source, e.target, e.hours, e.exchanges]),
  );
  await replaceTable(
    conn,
    "mart_timebank_network_metrics",
    [
      ["structure_id", "VARCHAR"],
      ["year", "INTEGER"],
      ["nodes", "INTEGER"],
      ["arcs", "INTEGER"],
      ["ties", "INTEGER"],
      ["mutual_ties", "INTEGER"],
      ["reciprocity", "DOUBLE"],
      ["density", "DOUBLE"],
      ["mean_degree", "DOUBLE"],
      ["components", "INTEGER"],
      ["largest_component_share", "DOUBLE"],
    ],
    m.network.map((n) => [
      n.structureId,
      n.year,
      n.nodes,
      n.arcs,
      n.ties,
      n.mutualTies,
      n.reciprocity,
      n.density,
      n.meanDegree,
      n.components,
      n.largestComponentShare,
    ]),
  );
}

/**
 * The default last year of the cluster network: the latest year of the observed activity
 * (the view int_last_activity_year, src/warehouse/sql/activity_years.sql: attendance, headcounts,
 * volunteering, time-bank exchanges, accounting entries, the same year the indicators read the
 * present-day lists up to) or `latestStart` (the latest partnership start year), whichever is later. The year the
 * partnership lists were loaded counts only when no table holds dated activity: a list sent in
 * January 2026 describes the partnerships of the data years, not a year with no other data.
 *
 * @example
 * ```ts
 * // attendance to 2024, lists loaded in 2026, a partnership since 2023
 * await clusterLastYear(conn, 2023); // 2024
 * await clusterLastYear(conn, 2025); // 2025
 * ```
 */
export async function clusterLastYear(conn: DuckDBConnection, latestStart: number): Promise<number> {
  const [activity] = await queryRows(conn, "SELECT year FROM int_last_activity_year");
  if (activity?.year !== null && activity?.year !== undefined) {
    return Math.max(Number(activity.year), latestStart);
  }
  const [loaded] = await queryRows(
    conn,
    `SELECT max(year(l.loaded_at)) AS y FROM loads l
     WHERE l.load_id IN (SELECT load_id FROM stg_partnerships UNION SELECT load_id FROM stg_cluster_ties)`,
  );
  return loaded?.y === null || loaded?.y === undefined
    ? latestStart
    : Math.max(Number(loaded.y), latestStart);
}

async function buildClusterMarts(conn: DuckDBConnection, options: NetworkMartOptions): Promise<void> {
  const lines = (await queryRows(
    conn,
    // The structures' declared partnerships, then the ties of the cluster's actor map.
    `SELECT actor, partner, partner_type, subject, CAST(since AS VARCHAR) AS since
     FROM (SELECT 1 AS src, structure_id AS k, partnership_ref AS ref, actor, partner, partner_type, subject, since
           FROM stg_partnerships
           UNION ALL
           SELECT 2, map_scope, tie_ref, actor_a, actor_b, NULL, tie_type, since FROM stg_cluster_ties)
     ORDER BY src, k, ref`,
  )).map((r) => ({
    actor: String(r.actor),
    partner: String(r.partner),
    partnerType: text(r.partner_type),
    subject: text(r.subject),
    since: isoDay(r.since),
  }));
  const registry = (await queryRows(conn, "SELECT structure_id, name, structure_type FROM stg_structures"))
    .map((r) => ({ id: String(r.structure_id), name: String(r.name), type: text(r.structure_type) }));
  const starts = lines.filter((l) => l.since !== null).map((l) => Number(l.since!.slice(0, 4)));
  const lastYear = options.clusterLastYear ??
    (starts.length > 0 ? await clusterLastYear(conn, Math.max(...starts)) : undefined);
  const net = clusterNetwork(lines, registry, { lastYear });
  await replaceTable(
    conn,
    "mart_cluster_network_nodes",
    [
      ["year", "INTEGER"],
      ["actor_id", "VARCHAR"],
      ["label", "VARCHAR"],
      ["actor_type", "VARCHAR"],
      ["is_structure", "BOOLEAN"],
      ["degree", "INTEGER"],
      ["betweenness", "DOUBLE"],
      ["betweenness_norm", "DOUBLE"],
      ["component", "INTEGER"],
    ],
    net.nodes.map((n) => [
      n.year,
      n.actorId,
      n.label,
      n.actorType,
      n.isStructure,
      n.degree,
      n.betweenness,
      n.betweennessNorm,
      n.component,
    ]),
  );
  await replaceTable(
    conn,
    "mart_cluster_network_edges",
    [
      ["year", "INTEGER"],
      ["source", "VARCHAR"],
      ["target", "VARCHAR"],
      ["themes", "VARCHAR"],
      ["since_year", "INTEGER"],
      ["lines", "INTEGER"],
    ],
    net.edges.map((e) => [e.year, e.source, e.target, e.themes, e.sinceYear, e.lines]),
  );
  await replaceTable(
    conn,
    "mart_cluster_network_year",
    [
      ["year", "INTEGER"],
      ["actors", "INTEGER"],
      ["structures", "INTEGER"],
      ["ties", "INTEGER"],
      ["density", "DOUBLE"],
      ["mean_degree", "DOUBLE"],
      ["components", "INTEGER"],
      ["largest_component_share", "DOUBLE"],
      ["new_ties", "INTEGER"],
      ["new_actors", "INTEGER"],
      ["undated_ties", "INTEGER"],
    ],
    net.years.map((y) => [
      y.year,
      y.actors,
      y.structures,
      y.ties,
      y.density,
      y.meanDegree,
      y.components,
      y.largestComponentShare,
      y.newTies,
      y.newActors,
      y.undatedTies,
    ]),
  );
}
