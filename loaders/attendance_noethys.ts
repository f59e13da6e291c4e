/**
 * Loader for attendance from Noethys `consommations`. Every row is kept with its state; only
 * `present` counts as a visit.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";

/** Noethys states, and the spellings other exports use for them. */
const STATES: Record<string, string> = {
  present: "present",
  "présent": "present",
  absentj: "absentj",
  absenti: "absenti",
  absent: "absenti",
  reservation: "reservation",
  attente: "attente",
  refus: "refus",
  annule: "annule",
  "annulé": "annule",
};

const schema = z.object({
  conso_id: z.string().min(1),
  person_id: z.string().min(1),
  registration_id: z.string().nullable(),
  activity_id: z.string().nullable(),
  date: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  state: z.string().transform((s, ctx) => {
    const state = STATES[s.trim().toLowerCase()];
    if (state) return state;
    ctx.addIssue({
      code: "custom",
      message:
        `état « ${s} » inconnu (attendu : present, absentj, absenti, reservation, attente, refus, annule)`,
    });
    return z.NEVER;
  }),
  quantity: z.number().nullable(),
}).refine((r) => !r.start || !r.end || r.start < r.end, {
  message: "l'heure de fin n'est pas après l'heure de début",
  path: ["end"],
});

/** A constant SQL string literal (the loader's own vocabulary, never a user's value). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Minutes since midnight of an "HH:MM" SQL expression. */
const minutesSql = (time: string) => `(CAST(${time}[1:2] AS INTEGER) * 60 + CAST(${time}[4:5] AS INTEGER))`;

function hoursBetween(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return (minutes(end) - minutes(start)) / 60;
}

export const attendanceNoethysLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "attendance",
  format: "noethys-consommations",
  label: "consommations (présences Noethys)",
  tables: { stg_attendance: ["structure_id", "record_ref"] },
  periodColumn: "visit_date",
  needsStructure: true,
  fields: {
    conso_id: { type: "text", aliases: ["IDconso", "N° consommation"], required: true },
    person_id: { type: "text", aliases: ["IDindividu", "N° individu"], required: true },
    registration_id: { type: "text", aliases: ["IDinscription"], optional: true },
    activity_id: { type: "text", aliases: ["IDactivite", "Activité"], optional: true },
    date: { type: "date", aliases: ["Date", "Date de la consommation"], required: true },
    unit: { type: "text", aliases: ["IDunite"], optional: true },
    start: { type: "time", aliases: ["heure_debut", "Heure de début", "Début"], optional: true },
    end: { type: "time", aliases: ["heure_fin", "Heure de fin", "Fin"], optional: true },
    state: { type: "text", aliases: ["etat", "État"], required: true },
    quantity: { type: "number", aliases: ["quantite", "Quantité"], optional: true },
  },
  schema,
  // The same rules in SQL for big files; states only in Noethys' own lowercase spelling (other
  // spellings go through the schema above).
  sql: {
    accepts: `conso_id IS NOT NULL AND person_id IS NOT NULL AND "date" IS NOT NULL
      AND state IN (${Object.keys(STATES).map(literal).join(", ")})
      AND (start IS NULL OR "end" IS NULL OR start < "end")`,
    columns: {
      structure_id: "structure_id",
      record_ref: "'noethys:' || conso_id",
      person_ref: "person_ref",
      activity_label: "activity_id",
      visit_date: '"date"',
      hours: `CASE WHEN start IS NOT NULL AND "end" IS NOT NULL
        THEN (${minutesSql('"end"')} - ${minutesSql("start")}) / 60 END`,
      state: `CASE state ${
        Object.entries(STATES).map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`).join(" ")
      } END`,
      is_presence: `CASE state ${
        Object.entries(STATES).map(([k, v]) => `WHEN ${literal(k)} THEN ${v === "present"}`).join(" ")
      } END`,
    },
    pseudonyms: { person_ref: { field: "person_id", parts: (structure, id) => ["noethys", structure!, id] } },
  },
  toRows(r, ctx) {
    return [{
      table: "stg_attendance",
      row: {
        structure_id: ctx.structureId,
        record_ref: `noethys:${r.conso_id}`,
        person_ref: ctx.pseudonym(["noethys", ctx.structureId!, r.person_id]),
        activity_label: r.activity_id,
        visit_date: r.date,
        hours: hoursBetween(r.start, r.end),
        state: r.state,
        is_presence: r.state === "present",
      },
    }];
  },
};
