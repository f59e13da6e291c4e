/**
 * Loader for volunteering logs (volunteer, month or date, mission, hours, optional birth date).
 * The name is read only to compute pseudonyms: `volunteer_ref` per structure, and, when the log
 * gives a birth date, `volunteer_key` that links the volunteer across structures (volunteer_key.ts).
 * Neither the name nor the birth date is stored.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { volunteerKey } from "./volunteer_key.ts";

const schema = z.object({
  volunteer: z.string().min(1),
  birth_date: z.string().nullable(),
  month: z.string().nullable(),
  date: z.string().nullable(),
  mission: z.string().nullable(),
  hours: z.number().positive({ error: "un nombre d'heures positif est attendu" }),
}).refine((r) => r.month !== null || r.date !== null, {
  message: "ni mois ni date : impossible de dater ces heures",
  path: ["month"],
});

export const volunteeringLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "volunteering",
  format: "suivi-benevolat",
  label: "heures de bénévolat",
  tables: { stg_volunteering: ["structure_id", "record_ref"] },
  periodColumn: "month",
  needsStructure: true,
  fields: {
    volunteer: {
      type: "text",
      aliases: ["Bénévole", "Nom du bénévole", "Bénévoles"],
      required: true,
      personal: true,
    },
    birth_date: {
      type: "date",
      aliases: ["Date de naissance", "Né(e) le", "Né le", "Née le", "Date naiss."],
      optional: true,
      lenient: true,
      personal: true,
    },
    month: { type: "month", aliases: ["Mois", "Période"], optional: true },
    date: { type: "date", aliases: ["Date"], optional: true },
    mission: { type: "text", aliases: ["Mission", "Activité", "Action"], optional: true },
    hours: { type: "duration", aliases: ["Heures", "Durée", "Nombre d'heures", "Temps"], required: true },
  },
  schema,
  toRows(r, ctx) {
    const volunteerRef = ctx.pseudonym(["benevole", ctx.structureId!, r.volunteer]);
    const month = `${(r.date ?? r.month)!.slice(0, 7)}-01`;
    return [{
      table: "stg_volunteering",
      row: {
        structure_id: ctx.structureId,
        record_ref: ctx.pseudonym([volunteerRef, r.date ?? r.month!, r.mission ?? "", String(r.hours)]),
        volunteer_ref: volunteerRef,
        volunteer_key: volunteerKey(ctx, r.volunteer, r.birth_date),
        month,
        activity_date: r.date,
        mission: r.mission,
        hours: r.hours,
      },
    }];
  },
};
