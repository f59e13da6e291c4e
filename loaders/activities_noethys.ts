/**
 * Loader for Noethys' activities, in the two forms Noethys writes them:
 * - its `activites` table, columns under their database names (`IDactivite`, `nom`, `abrege`,
 *   `date_debut`, `date_fin`, `public`… see Noethys' `Data/DATA_Tables.py`);
 * - its « Liste des activités » exported with « Exporter au format Texte »
 *   (`ExportTexte_<date>.txt`: `ID;Nom de l'activité;Abrégé;Période de validité`, `;`-separated,
 *   unquoted, UTF-8).
 *
 * Noethys knows neither sectors nor themes: those stay empty (the catalogue loader,
 * activities.ts, reads them where a structure types them). `IDactivite` is the id the Noethys
 * registrations and consumptions carry, so their activities get a name. The abbreviation is
 * required: with the id and the name it is what tells this table from others.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { activitiesLoader, type ActivityRecord } from "./activities.ts";

/** Noethys tables that also hold `IDactivite`, `nom` and `abrege`, but are not activities. */
const OTHER_TABLES: Record<string, string> = {
  IDgroupe: "groupes",
  IDunite: "unites",
  IDunite_remplissage: "unites_remplissage",
};

/**
 * Columns of the `activites` table and of the activities list that are not used here: address,
 * logo, portal and billing settings. Not worth a warning each; any other column still gets one.
 */
const KNOWN_UNUSED = new Set(
  [
    "coords_org",
    "rue",
    "cp",
    "ville",
    "tel",
    "fax",
    "mail",
    "site",
    "logo_org",
    "logo",
    "date_debut",
    "date_fin",
    "public",
    "vaccins_obligatoires",
    "date_creation",
    "nbre_inscrits_max",
    "code_comptable",
    "psu_activation",
    "psu_unite_prevision",
    "psu_unite_presence",
    "psu_tarif_forfait",
    "psu_etiquette_rtt",
    "portail_inscriptions_affichage",
    "portail_inscriptions_date_debut",
    "portail_inscriptions_date_fin",
    "portail_reservations_affichage",
    "portail_reservations_limite",
    "portail_reservations_absenti",
    "portail_unites_multiples",
    "regie",
    "Période de validité",
  ].map(normaliseHeader),
);

const schema = z.object({
  activity_id: z.string().min(1),
  label: z.string().min(1),
  short_label: z.string().nullable(),
  other_table: z.string().nullable(),
}).superRefine((r, ctx) => {
  if (r.other_table !== null) {
    ctx.addIssue({
      code: "custom",
      path: ["other_table"],
      message:
        "cette ligne vient d'une autre table Noethys (groupes ou unités), pas de la table des activités : exportez la table « activites »",
    });
  }
}).transform((r): ActivityRecord => ({
  activity_id: r.activity_id,
  label: r.label,
  sector: null,
  public: null,
  theme: null,
  senacs_theme: null,
  socle_dimension: null,
}));

export const activitiesNoethysLoader: LoaderSpec<ActivityRecord> = {
  kind: "activities",
  format: "noethys-activites",
  label: "activités Noethys",
  tables: activitiesLoader.tables,
  needsStructure: true,
  fields: {
    activity_id: { type: "text", aliases: ["IDactivite", "ID", "ID Activité"], required: true },
    label: {
      type: "text",
      aliases: ["nom", "Nom de l'activité", "Nom complet de l'activité"],
      required: true,
    },
    short_label: {
      type: "text",
      aliases: ["abrege", "Abrégé", "Nom abrégé"],
      required: true,
      optional: true,
    },
    other_table: { type: "text", aliases: Object.keys(OTHER_TABLES), optional: true },
  },
  schema: schema as unknown as z.ZodType<ActivityRecord>,
  unknownColumnIssue(header) {
    if (KNOWN_UNUSED.has(normaliseHeader(header))) return null;
    return {
      severity: "avertissement",
      message: `colonne inconnue « ${header} » : ignorée pour ce type d'export (activités Noethys)`,
    };
  },
  toRows: (r, ctx) => activitiesLoader.toRows(r, ctx),
};
