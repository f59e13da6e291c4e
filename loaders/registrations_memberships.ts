/**
 * Loader for membership lists (« liste des adhésions ») that structures keep in Excel or in other
 * software: one line per membership with the member, the dates, the type and the fee.
 *
 * People are pseudonymised exactly like the labelled people exports (people_labelled.ts), so one
 * person links across files: with a « N° adhérent » the reference comes from it (the same
 * `person_ref` as the people export of the same software); without one, from the normalised name
 * and birth date within the structure. `person_key` is the cross-structure key of
 * people_common.ts (name + birth date). Names, birth dates and communes as typed are never stored:
 * only the birth year and the commune INSEE code.
 *
 * The rows go to their own table `stg_memberships`, not to `stg_registrations`: a membership is
 * not a registration to an activity (no activity, a type and a fee instead), counting both in one
 * table would mix them, and a new table needs no schema version bump.
 *
 * @module
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { birthYear, communeOf, personPseudonyms, residenceWarnings } from "./people_common.ts";

/** Membership types as stored (`autre` keeps the typed label beside it). */
export const MEMBERSHIP_TYPES = ["individuelle", "familiale", "association", "bénévole", "autre"] as const;

/** Normalised spellings (see {@link normaliseHeader}) → type. */
const TYPE_SPELLINGS: Record<string, (typeof MEMBERSHIP_TYPES)[number]> = {
  individuelle: "individuelle",
  individuel: "individuelle",
  indiv: "individuelle",
  individu: "individuelle",
  adulte: "individuelle",
  personnephysique: "individuelle",
  adhesionindividuelle: "individuelle",
  cotisationindividuelle: "individuelle",
  familiale: "familiale",
  familial: "familiale",
  famille: "familiale",
  foyer: "familiale",
  adhesionfamiliale: "familiale",
  cotisationfamiliale: "familiale",
  association: "association",
  asso: "association",
  assoc: "association",
  personnemorale: "association",
  adhesionassociation: "association",
  adhesionassociative: "association",
  benevole: "bénévole",
  benevoles: "bénévole",
  adhesionbenevole: "bénévole",
  autre: "autre",
  autres: "autre",
};

/**
 * The type of a typed value (« Familiale (2 adultes) », « INDIVIDUELLE », « Asso. »), or null
 * when it is not one of the known spellings.
 *
 * @example
 * ```ts
 * membershipTypeOf("Adhésion familiale") // "familiale"
 * membershipTypeOf("Soutien") // null
 * ```
 */
export function membershipTypeOf(value: string): string | null {
  // Brackets only add detail: « Familiale (2 adultes) ».
  const bare = value.replace(/\([^)]*\)/g, " ");
  const whole = TYPE_SPELLINGS[normaliseHeader(bare)];
  if (whole) return whole;
  // « Individuelle adulte », « Famille QF1 »: the first word decides, then « Adhésion X ».
  const words = bare.trim().split(/[\s/–-]+/).map(normaliseHeader).filter((w) => w !== "");
  const first = TYPE_SPELLINGS[words[0] ?? ""];
  if (first) return first;
  return words[0] === "adhesion" || words[0] === "cotisation" ? TYPE_SPELLINGS[words[1] ?? ""] ?? null : null;
}

const schema = z.object({
  member_id: z.string().nullable(),
  last_name: z.string(),
  first_name: z.string().nullable(),
  birth_date: z.string().nullable(),
  start_date: z.string(),
  end_date: z.string().nullable(),
  membership_type: z.string().nullable(),
  amount: z.number().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
}).refine((r) => r.end_date === null || r.end_date >= r.start_date, {
  message: "la fin d'adhésion précède la date d'adhésion : vérifiez les deux dates",
  path: ["end_date"],
}).refine((r) => r.amount === null || r.amount >= 0, {
  message: "montant négatif : le montant payé pour l'adhésion est attendu",
  path: ["amount"],
}).refine(
  (r) =>
    r.member_id !== null || r.birth_date !== null ||
    (r.membership_type !== null && membershipTypeOf(r.membership_type) === "association"),
  {
    // Name alone would merge two namesakes: an id or a birth date is needed (not for an association).
    message: "ni N° adhérent ni date de naissance : impossible d'identifier l'adhérent sans risque " +
      "de confondre deux homonymes",
    path: ["last_name"],
  },
);

