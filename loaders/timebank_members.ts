/**
 * Loader for the members of a time bank (adhérents de l'Accorderie): membership date, sex, birth
 * year, income band and neighbourhood. Names only build the member's pseudonym (shared with the
 * exchanges loader, so an exchange links to its members) and are never stored.
 */
import { z } from "zod";
import type { LoadContext, LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";

/** A member number as typed ("0042", 42, " a-17 ") in one canonical form ("42", "A-17"). */
export function memberNumberOf(value: string): string {
  const text = value.trim().toUpperCase();
  return /^\d+$/.test(text) ? String(Number(text)) : text;
}

/**
 * A name in a form that does not depend on word order or spelling details: "DUPONT Martine",
 * "Martine Dupont" and "martine  dupont" give the same key.
 */
export function nameKey(...parts: (string | null)[]): string {
  const words = parts.filter((p): p is string => p !== null).join(" ")
    .split(/[\s\u00a0\u202f]+/).map(normaliseHeader).filter((w) => w !== "");
  return words.sort().join(" ");
}

/**
 * Pseudonym of a time-bank member, the same in the members list and in the exchanges: from the
 * member number when the export gives it, else from the name.
 */
export function memberRef(ctx: LoadContext, number: string | null, name: string): string {
  return ctx.pseudonym(["accordeur", ctx.structureId!, number !== null ? memberNumberOf(number) : name]);
}

/** Sexes as stored. */
export const SEXES = ["F", "H", "autre"] as const;

const SEX_SPELLINGS: Record<string, (typeof SEXES)[number]> = {
  f: "F",
  femme: "F",
  feminin: "F",
  mme: "F",
  madame: "F",
  h: "H",
  m: "H",
  homme: "H",
  masculin: "H",
  mr: "H",
  monsieur: "H",
  autre: "autre",
  x: "autre",
  nonbinaire: "autre",
};

/** The sex of a typed value ("F", "Femme", "M", "homme", "autre"), or null. */
export function sexOf(value: string): string | null {
  return SEX_SPELLINGS[normaliseHeader(value)] ?? null;
}

/**
 * An income band label as typed, tidied so the same band typed twice compares equal: spaces
 * collapsed, thousands separators removed, dashes unified, "€" spaced, first letter capitalised
 * ("moins de 800€" → "Moins de 800 €", "1 200 – 1 800 €" → "1200 - 1800 €").
 */
export function incomeBandOf(value: string): string | null {
  let text = value.normalize("NFC").replace(/[\s\u00a0\u202f]+/g, " ").trim();
  text = text.replace(/(\d) (?=\d{3}\b)/g, "$1")
    .replace(/\s*[–—-]\s*/g, " - ")
    .replace(/\s*(€|euros?\b)/gi, " €")
    .trim();
  if (text === "") return null;
  return text[0].toUpperCase() + text.slice(1);
}

const schema = z.object({
  member_number: z.string().nullable(),
  last_name: z.string().nullable(),
  first_name: z.string().nullable(),
  joined_on: z.string().nullable(),
  sex: z.string().nullable(),
  birth_year: z.number().int({ error: "année de naissance invalide" })
    .min(1900, { error: "année de naissance invalide" })
    .max(2030, { error: "année de naissance invalide" }).nullable(),
  income_band: z.string().nullable(),
  neighbourhood: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
}).refine((r) => r.member_number !== null || r.last_name !== null, {
  message: "accordeur sans nom ni numéro : impossible de l'identifier",
  path: ["last_name"],
});

export const timebankMembersLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "timebank_members",
  format: "adherents-accorderie",
  label: "adhérents de l'Accorderie (banque de temps)",
  tables: { stg_timebank_members: ["structure_id", "member_ref"] },
  needsStructure: true,
  fields: {
    member_number: {
      type: "text",
      aliases: [
        "N° accordeur",
        "Numéro d'accordeur",
        "Numéro accordeur",
        "N° membre",
        "Matricule",
      ],
      // Not « N° adhérent »: that header is the labelled people export's (people_labelled.ts).
      optional: true,
    },
    last_name: {
      type: "text",
      aliases: ["Nom", "Nom de famille", "Accordeur", "Nom et prénom", "Nom prénom"],
      required: true,
      optional: true,
      personal: true,
    },
    first_name: { type: "text", aliases: ["Prénom"], optional: true, personal: true },
    joined_on: {
      type: "date",
      aliases: [
        "Date d'adhésion",
        "Adhésion",
        "Date adhésion",
        "Adhérent depuis",
        "Date d'inscription",
        "Inscrit le",
      ],
      required: true,
      optional: true,
      lenient: true,
    },
    sex: { type: "text", aliases: ["Sexe", "Genre", "Civilité"], optional: true },
    birth_year: {
      type: "number",
      aliases: ["Année de naissance", "Année naissance", "Né en", "Née en"],
      optional: true,
      lenient: true,
      personal: true,
    },
    income_band: {
      type: "text",
      aliases: ["Tranche de revenus", "Tranche de revenu", "Revenus", "Revenus mensuels", "Ressources"],
      optional: true,
    },
    neighbourhood: {
      type: "text",
      aliases: ["Quartier", "Secteur", "Quartier de résidence"],
      optional: true,
    },
    // Contact columns are recognised (an Accorderie list that has them stays a time-bank list
    // beside association software's member lists) but never read into a row.
    email: {
      type: "text",
      aliases: ["E-mail", "Email", "Courriel", "Adresse e-mail", "Adresse E-Mail", "Mail"],
      optional: true,
      personal: true,
    },
    phone: {
      type: "text",
      aliases: ["Téléphone", "Tél.", "Numéro de téléphone", "Portable"],
      optional: true,
      personal: true,
    },
    address: { type: "text", aliases: ["Adresse", "Adresse postale"], optional: true, personal: true },
  },
  schema,
  warnings(r) {
    if (r.sex === null || sexOf(r.sex) !== null) return [];
    return [{
      field: "sex",
      message: `sexe « ${r.sex} » non reconnu (attendu : F, H ou autre) : laissé vide`,
    }];
  },
  toRows(r, ctx) {
    return [{
      table: "stg_timebank_members",
      row: {
        structure_id: ctx.structureId,
        member_ref: memberRef(ctx, r.member_number, nameKey(r.last_name, r.first_name)),
        joined_on: r.joined_on,
        sex: r.sex === null ? null : sexOf(r.sex),
        birth_year: r.birth_year,
        income_band: r.income_band === null ? null : incomeBandOf(r.income_band),
        neighbourhood: r.neighbourhood,
        lives_in_qpv: r.neighbourhood ? ctx.qpvOf(r.neighbourhood) !== null : null,
      },
    }];
  },
};
