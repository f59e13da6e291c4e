/**
 * Loader for time-bank exchanges (échanges de l'Accorderie): one line per time cheque, an hour
 * given by one member and received by another. Both members become the same pseudonym as in the
 * members list (see timebank_members.ts); names are never stored.
 */
import { z } from "zod";
import { nameParts, redactNames } from "../src/privacy/redact_text.ts";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { memberNumberOf, memberRef, nameKey } from "./timebank_members.ts";

/** Categories of services as stored. */
export const CATEGORIES = [
  "accompagnement",
  "administratif",
  "bien-être",
  "bricolage",
  "couture",
  "cuisine",
  "garde",
  "informatique",
  "jardinage",
  "langues",
  "ménage",
  "soutien scolaire",
  "transport",
  "autre",
] as const;

/** Normalised spellings → category. */
const CATEGORY_SPELLINGS: Record<string, (typeof CATEGORIES)[number]> = {
  accompagnement: "accompagnement",
  accompagnements: "accompagnement",
  visite: "accompagnement",
  visites: "accompagnement",
  convivialite: "accompagnement",
  administratif: "administratif",
  administratives: "administratif",
  demarches: "administratif",
  demarchesadministratives: "administratif",
  papiers: "administratif",
  bienetre: "bien-être",
  soins: "bien-être",
  bricolage: "bricolage",
  reparation: "bricolage",
  reparations: "bricolage",
  petitsbricolages: "bricolage",
  couture: "couture",
  tricot: "couture",
  cuisine: "cuisine",
  repas: "cuisine",
  patisserie: "cuisine",
  garde: "garde",
  gardedenfants: "garde",
  gardedanimaux: "garde",
  informatique: "informatique",
  numerique: "informatique",
  informatiquenumerique: "informatique",
  jardinage: "jardinage",
  jardin: "jardinage",
  langues: "langues",
  langue: "langues",
  conversation: "langues",
  menage: "ménage",
  entretien: "ménage",
  soutienscolaire: "soutien scolaire",
  aideauxdevoirs: "soutien scolaire",
  transport: "transport",
  transports: "transport",
  covoiturage: "transport",
  deplacements: "transport",
  autre: "autre",
  autres: "autre",
  divers: "autre",
};

/** The category of a typed value ("Bricolage", "Informatique / numérique", "Jardin"), or null. */
export function categoryOf(value: string): string | null {
  return CATEGORY_SPELLINGS[normaliseHeader(value)] ?? null;
}

/** The longest exchange accepted, in hours: a longer one is a typing error or several cheques. */
export const MAX_HOURS = 12;

const schema = z.object({
  date: z.string(),
  giver_number: z.string().nullable(),
  giver: z.string().nullable(),
  receiver_number: z.string().nullable(),
  receiver: z.string().nullable(),
  service: z.string().nullable(),
  category: z.string().nullable(),
  hours: z.number()
    .positive({ error: "durée nulle : un échange compte au moins quelques minutes" })
    .max(MAX_HOURS, {
      error:
        `durée de plus de ${MAX_HOURS} h : un échange aussi long est sans doute une erreur de saisie ou plusieurs chèques temps`,
    }),
}).superRefine((r, ctx) => {
  if (r.giver === null && r.giver_number === null) {
    ctx.addIssue({
      code: "custom",
      message: "accordeur qui offre manquant : indiquez son nom ou son numéro",
      path: ["giver"],
    });
  }
  if (r.receiver === null && r.receiver_number === null) {
    ctx.addIssue({
      code: "custom",
      message: "accordeur qui reçoit manquant : indiquez son nom ou son numéro",
      path: ["receiver"],
    });
  }
  const same = r.giver_number !== null && r.receiver_number !== null
    ? memberNumberOf(r.giver_number) === memberNumberOf(r.receiver_number)
    : r.giver !== null && r.receiver !== null && nameKey(r.giver) === nameKey(r.receiver);
  if (same) {
    ctx.addIssue({
      code: "custom",
      message: "l'accordeur qui offre est aussi celui qui reçoit : un échange se fait entre deux accordeurs",
      path: ["receiver"],
    });
  }
});

