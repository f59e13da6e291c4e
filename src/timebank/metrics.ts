/**
 * Time-bank (Accorderie) metrics per structure and year, from the exchanges (giver → receiver,
 * hours) and the members' join dates: hours exchanged, active members, give/receive balance,
 * members who both give and receive, days from joining to the first exchange, and the exchange
 * network (nodes = member pseudonyms, arcs giver → receiver weighted by hours).
 *
 * @module
 */
import {
  components,
  density,
  largestComponentShare,
  meanDegree,
  nodeCount,
  undirectedGraph,
} from "../networks/graph.ts";
import { reciprocity } from "../networks/reciprocity.ts";

/** One exchange: `hours` given by `giver` to `receiver` on `date` (ISO). */
export interface TimebankExchange {
  structureId: string;
  date: string;
  giver: string;
  receiver: string;
  hours: number;
}

/** A member's join date (ISO), null when unknown. */
export interface TimebankMember {
  structureId: string;
  member: string;
  joinedOn: string | null;
}

/** How a member's year leans: see {@link balanceClass}. */
export type BalanceClass = "donne surtout" | "reçoit surtout" | "équilibré";

/**
 * A member's give/receive balance over a year. « donne surtout » when the hours given are at
 * least twice the hours received, « reçoit surtout » when the hours received are at least twice
 * the hours given, « équilibré » otherwise (equivalently, with the index (g − r) / (g + r):
 * ≥ 1/3, ≤ −1/3, between).
 *
 * @example
 * balanceClass(4, 2) // "donne surtout"
 * balanceClass(3, 2) // "équilibré"
 * balanceClass(0, 1.5) // "reçoit surtout"
 */
export function balanceClass(given: number, received: number): BalanceClass {
  if (given >= 2 * received) return "donne surtout";
  if (received >= 2 * given) return "reçoit surtout";
  return "équilibré";
}

/**
 * Median (mean of the two middle values for an even count); null for no value.
 *
 * @example
 * median([10, 3, 7, 1]) // 5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One structure's year of the time bank (mart_timebank_year). */
export interface TimebankYear {
  structureId: string;
  year: number;
  exchanges: number;
  hours: number;
  /** Members who gave or received at least once in the year. */
  activeMembers: number;
  givers: number;
  receivers: number;
  /** Active members who both gave and received in the year. */
  bothGiveAndReceive: number;
  /** bothGiveAndReceive / activeMembers. */
  shareBoth: number | null;
  mostlyGive: number;
  mostlyReceive: number;
  balanced: number;
  /** Members whose first recorded exchange falls in the year. */
  firstExchanges: number;
  /** Of those, members whose delay is measured (see {@link timebankMetrics}). */
  delaysMeasured: number;
  /** Median days from joining to the first exchange, over the delays measured. */
  medianDaysToFirstExchange: number | null;
  /** First exchanges dated before the recorded join date (left out of the median). */
  firstExchangeBeforeJoining: number;
}

/** One arc of a year's exchange network (mart_timebank_network_edges). */
export interface TimebankEdge {
  structureId: string;
  year: number;
  source: string;
  target: string;
  hours: number;
  exchanges: number;
}

/** Network metrics of a year (mart_timebank_network_metrics). */
export interface TimebankNetworkMetrics {
  structureId: string;
  year: number;
  nodes: number;
  /** Distinct giver → receiver pairs. */
  arcs: number;
  /** Distinct pairs of members who exchanged, either way. */
  ties: number;
  mutualTies: number;
  /** mutualTies / ties. */
  reciprocity: number | null;
  /** ties / (n(n−1)/2). */
  density: number | null;
  /** Mean number of distinct exchange partners: 2 × ties / nodes. */
  meanDegree: number | null;
  components: number;
  largestComponentShare: number | null;
}

/** Everything the time-bank marts hold. */
export interface TimebankMetrics {
  years: TimebankYear[];
  edges: TimebankEdge[];
  network: TimebankNetworkMetrics[];
}

/**
 * Computes the time-bank marts. A member's first exchange is the earliest one recorded for the
 * structure (given or received); its delay from the join date is measured only when the member
 * joined on or after the structure's first recorded exchange (before that, an earlier first
 * exchange may simply not be in the records). A first exchange before the join date is counted
 * apart, never in the median. Self-exchanges (giver = receiver) count in hours but make no arc.
 *
 * @example
 * const m = timebankMetrics([
 *   { structureId: "acc", date: "2024-01-10", giver: "a", receiver: "b", hours: 2 },
 *   { structureId: "acc", date: "2024-02-01", giver: "b", receiver: "a", hours: 1 },
 * ], [{ structureId: "acc", member: "b", joinedOn: "2024-01-01" }]);
 * m.years[0].shareBoth // 1
 * m.network[0].reciprocity // 1
 * m.years[0].medianDaysToFirstExchange // 9
 */
