/**
 * Loader for Noethys families (`familles`): one household per line. The CAF number and e-mail are
 * read and dropped; the family quotient becomes a band, postcode and town a commune INSEE code.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { communeOf, qfBand, residenceWarnings } from "./people_common.ts";

const schema = z.object({
  family_id: z.string().min(1),
  fund_id: z.string().nullable(),
  caf_number: z.string().nullable(),
  qf: z.number().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  email: z.string().nullable(),
  children: z.number().int({ error: "nombre d'enfants invalide" })
    .min(0, { error: "nombre d'enfants invalide" }).max(30, { error: "nombre d'enfants invalide" })
    .nullable(),
});

export const householdsNoethysLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "households",
  format: "noethys-familles",
  label: "familles Noethys",
  tables: { stg_households: ["structure_id", "household_ref"] },
  needsStructure: true,
  fields: {
    family_id: { type: "text", aliases: ["IDfamille"], required: true },
    // The paying fund (CAF, MSA…): with IDfamille, what tells a familles export apart.
    fund_id: { type: "text", aliases: ["IDcaisse"], required: true, optional: true },
    caf_number: {
      type: "text",
      aliases: ["num_allocataire", "N° allocataire"],
      optional: true,
      personal: true,
    },
    qf: {
      type: "number",
      aliases: ["quotient", "Quotient familial"],
      optional: true,
      lenient: true,
      personal: true,
    },
    postcode: { type: "text", aliases: ["cp", "cp_resid", "Code postal"], optional: true },
    town: { type: "text", aliases: ["ville", "ville_resid", "Ville"], optional: true, personal: true },
    email: {
      type: "text",
      aliases: ["email", "email_factures", "email_recus"],
      optional: true,
      personal: true,
    },
    children: {
      type: "number",
      aliases: ["nbre_enfants", "nb_enfants", "Nombre d'enfants"],
      optional: true,
      lenient: true,
    },
  },
  schema,
  warnings: (r) => residenceWarnings(r),
  toRows(r, ctx) {
    return [{
      table: "stg_households",
      row: {
        structure_id: ctx.structureId,
        household_ref: ctx.pseudonym(["noethys-famille", ctx.structureId!, r.family_id]),
        qf_band: qfBand(r.qf),
        commune_insee: communeOf(r.postcode, r.town),
        children: r.children,
      },
    }];
  },
};