/** One validated membership line. */
export type Membership = z.infer<typeof schema>;

/** Headers of a member number, shared by the sign-in sheets that name members by it. */
export const MEMBER_NUMBER_ALIASES = [
  "N° adhérent",
  "Numéro adhérent",
  "Numéro d'adhérent",
  "N° d'adhérent",
  "Identifiant adhérent",
  "Code adhérent",
  "Réf. adhérent",
  "N° de carte",
  "N° carte adhérent",
] as const;

export const membershipsLoader: LoaderSpec<Membership> = {
  kind: "registrations",
  format: "liste-adhesions",
  label: "liste des adhésions",
  tables: { stg_memberships: ["structure_id", "person_ref", "start_date"] },
  // A corrected list of the same season (same or wider dates) replaces the earlier one.
  periodColumn: "start_date",
  needsStructure: true,
  fields: {
    // The same id headers as people_labelled.ts: both exports come from the same software.
    member_id: { type: "text", aliases: [...MEMBER_NUMBER_ALIASES], optional: true },
    last_name: {
      type: "text",
      aliases: ["Nom", "Nom de famille", "Nom d'usage", "Nom de l'adhérent", "Adhérent"],
      required: true,
      personal: true,
    },
    // The column is expected, the cell may be empty (an association has no first name).
    first_name: { type: "text", aliases: ["Prénom"], required: true, optional: true, personal: true },
    birth_date: {
      type: "date",
      aliases: ["Date de naissance", "Né(e) le", "Naissance"],
      optional: true,
      lenient: true,
      personal: true,
    },
    start_date: {
      type: "date",
      aliases: [
        "Date d'adhésion",
        "Date adhésion",
        "Adhésion le",
        "Début d'adhésion",
        "Début de l'adhésion",
        "Date de début d'adhésion",
        "Date de cotisation",
      ],
      required: true,
    },
    end_date: {
      type: "date",
      aliases: [
        "Fin d'adhésion",
        "Fin de l'adhésion",
        "Date de fin d'adhésion",
        "Date d'expiration",
        "Expiration",
        "Valable jusqu'au",
        "Fin de validité",
        "Date de fin",
      ],
      optional: true,
    },
    // Required column: it tells a membership list from a people export or the Accorderie's list.
    membership_type: {
      type: "text",
      aliases: [
        "Type d'adhésion",
        "Type adhésion",
        "Type d'adhérent",
        "Catégorie d'adhésion",
        "Type de cotisation",
        "Formule d'adhésion",
      ],
      required: true,
      optional: true,
    },
    amount: {
      type: "number",
      aliases: ["Montant", "Montant (€)", "Montant payé", "Montant de l'adhésion", "Cotisation", "Tarif"],
      optional: true,
      lenient: true,
    },
    postcode: { type: "text", aliases: ["Code postal", "CP"], optional: true },
    town: { type: "text", aliases: ["Commune", "Ville"], optional: true, personal: true },
  },
  schema,
  warnings(r) {
    const out = residenceWarnings({ postcode: r.postcode, town: r.town });
    if (r.membership_type !== null && membershipTypeOf(r.membership_type) === null) {
      out.push({
        field: "membership_type",
        message: `type d'adhésion « ${r.membership_type} » inconnu : classé « autre » (libellé conservé)`,
      });
    }
    return out;
  },
  toRows(r, ctx) {
    const type = r.membership_type === null ? null : membershipTypeOf(r.membership_type) ?? "autre";
    // Without a source id, the normalised name and birth date identify the member in the structure.
    const id = r.member_id ??
      [normaliseHeader(r.last_name), normaliseHeader(r.first_name ?? ""), r.birth_date ?? ""].join("|");
    const refs = personPseudonyms(ctx, r.member_id === null ? "adhesion-nom" : "logiciel-gestion", {
      id,
      lastName: r.last_name,
      firstName: r.first_name ?? "",
      birthDate: r.birth_date,
    });
    return [{
      table: "stg_memberships",
      row: {
        structure_id: ctx.structureId,
        ...refs,
        membership_type: type,
        // What was typed when it is not one of the known types: nothing is lost silently.
        membership_type_label: type === "autre" ? r.membership_type : null,
        start_date: r.start_date,
        end_date: r.end_date,
        amount: r.amount,
        birth_year: birthYear(r.birth_date),
        commune_insee: communeOf(r.postcode, r.town),
      },
    }];
  },
};