export const timebankExchangesLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "timebank_exchanges",
  format: "echanges-accorderie",
  label: "échanges de l'Accorderie (chèques temps)",
  tables: { stg_timebank_exchanges: ["structure_id", "exchange_ref"] },
  periodColumn: "exchange_date",
  needsStructure: true,
  fields: {
    date: {
      type: "date",
      aliases: ["Date", "Date de l'échange", "Date échange", "Date du service", "Jour"],
      required: true,
    },
    giver_number: {
      type: "text",
      aliases: [
        "N° offrant",
        "N° accordeur offrant",
        "N° accordeur qui offre",
        "Numéro offrant",
        "N° donneur",
        "N° de l'offrant",
        "N° offreur",
        "Numéro offreur",
        "N° de l'offreur",
      ],
      optional: true,
    },
    giver: {
      type: "text",
      // « Offreur » / « Demandeur »: the Accorderie's own words for who offers and who asks.
      aliases: [
        "Accordeur qui offre",
        "Offrant",
        "Offreur",
        "Donneur",
        "Offert par",
        "Accordeur offrant",
        "Accordeur offreur",
        "Qui offre",
      ],
      required: true,
      optional: true,
      personal: true,
    },
    receiver_number: {
      type: "text",
      aliases: [
        "N° receveur",
        "N° accordeur receveur",
        "N° accordeur qui reçoit",
        "Numéro receveur",
        "N° bénéficiaire",
        "N° du receveur",
        "N° demandeur",
        "Numéro demandeur",
        "N° du demandeur",
      ],
      optional: true,
    },
    receiver: {
      type: "text",
      aliases: [
        "Accordeur qui reçoit",
        "Receveur",
        "Demandeur",
        "Accordeur demandeur",
        "Bénéficiaire",
        "Reçu par",
        "Accordeur receveur",
        "Qui reçoit",
      ],
      required: true,
      optional: true,
      personal: true,
    },
    // Free text may name a third person ("accompagner Mme X chez le médecin"): it is stored as
    // the description of the service, like an activity label; exports rarely name anyone there.
    service: {
      type: "text",
      aliases: ["Service", "Service rendu", "Description", "Nature du service", "Libellé"],
      optional: true,
    },
    category: {
      type: "text",
      aliases: ["Catégorie", "Catégorie de service", "Domaine", "Type de service", "Rubrique"],
      optional: true,
    },
    hours: {
      type: "duration",
      aliases: ["Durée", "Durée (h)", "Heures", "Nombre d'heures", "Temps", "Chèque temps", "Temps échangé"],
      required: true,
    },
  },
  schema,
  warnings(r) {
    if (r.category === null || categoryOf(r.category) !== null) return [];
    return [{
      field: "category",
      message: `catégorie « ${r.category} » inconnue : l'échange est classé « autre » (attendu : ${
        CATEGORIES.join(", ")
      })`,
    }];
  },
  toRows(r, ctx) {
    const giverRef = memberRef(ctx, r.giver_number, nameKey(r.giver));
    const receiverRef = memberRef(ctx, r.receiver_number, nameKey(r.receiver));
    const hours = Math.round(r.hours * 10000) / 10000;
    return [{
      table: "stg_timebank_exchanges",
      row: {
        structure_id: ctx.structureId,
        // An export has no cheque number: the same day, members, service and duration is one exchange.
        exchange_ref: ctx.pseudonym([
          "echange",
          ctx.structureId!,
          r.date,
          giverRef,
          receiverRef,
          normaliseHeader(r.service ?? ""),
          String(hours),
        ]),
        exchange_date: r.date,
        giver_ref: giverRef,
        receiver_ref: receiverRef,
        // A description may name a third person (« accompagner Mme X ») or a member: masked.
        service: r.service === null
          ? null
          : redactNames(r.service, [...nameParts(r.giver), ...nameParts(r.receiver)]),
        category: r.category === null ? null : categoryOf(r.category) ?? "autre",
        hours,
      },
    }];
  },
};
