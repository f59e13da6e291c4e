/**
 * Loader for people exported by Noethys (`individus`); labelled exports of other software are
 * read by `people_labelled.ts`. Names and birth dates are read only to compute pseudonyms and
 * a birth year; they are never stored. Postcode and town become a commune INSEE code.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { UNTITLED_ID } from "../src/read/untitled_id_column.ts";
import { personRow, personSchema, residenceWarnings } from "./people_common.ts";

const schema = personSchema.extend({ civility: z.string().nullable() });

/**
 * Noethys' `individus` table has no sex column: `IDcivilite` codes it (Data/DATA_Civilites.py:
 * 1 Monsieur, 2 Mademoiselle, 3 Madame, 4 Garçon, 5 Fille; 6–9 are organisations).
 */
const SEX_OF_CIVILITY: Record<string, string> = { "1": "H", "2": "F", "3": "F", "4": "H", "5": "F" };

/** The sex written in the file, else the one of a Noethys civility code (null for others). */
export function noethysSex(sex: string | null, civility: string | null): string | null {
  return sex ?? (civility === null ? null : SEX_OF_CIVILITY[civility.trim()] ?? null);
}

export const peopleNoethysLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "people",
  format: "noethys-individus",
  label: "individus Noethys",
  tables: { stg_people: ["structure_id", "person_ref"] },
  needsStructure: true,
  fields: {
    person_id: {
      type: "text",
      // The Noethys list of individuals (ExportTexte) leaves its id column untitled.
      aliases: ["IDindividu", "N° individu", "Identifiant individu", UNTITLED_ID],
      required: true,
    },
    family_id: { type: "text", aliases: ["IDfamille", "N° famille"], optional: true },
    last_name: { type: "text", aliases: ["nom", "Nom de famille"], required: true, personal: true },
    first_name: { type: "text", aliases: ["prenom", "Prénom"], required: true, personal: true },
    birth_date: {
      type: "date",
      aliases: ["date_naiss", "Date de naissance", "Né le", "Date naiss."],
      optional: true,
      lenient: true,
      personal: true,
    },
    sex: { type: "text", aliases: ["sexe", "Sexe", "Genre"], optional: true },
    civility: { type: "text", aliases: ["IDcivilite"], optional: true },
    postcode: { type: "text", aliases: ["cp_resid", "Code postal", "CP"], optional: true },
    town: { type: "text", aliases: ["ville_resid", "Ville", "Commune"], optional: true, personal: true },
    neighbourhood: { type: "text", aliases: ["secteur", "Quartier", "IDsecteur"], optional: true },
  },
  schema,
  warnings: (r) => residenceWarnings(r),
  toRows(r, ctx) {
    // The family quotient is a household attribute: see loaders/households.ts.
    return [personRow(ctx, "noethys", {
      id: r.person_id,
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      sex: noethysSex(r.sex, r.civility),
      postcode: r.postcode,
      town: r.town,
      neighbourhood: r.neighbourhood,
      qf: null,
    })];
  },
};
