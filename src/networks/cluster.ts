/**
 * The partnership network of the cluster: actors (registry structures and their partners,
 * organisations only) linked by the partnerships they declare (who, with whom, on what, since
 * when), year by year. A tie exists from the year its first dated line starts; the lists carry no
 * end date, so a tie then stays (a list sent again replaces the earlier one whole: a partnership
 * removed from it disappears from every year).
 *
 * @module
 */
import { betweenness, normalisedBetweenness } from "./betweenness.ts";
import { components, degrees, density, largestComponentShare, meanDegree, undirectedGraph } from "./graph.ts";

/** One partnership line as staged (stg_partnerships). */
export interface PartnershipLine {
  /** The declaring actor as typed (registry id or name). */
  actor: string;
  partner: string;
  partnerType: string | null;
  subject: string | null;
  /** ISO date of the start, null when not given. */
  since: string | null;
}

/** A structure of the registry (stg_structures). */
export interface RegistryStructure {
  id: string;
  name: string;
  type: string | null;
}

/**
 * How names are compared: lower case, no accents, ligatures spelt out, apostrophes, hyphens and
 * other punctuation as single spaces, trimmed.
 *
 * @example
 * nameKey("  Maison de Quartier  des ORS ") // "maison de quartier des ors"
 * nameKey("Restos du Cœur – Drôme") // "restos du coeur drome"
 */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
}

/** An actor of the network: a registry structure (its id) or a partner (a slug of its name). */
export interface ResolvedActor {
  id: string;
  isStructure: boolean;
}

/**
 * Maps typed names to actors: a name (or id) matching a registry structure once normalised gives
 * that structure's id; any other name gives the slug of its normalised form.
 *
 * @example
 * const resolve = actorResolver([{ id: "ors", name: "Maison de quartier des Ors", type: "Centre social" }]);
 * resolve("MAISON DE QUARTIER DES ORS") // { id: "ors", isStructure: true }
 * resolve("CAF de la Drôme") // { id: "caf-de-la-drome", isStructure: false }
 */
export function actorResolver(registry: readonly RegistryStructure[]): (name: string) => ResolvedActor {
  const byKey = new Map<string, string>();
  for (const s of registry) {
    byKey.set(nameKey(s.id), s.id);
    byKey.set(nameKey(s.name), s.id);
  }
  return (name) => {
    const key = nameKey(name);
    const id = byKey.get(key);
    return id !== undefined ? { id, isStructure: true } : { id: key.replace(/ /g, "-"), isStructure: false };
  };
}

/** One actor in one year (mart_cluster_network_nodes). */
export interface ClusterNode {
  year: number;
  actorId: string;
  label: string;
  /** Registry type (Centre social, EVS…) or the partner type most often given. */
  actorType: string | null;
  isStructure: boolean;
  degree: number;
  /** Raw betweenness, each pair of other actors counted once (see betweenness.ts). */
  betweenness: number;
  /** Betweenness / ((n−1)(n−2)/2), n = actors of the year. */
  betweennessNorm: number | null;
  /** Rank of its component, 1 = the largest. */
  component: number;
}

/** One tie in one year (mart_cluster_network_edges), source < target. */
export interface ClusterEdge {
  year: number;
  source: string;
  target: string;
  /** Distinct subjects of the lines active that year, sorted, joined by « ; ». */
  themes: string;
  /** Year the tie started. */
  sinceYear: number;
  /** Partnership lines behind the tie that year (both sides may declare it). */
  lines: number;
}

/** One year of the network (mart_cluster_network_year). */
export interface ClusterYear {
  year: number;
  actors: number;
  structures: number;
  ties: number;
  density: number | null;
  meanDegree: number | null;
  components: number;
  largestComponentShare: number | null;
  /** Ties that start this year. */
  newTies: number;
  /** Actors whose first tie starts this year. */
  newActors: number;
  /** Ties with no start date on any line: outside the yearly network. */
  undatedTies: number;
}

/** The three cluster marts. */
export interface ClusterNetwork {
  nodes: ClusterNode[];
  edges: ClusterEdge[];
  years: ClusterYear[];
}

/** Characters beyond plain lower-case ASCII (capitals, accents): the richer spelling wins a tie. */
const richness = (s: string) => s.replace(/[a-z0-9 ]/g, "").length;

/** The most frequent spelling; on a tie the richer one (« CAF de la Drôme » over « caf de la drome »). */
function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null, n = 0;
  for (const [value, c] of counts) {
    const better = best !== null && c === n &&
      (richness(value) > richness(best) ||
        (richness(value) === richness(best) && value.localeCompare(best, "fr") < 0));
    if (c > n || better) {
      best = value;
      n = c;
    }
  }
  return best;
}

function bump(map: Map<string, Map<string, number>>, key: string, value: string | null) {
  if (value === null || value.trim() === "") return;
  let counts = map.get(key);
  if (!counts) map.set(key, counts = new Map());
  const v = value.trim().replace(/\s+/g, " ");
  counts.set(v, (counts.get(v) ?? 0) + 1);
}

