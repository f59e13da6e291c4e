/** Loader for the structures registry (one row per centre social or EVS). */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";

const schema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: "identifiant invalide : minuscules, chiffres et tirets uniquement (ex. « saint-nicolas »)",
  }),
  name: z.string().min(1),
  type: z.string().transform((t, ctx) => {
    const v = t.toLowerCase();
    if (v.includes("centre")) return "Centre social";
    if (v === "evs" || v.includes("espace")) return "EVS";
    ctx.addIssue({ code: "custom", message: `type « ${t} » inconnu : « Centre social » ou « EVS » attendu` });
    return z.NEVER;
  }),
  insee: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, { error: "code INSEE à 5 caractères attendu" })
    .nullable(),
  commune: z.string().nullable(),
  qpv: z.string().nullable(),
  cooperation: z.boolean().nullable(),
  cluster: z.boolean().nullable(),
  federation: z.boolean().nullable(),
  approval: z.string().nullable(),
  siret: z.string().nullable().transform((v, ctx) => {
    if (v === null) return null;
    const digits = v.replace(/[\s\u00a0\u202f.]/g, "");
    if (/^\d{14}$/.test(digits)) return digits;
    ctx.addIssue({ code: "custom", message: "SIRET invalide : 14 chiffres attendus (espaces permis)" });
    return z.NEVER;
  }),
});

export const structuresLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "structures",
  format: "registre-structures",
  label: "registre des structures",
  tables: { stg_structures: ["structure_id"] },
  needsStructure: false,
  fields: {
    id: { type: "text", aliases: ["Identifiant", "id", "Code structure"], required: true },
    name: { type: "text", aliases: ["Nom", "Nom de la structure", "Structure"], required: true },
    type: { type: "text", aliases: ["Type", "Type de structure"], required: true },
    insee: { type: "text", aliases: ["Code INSEE", "INSEE", "Code commune"], optional: true },
    commune: { type: "text", aliases: ["Commune", "Ville"], optional: true },
    qpv: { type: "text", aliases: ["QPV desservi", "QPV"], optional: true },
    cooperation: { type: "flag", aliases: ["Coopération", "La Coopération"], optional: true },
    cluster: { type: "flag", aliases: ["Cluster"], optional: true },
    federation: { type: "flag", aliases: ["Fédération", "Adhérent fédération"], optional: true },
    approval: { type: "date", aliases: ["Date d'agrément", "Agrément"], optional: true },
    // Matches the subsidies published by funders (SCDL) to the structure.
    siret: { type: "text", aliases: ["SIRET", "N° SIRET", "Numéro SIRET"], optional: true },
  },
  schema,
  toRows(r) {
    return [{
      table: "stg_structures",
      row: {
        structure_id: r.id,
        name: r.name,
        structure_type: r.type,
        insee_code: r.insee,
        commune: r.commune,
        qpv_served: r.qpv || null,
        in_cooperation: r.cooperation,
        in_cluster: r.cluster,
        in_federation: r.federation,
        approval_date: r.approval,
        siret: r.siret,
      },
    }];
  },
};
