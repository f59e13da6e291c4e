/** Loader for registrations to activities (Noethys `inscriptions`). */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";

const schema = z.object({
  registration_id: z.string().min(1),
  person_id: z.string().min(1),
  activity_id: z.string().min(1),
  activity: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  status: z.string().nullable(),
}).refine((r) => !r.start || !r.end || r.start <= r.end, {
  message: "la date de désinscription précède la date d'inscription",
  path: ["end"],
});

export const registrationsNoethysLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "registrations",
  format: "noethys-inscriptions",
  label: "inscriptions (Noethys)",
  tables: { stg_registrations: ["structure_id", "registration_ref"] },
  needsStructure: true,
  fields: {
    registration_id: { type: "text", aliases: ["IDinscription", "N° inscription"], required: true },
    person_id: { type: "text", aliases: ["IDindividu", "N° individu"], required: true },
    family_id: { type: "text", aliases: ["IDfamille"], optional: true },
    activity_id: { type: "text", aliases: ["IDactivite", "Code activité"], required: true },
    activity: { type: "text", aliases: ["activite", "Activité", "Nom de l'activité"], optional: true },
    start: { type: "date", aliases: ["date_inscription", "Date d'inscription"], optional: true },
    end: { type: "date", aliases: ["date_desinscription", "Date de désinscription"], optional: true },
    status: { type: "text", aliases: ["statut", "État"], optional: true },
  },
  schema,
  toRows(r, ctx) {
    return [{
      table: "stg_registrations",
      row: {
        structure_id: ctx.structureId,
        registration_ref: r.registration_id,
        person_ref: ctx.pseudonym(["noethys", ctx.structureId!, r.person_id]),
        activity_id: r.activity_id,
        activity_label: r.activity,
        start_date: r.start,
        end_date: r.end,
        status: r.status,
      },
    }];
  },
};
