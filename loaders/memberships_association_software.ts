/**
 * Loader for the member lists of association software (Paheko, HelloAsso, AssoConnect and
 * similar): a member number, a name (« Nom & prénom », or « Nom » + « Prénom »), contact columns
 * (e-mail, postal address, postcode, town, phone), newsletter consent, a registration date and a
 * category or fee. HelloAsso exports one line per membership paid, with the order's columns
 * (« Référence commande », « Date de la commande », « Statut de la commande ») and the payer's
 * identity beside the member's.
 *
 * The rows go to `stg_memberships` like the structures' own membership lists
 * (registrations_memberships.ts), pseudonymised the same way: by member number (the same
 * `person_ref` as the membership list and the people export of the same structure), else by name
 * and birth date, else by name and e-mail or phone (read only to tell two namesakes apart).
 * Contact columns are never stored: not in the warehouse, not in an issue's value or message.
 * Only the birth year, the commune INSEE code (from postcode and town) and the category are kept.
 *
 * @module
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { birthYear, communeOf, personPseudonyms } from "./people_common.ts";
import { communeInsee } from "../src/ingest/commune_lookup.ts";
import { membershipTypeOf } from "./registrations_memberships.ts";

/** Order statuses (normalised) of a payment that did not go through: no membership. */
const VOID_STATUSES = new Set([
  "annule",
  "annulee",
  "rembourse",
  "remboursee",
  "refuse",
  "refusee",
  "abandonne",
  "abandonnee",
  "echec",
  "echoue",
  "canceled",
  "cancelled",
  "refunded",
  "refused",
]);

/** True when an order status says the payment was cancelled, refunded or refused. */
export function isVoidStatus(status: string): boolean {
  return VOID_STATUSES.has(normaliseHeader(status));
}

const schema = z.object({
  member_id: z.string().nullable(),
  name: z.string(),
  first_name: z.string().nullable(),
  birth_date: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  address_extra: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  country: z.string().nullable(),
  newsletter: z.string().nullable(),
  start_date: z.string(),
  end_date: z.string().nullable(),
  category: z.string().nullable(),
  amount: z.number().nullable(),
  order_ref: z.string().nullable(),
  order_status: z.string().nullable(),
  payment_method: z.string().nullable(),
  payer_last_name: z.string().nullable(),
  payer_first_name: z.string().nullable(),
  payer_email: z.string().nullable(),
}).superRefine((r, ctx) => {
  if (r.order_status !== null && isVoidStatus(r.order_status)) {
    ctx.addIssue({
      code: "custom",
      message: "commande annulée, remboursée ou refusée : aucune adhésion n'est comptée pour cette ligne",
      path: ["order_status"],
    });
  }
  if (r.end_date !== null && r.end_date < r.start_date) {
    ctx.addIssue({
      code: "custom",
      message: "la fin d'adhésion précède la date d'inscription : vérifiez les deux dates",
      path: ["end_date"],
    });
  }
  if (r.amount !== null && r.amount < 0) {
    ctx.addIssue({
      code: "custom",
      message: "montant négatif : la cotisation payée est attendue",
      path: ["amount"],
    });
  }
  const association = r.category !== null && membershipTypeOf(r.category) === "association";
  if (r.member_id === null && r.birth_date === null && contactOf(r) === null && !association) {
    ctx.addIssue({
      code: "custom",
      // Name alone would merge two namesakes.
      message: "ni numéro de membre, ni date de naissance, ni e-mail, ni téléphone : impossible " +
        "d'identifier l'adhérent sans risque de confondre deux homonymes",
      path: ["name"],
    });
  }
});

/** One validated line of an association software's member list. */
export type SoftwareMembership = z.infer<typeof schema>;

/** The contact that tells two namesakes apart (member's e-mail, phone, then payer's e-mail). */
function contactOf(r: Pick<SoftwareMembership, "email" | "phone" | "payer_email">): string | null {
  if (r.email !== null) return r.email.trim().toLowerCase();
  if (r.phone !== null) {
    const digits = r.phone.replace(/\D/g, "").replace(/^33(?=\d{9}$)/, "0");
    if (digits !== "") return digits;
  }
  return r.payer_email === null ? null : r.payer_email.trim().toLowerCase();
}

/** A personal text column: read (for pseudonyms at most), never stored nor repeated. */
function personalText(aliases: string[]) {
  return { type: "text" as const, aliases, optional: true, personal: true };
}

