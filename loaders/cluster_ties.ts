/**
 * Loader for the cluster's actor map as its animators keep it: an edge list between any actors
 * of the territory (`Acteur A;Acteur B;Type de coopération;Depuis`), registry structures or not.
 * A tie has no direction: the same pair given again the other way round is refused on its line,
 * as is an actor linked to itself. Actors are organisations (a civility « M. », « Mme » is
 * refused, as in the partnership lists). The map is a snapshot: a new one replaces the earlier
 * one whole. Its ties join the partnerships the structures declare in the cluster network.
 *
 * @module
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { foldLabel, parseSince, PRIVATE_PERSON } from "./partnerships.ts";

const organisation = z.string().min(1).refine((p) => !PRIVATE_PERSON.test(p), {
  error: "l'acteur ressemble à une personne privée (civilité « M. », « Mme »…) : indiquez un organisme " +
    "(valeur non reproduite)",
});

const schema = z.object({
  actor_a: organisation,
  actor_b: organisation,
  tie_type: z.string().nullable(),
  since: z.string().nullable().transform((s, ctx) => {
    if (s === null) return null;
    const iso = parseSince(s);
    if (iso !== null) return iso;
    ctx.addIssue({
      code: "custom",
      message: `« ${s} » n'est pas une date reconnue (ex. 12/03/2019, mars 2019 ou 2019)`,
    });
    return z.NEVER;
  }),
}).refine((r) => foldLabel(r.actor_a) !== foldLabel(r.actor_b), {
  error: "un acteur ne peut pas être lié à lui-même : indiquez deux acteurs différents",
  path: ["actor_b"],
});

type Tie = z.infer<typeof schema>;

/** The unordered pair and the type: the identity of a tie. */
function tieKey(r: Tie): { key: string; forward: boolean } {
  const [a, b] = [foldLabel(r.actor_a), foldLabel(r.actor_b)];
  return { key: [a < b ? a : b, a < b ? b : a, foldLabel(r.tie_type ?? "")].join("\u0001"), forward: a < b };
}

export const clusterTiesLoader: LoaderSpec<Tie> = {
  kind: "partnerships",
  format: "carte-acteurs-cluster",
  label: "carte des acteurs du cluster (liens entre acteurs)",
  tables: { stg_cluster_ties: ["map_scope", "tie_ref"] },
  replaceScope: ["map_scope"],
  // The cluster's map is not a structure's: it is dropped at the root of the inbox.
  needsStructure: false,
  fields: {
    actor_a: {
      type: "text",
      aliases: ["Acteur A", "Acteur 1", "Structure A", "Organisme A"],
      required: true,
    },
    actor_b: {
      type: "text",
      aliases: ["Acteur B", "Acteur 2", "Structure B", "Organisme B"],
      required: true,
    },
    tie_type: {
      type: "text",
      aliases: ["Type de coopération", "Type de lien", "Nature de la coopération", "Coopération", "Thème"],
      optional: true,
    },
    since: { type: "text", aliases: ["Depuis", "Depuis quand", "Année de début", "Début"], optional: true },
  },
  schema,
  // deno-lint-ignore require-await
  async check(records) {
    const seen = new Map<string, { line: number; forward: boolean }>();
    const refused = [];
    for (const { line, record } of records) {
      const { key, forward } = tieKey(record);
      const first = seen.get(key);
      if (!first) seen.set(key, { line, forward });
      // The same way round is an ordinary duplicate line, counted once by the ingest.
      else if (first.forward !== forward) {
        refused.push({
          line,
          field: "actor_a",
          severity: "erreur" as const,
          message:
            `lien déjà donné dans l'autre sens à la ligne ${first.line} : un lien n'a pas de sens, donnez-le une seule fois`,
        });
      }
    }
    return refused;
  },
  toRows(r, ctx) {
    return [{
      table: "stg_cluster_ties",
      row: {
        map_scope: "cluster",
        tie_ref: ctx.pseudonym(["lien-cluster", tieKey(r).key]),
        actor_a: r.actor_a.replace(/\s+/g, " "),
        actor_b: r.actor_b.replace(/\s+/g, " "),
        tie_type: r.tie_type,
        since: r.since,
      },
    }];
  },
};
