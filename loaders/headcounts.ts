/**
 * Loader for head counts of open events (fête de quartier, sortie, café des parents…): one line
 * per session with the number of adults, children, QPV inhabitants and volunteers present. Nobody
 * is named: these are counts, not attendance lists.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";

const count = z.number()
  .int({ error: "nombre entier attendu : un effectif compte des personnes" })
  .min(0, { error: "un effectif ne peut pas être négatif" })
  .nullable();

const schema = z.object({
  date: z.string(),
  action: z.string().min(1),
  adults: count,
  children: count,
  qpv_inhabitants: count,
  volunteers_present: count,
  place: z.string().nullable(),
  remark: z.string().nullable(),
  total: z.number().nullable(),
}).superRefine((r, ctx) => {
  if (
    r.adults === null && r.children === null && r.qpv_inhabitants === null && r.volunteers_present === null
  ) {
    ctx.addIssue({
      code: "custom",
      message: "aucun effectif renseigné : indiquez au moins le nombre d'adultes ou d'enfants",
      path: ["adults"],
    });
    return;
  }
  const participants = (r.adults ?? 0) + (r.children ?? 0);
  if (r.qpv_inhabitants !== null && r.qpv_inhabitants > participants) {
    ctx.addIssue({
      code: "custom",
      message:
        `${r.qpv_inhabitants} habitants QPV pour ${participants} participants (adultes + enfants) : les habitants QPV font partie des participants`,
      path: ["qpv_inhabitants"],
    });
  }
});

export const headcountsLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "headcounts",
  format: "comptage-evenements",
  label: "comptages de participants (événements ouverts)",
  tables: { stg_headcounts: ["structure_id", "record_ref"] },
  periodColumn: "event_date",
  needsStructure: true,
  fields: {
    date: {
      type: "date",
      aliases: [
        "Date",
        "Date de l'action",
        "Date de l'événement",
        "Date de la séance",
        "Date de la sortie",
        "Jour",
      ],
      required: true,
    },
    action: {
      type: "text",
      aliases: [
        "Action",
        "Événement",
        "Évènement",
        "Manifestation",
        "Animation",
        "Intitulé",
        "Nom de l'action",
        "Activité",
      ],
      required: true,
    },
    adults: {
      type: "number",
      aliases: ["Adultes", "Nb adultes", "Nombre d'adultes", "Adultes présents", "Nbre adultes"],
      required: true,
      optional: true,
    },
    children: {
      type: "number",
      aliases: [
        "Enfants",
        "Nb enfants",
        "Nombre d'enfants",
        "Enfants présents",
        "Nbre enfants",
        "Enfants et jeunes",
        "Moins de 18 ans",
        "Mineurs",
      ],
      required: true,
      optional: true,
    },
    qpv_inhabitants: {
      type: "number",
      aliases: [
        "Dont habitants QPV",
        "Habitants QPV",
        "Dont QPV",
        "QPV",
        "Nb habitants QPV",
        "Dont habitants du QPV",
        "Dont habitants du quartier prioritaire",
        "Habitants quartier prioritaire",
      ],
      optional: true,
    },
    volunteers_present: {
      type: "number",
      aliases: ["Bénévoles présents", "Bénévoles", "Nb bénévoles", "Nombre de bénévoles", "Nbre bénévoles"],
      optional: true,
    },
    place: { type: "text", aliases: ["Lieu", "Salle", "Adresse", "Lieu de l'action"], optional: true },
    // Free text may name people: read so the column is not reported as unknown, never stored.
    remark: {
      type: "text",
      aliases: ["Remarque", "Remarques", "Observations", "Commentaire", "Commentaires"],
      optional: true,
      personal: true,
    },
    // A total column is recomputed from adults + children: read, checked as a number, not stored.
    total: {
      type: "number",
      aliases: ["Total", "Total participants", "Nombre de participants", "Participants"],
      optional: true,
      lenient: true,
    },
  },
  schema,
  toRows(r, ctx) {
    return [{
      table: "stg_headcounts",
      row: {
        structure_id: ctx.structureId,
        // One session per action and day: the same line sent again updates it.
        record_ref: ctx.pseudonym(["comptage", ctx.structureId!, r.date, normaliseHeader(r.action)]),
        event_date: r.date,
        action: r.action,
        adults: r.adults,
        children: r.children,
        qpv_inhabitants: r.qpv_inhabitants,
        volunteers_present: r.volunteers_present,
        place: r.place,
      },
    }];
  },
};