export const membershipsSoftwareLoader: LoaderSpec<SoftwareMembership> = {
  kind: "registrations",
  format: "adherents-logiciel-associatif",
  label: "liste d'adhérents d'un logiciel associatif",
  tables: { stg_memberships: ["structure_id", "person_ref", "start_date"] },
  periodColumn: "start_date",
  needsStructure: true,
  fields: {
    member_id: {
      type: "text",
      aliases: [
        "Numéro de membre",
        "N° de membre",
        "Numéro membre",
        "N° membre",
        "ID membre",
        "Identifiant membre",
        "Numéro d'adhérent",
        "N° adhérent",
        "Numéro adhérent",
        "N° d'adhérent",
      ],
      optional: true,
    },
    // One column for the whole name (Paheko's « Nom & prénom ») or the last name beside « Prénom ».
    name: {
      type: "text",
      aliases: [
        "Nom & prénom",
        "Nom et prénom",
        "Prénom & nom",
        "Prénom et nom",
        "Nom complet",
        "Nom adhérent",
        "Nom de l'adhérent",
        "Nom du membre",
        "Nom membre",
        "Nom",
        "Nom de famille",
      ],
      required: true,
      personal: true,
    },
    first_name: personalText([
      "Prénom",
      "Prénom adhérent",
      "Prénom de l'adhérent",
      "Prénom du membre",
      "Prénom membre",
    ]),
    birth_date: {
      type: "date",
      aliases: ["Date de naissance", "Né(e) le", "Naissance", "Date de naissance adhérent"],
      optional: true,
      lenient: true,
      personal: true,
    },
    email: personalText([
      "Adresse E-Mail",
      "Adresse e-mail",
      "Adresse email",
      "Adresse mail",
      "E-mail",
      "Email",
      "Courriel",
      "Mail",
      "Email adhérent",
      "E-mail adhérent",
    ]),
    phone: personalText([
      "Téléphone",
      "Tél.",
      "Numéro de téléphone",
      "Téléphone portable",
      "Téléphone mobile",
      "Téléphone fixe",
      "Portable",
      "Mobile",
      "Téléphone adhérent",
    ]),
    address: personalText([
      "Adresse postale",
      "Adresse",
      "Adresse 1",
      "Adresse ligne 1",
      "Rue",
      "Adresse adhérent",
    ]),
    address_extra: personalText([
      "Adresse 2",
      "Adresse ligne 2",
      "Complément d'adresse",
      "Complément adresse",
    ]),
    // Read only for the commune INSEE code; marked personal so an unknown one is never repeated.
    postcode: personalText(["Code postal", "CP", "Code postal adhérent"]),
    town: personalText(["Ville", "Commune", "Ville adhérent"]),
    country: personalText(["Pays"]),
    // A contact preference, not an impact measure: recognised, not stored.
    newsletter: {
      type: "text",
      aliases: [
        "Inscription à la lettre d'information",
        "Lettre d'information",
        "Inscrit à la lettre d'information",
        "Newsletter",
        "Accepte la newsletter",
        "Abonné à la newsletter",
        "Consentement newsletter",
      ],
      optional: true,
    },
    start_date: {
      type: "date",
      aliases: [
        "Date d'inscription",
        "Inscrit le",
        "Date d'adhésion",
        "Date adhésion",
        "Début d'adhésion",
        "Membre depuis",
        "Date de la commande",
        "Date de commande",
        "Date du paiement",
        "Date de paiement",
        "Date de cotisation",
      ],
      required: true,
    },
    end_date: {
      type: "date",
      aliases: [
        "Fin d'adhésion",
        "Date de fin d'adhésion",
        "Date d'expiration",
        "Expiration",
        "Valable jusqu'au",
        "Date d'échéance",
        "Échéance",
      ],
      optional: true,
    },
    category: {
      type: "text",
      aliases: [
        "Catégorie",
        "Catégorie de membre",
        "Catégorie d'adhésion",
        "Type d'adhésion",
        "Type de membre",
        "Type d'adhérent",
        "Formule",
        "Tarif",
        "Nom du tarif",
      ],
      optional: true,
    },
    amount: {
      type: "number",
      aliases: [
        "Cotisation",
        "Montant",
        "Montant tarif",
        "Montant du tarif",
        "Montant payé",
        "Montant de la cotisation",
        "Montant adhésion",
        "Montant (€)",
      ],
      optional: true,
      lenient: true,
    },
    order_ref: {
      type: "text",
      aliases: ["Référence commande", "Numéro de commande", "N° de commande", "Référence de la commande"],
      optional: true,
    },
    order_status: {
      type: "text",
      aliases: [
        "Statut de la commande",
        "Statut commande",
        "Statut du paiement",
        "État du paiement",
        "Statut",
      ],
      optional: true,
    },
    payment_method: { type: "text", aliases: ["Moyen de paiement", "Mode de paiement"], optional: true },
    payer_last_name: personalText(["Nom payeur", "Nom du payeur"]),
    payer_first_name: personalText(["Prénom payeur", "Prénom du payeur"]),
    payer_email: personalText(["Email payeur", "E-mail payeur", "Adresse email payeur", "Email du payeur"]),
  },
  schema,
  warnings(r) {
    const out: { field: string; message: string }[] = [];
    // The commune lookup's own messages may quote the postcode: said without it here.
    const commune = communeInsee(r.postcode, r.town);
    if (commune.warning) {
      out.push({
        field: commune.warning.field,
        message:
          "code postal et ville non reconnus ensemble (valeurs non reproduites) : commune laissée vide",
      });
    }
    if (r.category !== null && membershipTypeOf(r.category) === null) {
      out.push({
        field: "category",
        message: `catégorie « ${r.category} » : classée « autre » (libellé conservé)`,
      });
    }
    return out;
  },
  toRows(r, ctx) {
    const type = r.category === null ? null : membershipTypeOf(r.category) ?? "autre";
    const lastName = r.name;
    const firstName = r.first_name ?? "";
    // The same keys as registrations_memberships.ts, so one member links across both lists.
    let software: string;
    let id: string;
    if (r.member_id !== null) [software, id] = ["logiciel-gestion", r.member_id];
    else if (r.birth_date !== null) {
      software = "adhesion-nom";
      id = [normaliseHeader(lastName), normaliseHeader(firstName), r.birth_date].join("|");
    } else {
      software = "adhesion-contact";
      id = [normaliseHeader(lastName), normaliseHeader(firstName), contactOf(r) ?? ""].join("|");
    }
    const refs = personPseudonyms(ctx, software, { id, lastName, firstName, birthDate: r.birth_date });
    return [{
      table: "stg_memberships",
      row: {
        structure_id: ctx.structureId,
        ...refs,
        membership_type: type,
        membership_type_label: type === "autre" ? r.category : null,
        start_date: r.start_date,
        end_date: r.end_date,
        amount: r.amount,
        birth_year: birthYear(r.birth_date),
        commune_insee: communeOf(r.postcode, r.town),
      },
    }];
  },
};
