/**
 * Loader for typed attendance sheets (feuilles d'émargement): one line per person and session.
 * The person is pseudonymised from name and birth year; the neighbourhood becomes a QPV flag.
 */
import { z } from "zod";
import type { LoaderSpec, TableRow } from "../src/ingest/loader_spec.ts";

const schema = z.object({
  date: z.string(),
  last_name: z.string().min(1),
  first_name: z.string().min(1),
  birth_year: z.number().int().min(1900, { error: "année de naissance invalide" })
    .max(2030, { error: "année de naissance invalide" }).nullable(),
  neighbourhood: z.string().nullable(),
  activity: z.string().nullable(),
  hours: z.number().nullable(),
});

export const attendanceSheetLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "attendance",
  format: "feuille-emargement",
  label: "feuille d'émargement",
  tables: {
    stg_attendance: ["structure_id", "record_ref"],
    stg_people: ["structure_id", "person_ref"],
  },
  periodColumn: "visit_date",
  needsStructure: true,
  fields: {
    date: { type: "date", aliases: ["Date", "Date de la séance", "Jour"], required: true },
    last_name: { type: "text", aliases: ["Nom"], required: true, personal: true },
    first_name: { type: "text", aliases: ["Prénom"], required: true, personal: true },
    birth_year: {
      type: "number",
      aliases: ["Année de naissance", "Année naissance"],
      optional: true,
      lenient: true,
      personal: true,
    },
    neighbourhood: { type: "text", aliases: ["Quartier", "Secteur"], optional: true },
    activity: { type: "text", aliases: ["Atelier", "Activité", "Action"], optional: true },
    hours: { type: "duration", aliases: ["Durée", "Durée (h)", "Heures", "Temps"], required: true },
  },
  schema,
  toRows(r, ctx): TableRow[] {
    const birth = r.birth_year === null ? "" : String(r.birth_year);
    const personRef = ctx.pseudonym(["emargement", ctx.structureId!, r.last_name, r.first_name, birth]);
    return [
      {
        table: "stg_attendance",
        row: {
          structure_id: ctx.structureId,
          // A sheet has no line id: the same person, day, workshop and duration is one visit.
          record_ref: `feuille:${ctx.pseudonym([personRef, r.date, r.activity ?? "", String(r.hours)])}`,
          person_ref: personRef,
          activity_label: r.activity,
          visit_date: r.date,
          hours: r.hours,
          state: "present",
          is_presence: true,
        },
      },
      {
        table: "stg_people",
        row: {
          structure_id: ctx.structureId,
          person_ref: personRef,
          person_key: personRef,
          birth_year: r.birth_year,
          postcode: null,
          lives_in_qpv: r.neighbourhood ? ctx.qpvOf(r.neighbourhood) !== null : null,
          // A sign-in sheet says nothing of sex, residence or family quotient.
          sex: null,
          commune_insee: null,
          qf_band: null,
        },
      },
    ];
  },
};
