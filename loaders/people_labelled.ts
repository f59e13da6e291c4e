/**
 * Loader for people exported with French labels by management software other than Noethys
 * (AIGA/iNoé, Arpège/Concerto…). Names, birth dates, addresses, CAF numbers and e-mails are
 * read only to compute pseudonyms and minimised attributes (birth year, sex, commune, QPV flag,
 * family quotient band); they are never stored.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { personRow, personSchema, residenceWarnings } from "./people_common.ts";

const schema = personSchema.extend({
  address: z.string().nullable(),
  qf: z.number().nullable(),
  caf_number: z.string().nullable(),
  email: z.string().nullable(),
});

export const peopleLabelledLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "people",
  format: "logiciel-gestion-individus",
  label: "individus (logiciel de gestion)",
  tables: { stg_people: ["structure_id", "person_ref"] },
  needsStructure: true,
  fields: {
    // Not « N° individu » nor « IDindividu »: those are Noethys (people.ts).
    person_id: {
      type: "text",
      aliases: [
        "N° adhérent",
        "Numéro adhérent",
        "N° d'adhérent",
        "Identifiant",
        "Identifiant adhérent",
        "Code adhérent",
        "Réf. adhérent",
        "N° usager",
        "N° dossier individu",
      ],
      required: true,
    },
    family_id: { type: "text", aliases: ["N° famille", "N° foyer", "Code famille"], optional: true },
    last_name: {
      type: "text",
      aliases: ["Nom", "Nom de famille", "Nom d'usage"],
      required: true,
      personal: true,
    },
    first_name: { type: "text", aliases: ["Prénom"], required: true, personal: true },
    birth_date: {
      type: "date",
      aliases: ["Date de naissance", "Né(e) le", "Naissance"],
      optional: true,
      lenient: true,
      personal: true,
    },
    sex: { type: "text", aliases: ["Sexe", "Genre", "Civilité"], optional: true },
    address: { type: "text", aliases: ["Adresse", "Adresse 1", "Rue"], optional: true, personal: true },
    postcode: { type: "text", aliases: ["Code postal", "CP"], optional: true },
    town: { type: "text", aliases: ["Ville", "Commune"], optional: true, personal: true },
    qf: {
      type: "number",
      aliases: ["Quotient familial", "QF", "Quotient", "QF CAF"],
      optional: true,
      lenient: true,
      personal: true,
    },
    caf_number: {
      type: "text",
      aliases: ["N° allocataire", "Numéro allocataire", "N° CAF", "Numéro CAF", "N° allocataire CAF"],
      optional: true,
      personal: true,
    },
    email: {
      type: "text",
      aliases: ["E-mail", "Email", "Courriel", "Adresse e-mail", "Mail"],
      optional: true,
      personal: true,
    },
    neighbourhood: { type: "text", aliases: ["Quartier", "Secteur"], optional: true },
  },
  schema,
  warnings: (r) => residenceWarnings(r),
  toRows(r, ctx) {
    return [personRow(ctx, "logiciel-gestion", {
      id: r.person_id,
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      sex: r.sex,
      postcode: r.postcode,
      town: r.town,
      neighbourhood: r.neighbourhood,
      qf: r.qf,
    })];
  },
};