/**
 * Builds the yearly cluster network, from the first start year to `lastYear` (default: the
 * latest year a dated line starts). A line whose actor and partner resolve to the same actor is ignored.
 *
 * @example
 * const net = clusterNetwork([
 *   { actor: "ors", partner: "CAF de la Drôme", partnerType: "caf", subject: "Familles", since: "2019-01-01" },
 *   { actor: "ors", partner: "Ville de Romans", partnerType: "collectivité", subject: null, since: "2020-03-01" },
 * ], [{ id: "ors", name: "Maison de quartier des Ors", type: "Centre social" }]);
 * net.years.map((y) => [y.year, y.ties, y.newActors]) // [[2019, 1, 2], [2020, 2, 1]]
 * net.nodes.find((n) => n.year === 2020 && n.actorId === "ors")?.betweenness // 1
 */
export function clusterNetwork(
  lines: readonly PartnershipLine[],
  registry: readonly RegistryStructure[],
  options: { lastYear?: number } = {},
): ClusterNetwork {
  const resolve = actorResolver(registry);
  const registryById = new Map(registry.map((s) => [s.id, s]));
  const spellings = new Map<string, Map<string, number>>();
  const types = new Map<string, Map<string, number>>();
  const structures = new Set<string>();
  /** Pair key → dated lines (year, subject) and whether an undated line exists. */
  const ties = new Map<string, { source: string; target: string; dated: [number, string | null][] }>();
  for (const line of lines) {
    const a = resolve(line.actor), b = resolve(line.partner);
    if (a.id === b.id) continue;
    for (const [actor, typed] of [[a, line.actor], [b, line.partner]] as const) {
      if (actor.isStructure) structures.add(actor.id);
      else bump(spellings, actor.id, typed);
    }
    if (!b.isStructure) bump(types, b.id, line.partnerType);
    const [source, target] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const key = `${source}\u0000${target}`;
    let tie = ties.get(key);
    if (!tie) ties.set(key, tie = { source, target, dated: [] });
    if (line.since !== null) tie.dated.push([Number(line.since.slice(0, 4)), line.subject]);
  }
  const label = (id: string) =>
    structures.has(id) ? registryById.get(id)!.name : mostFrequent(spellings.get(id) ?? new Map()) ?? id;
  const actorType = (id: string) =>
    structures.has(id) ? registryById.get(id)!.type : mostFrequent(types.get(id) ?? new Map());

  const dated = [...ties.values()].filter((t) => t.dated.length > 0);
  const undatedTies = ties.size - dated.length;
  const out: ClusterNetwork = { nodes: [], edges: [], years: [] };
  if (dated.length === 0) return out;
  const startOf = (t: typeof dated[number]) => Math.min(...t.dated.map(([y]) => y));
  const firstYear = Math.min(...dated.map(startOf));
  const lastYear = options.lastYear ?? Math.max(...dated.flatMap((t) => t.dated.map(([y]) => y)));
  let previousActors = new Set<string>();
  let previousTies = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    const active = dated.filter((t) => startOf(t) <= year)
      .sort((x, y) => (x.source + "\u0000" + x.target).localeCompare(y.source + "\u0000" + y.target));
    const g = undirectedGraph(active.map((t) => [t.source, t.target] as const));
    const deg = degrees(g);
    const between = betweenness(g);
    const comps = components(g);
    const componentOf = new Map<string, number>();
    comps.forEach((members, i) => members.forEach((m) => componentOf.set(m, i + 1)));
    const actors = [...deg.keys()].sort();
    for (const id of actors) {
      out.nodes.push({
        year,
        actorId: id,
        label: label(id),
        actorType: actorType(id),
        isStructure: structures.has(id),
        degree: deg.get(id)!,
        betweenness: between.get(id)!,
        betweennessNorm: normalisedBetweenness(between.get(id)!, actors.length),
        component: componentOf.get(id)!,
      });
    }
    for (const t of active) {
      const current = t.dated.filter(([y]) => y <= year);
      const themes = [...new Set(current.map(([, s]) => s?.trim()).filter((s): s is string => !!s))]
        .sort((x, y) => x.localeCompare(y, "fr"));
      out.edges.push({
        year,
        source: t.source,
        target: t.target,
        themes: themes.join(" ; "),
        sinceYear: startOf(t),
        lines: current.length,
      });
    }
    out.years.push({
      year,
      actors: actors.length,
      structures: actors.filter((id) => structures.has(id)).length,
      ties: active.length,
      density: density(g),
      meanDegree: meanDegree(g),
      components: comps.length,
      largestComponentShare: largestComponentShare(g),
      newTies: active.length - previousTies,
      newActors: actors.filter((id) => !previousActors.has(id)).length,
      undatedTies,
    });
    previousActors = new Set(actors);
    previousTies = active.length;
  }
  return out;
}
