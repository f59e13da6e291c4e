/**
 * Loader for INSEE's commune statistics: the *base comparateur de territoires* and the *dossier
 * complet* (one row per commune keyed by `CODGEO`, `LIBGEO`, then one column per variable whose
 * code carries its vintage: `P21_POP`, `MED21`, `TP6021`…). Every variable column is kept, in long
 * form, with the year read from its code; secret (`s`) or unavailable (`nd`, empty) cells are
 * stored as missing with their reason (an empty cell gives no row), never as 0. Public data: no
 * structure, no person.
 *
 * @module
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { parseInseeCode, readInseeValue } from "../src/territory/insee_variables.ts";

const schema = z.object({
  commune: z.string().transform((s) => s.trim().toUpperCase()).refine((s) => /^(\d{5}|2[AB]\d{3})$/.test(s), {
    error: "le code commune (CODGEO) doit avoir 5 caractères, par exemple 26281 (Romans-sur-Isère) ou 2A004",
  }),
  label: z.string().nullable(),
  region: z.string().nullable(),
  departement: z.string().nullable(),
});

type CommuneStats = z.infer<typeof schema>;

export const territoryInseeLoader: LoaderSpec<CommuneStats> = {
  kind: "territoire",
  format: "insee-comparateur",
  label: "statistiques des communes de l'INSEE (comparateur de territoires, dossier complet)",
  tables: { stg_territory_stats: ["commune_insee", "source", "code"] },
  needsStructure: false,
  fields: {
    commune: {
      type: "text",
      aliases: ["CODGEO", "Code géographique", "Code commune", "Code INSEE"],
      required: true,
    },
    label: { type: "text", aliases: ["LIBGEO", "Libellé géographique", "Libellé commune"], optional: true },
    region: { type: "text", aliases: ["REG", "Région"], optional: true },
    departement: { type: "text", aliases: ["DEP", "Département"], optional: true },
  },
  schema,
  // The variable columns are not fields: their codes change with the vintage.
  keepUnknownColumns: true,
  acceptsHeader: (headers) => headers.some((h) => parseInseeCode(h) !== null),
  unknownColumnIssue(header) {
    if (parseInseeCode(header)) return null;
    return {
      severity: "avertissement",
      message: `la colonne « ${header} » n'est pas un code de variable INSEE (P21_POP, MED21, TP6021…) : ` +
        `mise de côté. Gardez la ligne des codes comme en-tête (pas celle des libellés).`,
    };
  },
  toRows(r, _ctx, extras) {
    return (extras?.unknownCells ?? []).flatMap(({ header, value }) => {
      const parsed = parseInseeCode(header);
      if (!parsed) return [];
      const cell = readInseeValue(value);
      return [{
        table: "stg_territory_stats",
        row: {
          commune_insee: r.commune,
          commune_label: r.label,
          source: "insee",
          code: parsed.code,
          variable: parsed.variable,
          vintage: parsed.vintage,
          value: cell.value,
          status: cell.status,
        },
      }];
    });
  },
};
