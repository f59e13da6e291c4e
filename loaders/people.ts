/**
 * Loader for people (Noethys `individus`, or labelled exports of other software). Names and
 * birth dates are read only to compute pseudonyms and a birth year; they are never stored.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";

const schema = z.object({
  person_id: z.string().min(1),
  family_id: z.string().nullable(),
  last_name: z.string().min(1),
  first_name: z.string().min(1),
  birth_date: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  neighbourhood: z.string().nullable(),
});

export const peopleNoethysLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "people",
  format: "noethys-individus",
  label: "individus (Noethys ou logiciel de gestion)",
  tables: { stg_people: ["structure_id", "person_ref"] },
  needsStructure: true,
  fields: {
    person_id: {
      type: "text",
      aliases: ["IDindividu", "N° individu", "Identifiant individu"],
      required: true,
    },
    family_id: { type: "text", aliases: ["IDfamille", "N° famille"], optional: true },
    last_name: { type: "text", aliases: ["nom", "Nom de famille"], required: true, personal: true },
    first_name: { type: "text", aliases: ["prenom", "Prénom"], required: true, personal: true },
    birth_date: {
      type: "date",
      aliases: ["date_naiss", "Date de naissance", "Né le"],
      optional: true,
      lenient: true,
      personal: true,
    },
    postcode: { type: "text", aliases: ["cp_resid", "Code postal", "CP"], optional: true },
    town: { type: "text", aliases: ["ville_resid", "Ville", "Commune"], optional: true, personal: true },
    neighbourhood: { type: "text", aliases: ["secteur", "Quartier", "IDsecteur"], optional: true },
  },
  schema,
  toRows(r, ctx) {
    const personRef = ctx.pseudonym(["noethys", ctx.structureId!, r.person_id]);
    // Name + birth date identify a person across structures; without a birth date we do not
    // risk merging two namesakes.
    const personKey = r.birth_date
      ? ctx.pseudonym(["personne", r.last_name, r.first_name, r.birth_date])
      : personRef;
    return [{
      table: "stg_people",
      row: {
        structure_id: ctx.structureId,
        person_ref: personRef,
        person_key: personKey,
        birth_year: r.birth_date ? Number(r.birth_date.slice(0, 4)) : null,
        postcode: r.postcode,
        lives_in_qpv: r.neighbourhood ? ctx.qpvOf(r.neighbourhood) !== null : null,
      },
    }];
  },
};