export function timebankMetrics(
  exchanges: readonly TimebankExchange[],
  members: readonly TimebankMember[],
): TimebankMetrics {
  const joined = new Map(members.map((m) => [`${m.structureId}\u0000${m.member}`, m.joinedOn]));
  const byStructure = new Map<string, TimebankExchange[]>();
  for (const e of exchanges) {
    let list = byStructure.get(e.structureId);
    if (!list) byStructure.set(e.structureId, list = []);
    list.push(e);
  }
  const out: TimebankMetrics = { years: [], edges: [], network: [] };
  for (const structureId of [...byStructure.keys()].sort()) {
    const list = byStructure.get(structureId)!;
    const recordsStart = list.reduce((min, e) => (e.date < min ? e.date : min), list[0].date);
    // First recorded exchange of each member.
    const first = new Map<string, string>();
    for (const e of list) {
      for (const m of [e.giver, e.receiver]) {
        const seen = first.get(m);
        if (seen === undefined || e.date < seen) first.set(m, e.date);
      }
    }
    const byYear = new Map<number, TimebankExchange[]>();
    for (const e of list) {
      const y = Number(e.date.slice(0, 4));
      let yl = byYear.get(y);
      if (!yl) byYear.set(y, yl = []);
      yl.push(e);
    }
    for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
      const yl = byYear.get(year)!;
      const given = new Map<string, number>();
      const received = new Map<string, number>();
      const arcs = new Map<string, TimebankEdge>();
      let total = 0;
      for (const e of yl) {
        total += e.hours;
        given.set(e.giver, (given.get(e.giver) ?? 0) + e.hours);
        received.set(e.receiver, (received.get(e.receiver) ?? 0) + e.hours);
        if (e.giver === e.receiver) continue;
        const key = `${e.giver}\u0000${e.receiver}`;
        const arc = arcs.get(key) ??
          { structureId, year, source: e.giver, target: e.receiver, hours: 0, exchanges: 0 };
        arc.hours += e.hours;
        arc.exchanges++;
        arcs.set(key, arc);
      }
      const active = new Set([...given.keys(), ...received.keys()]);
      const counts: Record<BalanceClass, number> = {
        "donne surtout": 0,
        "reçoit surtout": 0,
        "équilibré": 0,
      };
      let both = 0;
      for (const m of active) {
        const g = given.get(m) ?? 0, r = received.get(m) ?? 0;
        counts[balanceClass(g, r)]++;
        if (g > 0 && r > 0) both++;
      }
      const delays: number[] = [];
      let firsts = 0, before = 0;
      for (const m of active) {
        const date = first.get(m)!;
        if (Number(date.slice(0, 4)) !== year) continue;
        firsts++;
        const joinedOn = joined.get(`${structureId}\u0000${m}`) ?? null;
        if (joinedOn === null || joinedOn < recordsStart) continue;
        const days = daysBetween(joinedOn, date);
        if (days < 0) before++;
        else delays.push(days);
      }
      out.years.push({
        structureId,
        year,
        exchanges: yl.length,
        hours: round2(total),
        activeMembers: active.size,
        givers: given.size,
        receivers: received.size,
        bothGiveAndReceive: both,
        shareBoth: active.size === 0 ? null : both / active.size,
        mostlyGive: counts["donne surtout"],
        mostlyReceive: counts["reçoit surtout"],
        balanced: counts["équilibré"],
        firstExchanges: firsts,
        delaysMeasured: delays.length,
        medianDaysToFirstExchange: median(delays),
        firstExchangeBeforeJoining: before,
      });
      const edges = [...arcs.values()].sort((a, b) =>
        a.source < b.source
          ? -1
          : a.source > b.source
          ? 1
          : a.target < b.target
          ? -1
          : a.target > b.target
          ? 1
          : 0
      );
      for (const e of edges) out.edges.push({ ...e, hours: round2(e.hours) });
      const g = undirectedGraph(edges.map((e) => [e.source, e.target] as const), active);
      const r = reciprocity(edges.map((e) => [e.source, e.target] as const));
      out.network.push({
        structureId,
        year,
        nodes: nodeCount(g),
        arcs: r.arcs,
        ties: r.ties,
        mutualTies: r.mutualTies,
        reciprocity: r.reciprocity,
        density: density(g),
        meanDegree: meanDegree(g),
        components: components(g).length,
        largestComponentShare: largestComponentShare(g),
      });
    }
  }
  return out;
}
