/**
 * Loader for funders tables (« financeurs »): who funds the structure, through which scheme,
 * how much and for which year. The funder as typed is kept, and mapped to a funder type (CAF,
 * commune, département…); an unknown funder is kept as « autre » with a warning.
 *
 * Identity: one line per funder, scheme and year (a keyed hash of the three, normalised), so a
 * corrected file sent again updates the amounts instead of adding them up.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { amount, year } from "./finances_common.ts";

/** Funder types as stored. */
export const FUNDER_TYPES = [
  "CAF",
  "commune",
  "département",
  "région",
  "État",
  "FONJEP",
  "Europe",
  "fondation",
  "usagers",
  "autre",
] as const;
export type FunderType = (typeof FUNDER_TYPES)[number];

/** Lowercase words without accents: "Conseil départemental (38)" → "conseil departemental 38". */
function words(value: string): string {
  return " " + value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, " ").trim() +
    " ";
}

/** Rules tried in order: the first whose word or phrase appears in the funder decides. */
const RULES: [FunderType, string[]][] = [
  // Before « commune »: « politique de la ville » and « contrat de ville » are State schemes.
  ["État", [
    "etat",
    "prefecture",
    "politique de la ville",
    "contrat de ville",
    "anct",
    "cget",
    "ddets",
    "ddcs",
    "sdjes",
    "drajes",
    "dreets",
    "ministere",
    "adulte relais",
  ]],
  ["FONJEP", ["fonjep"]],
  ["CAF", [
    "caf",
    "cnaf",
    "caisse d allocations familiales",
    "allocations familiales",
    "prestation de service",
  ]],
  ["Europe", [
    "europe",
    "europeen",
    "europeenne",
    "union europeenne",
    "fse",
    "fse+",
    "feder",
    "leader",
    "erasmus",
  ]],
  ["département", ["departement", "departemental", "departementale", "conseil general", "cd"]],
  ["région", ["region", "regional", "regionale", "conseil regional"]],
  ["commune", [
    "commune",
    "ville",
    "mairie",
    "municipalite",
    "municipal",
    "ccas",
    "metropole",
    "agglomeration",
    "communaute de communes",
    "intercommunalite",
    "epci",
  ]],
  ["fondation", ["fondation", "fonds de dotation"]],
  ["usagers", [
    "usagers",
    "usager",
    "familles",
    "participation des familles",
    "participations des familles",
    "participations",
    "participation",
    "adherents",
    "cotisations",
    "adhesions",
  ]],
];

/** The funder type of a typed funder ("Caf de l'Isère", "Ville de Grenoble", "FSE+"), or null. */
export function funderTypeOf(funder: string): FunderType | null {
  const text = words(funder);
  for (const [type, needles] of RULES) {
    if (needles.some((n) => text.includes(` ${words(n).trim()} `))) return type;
  }
  // "CD38", "CD 26": a département's council.
  if (/ cd ?\d{2} /.test(text)) return "département";
  return null;
}

const schema = z.object({
  funder: z.string().min(1),
  scheme: z.string().nullable(),
  amount: amount.refine((v) => v > 0, { error: "montant nul : une ligne de financement a un montant" }),
  year,
});

export const financesFundersLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "finances",
  format: "financeurs",
  label: "financeurs (subventions et prestations)",
  tables: { stg_funding: ["structure_id", "funding_ref"] },
  needsStructure: true,
  fields: {
    funder: {
      type: "text",
      aliases: [
        "Financeur",
        "Financeurs",
        "Organisme financeur",
        "Partenaire financier",
        "Source de financement",
      ],
      required: true,
    },
    scheme: {
      type: "text",
      aliases: ["Dispositif", "Objet", "Objet du financement", "Nature", "Type de financement", "Ligne"],
      optional: true,
    },
    amount: {
      type: "number",
      aliases: ["Montant", "Montant (€)", "Montant €", "Montant accordé", "Montant notifié", "Somme"],
      required: true,
    },
    year: { type: "text", aliases: ["Année", "Exercice", "Année de versement"], required: true },
  },
  schema,
  warnings(r) {
    if (funderTypeOf(r.funder) !== null) return [];
    return [{
      field: "funder",
      message: `financeur « ${r.funder} » non reconnu : classé « autre » (types connus : ${
        FUNDER_TYPES.slice(0, -1).join(", ")
      })`,
    }];
  },
  toRows(r, ctx) {
    return [{
      table: "stg_funding",
      row: {
        structure_id: ctx.structureId,
        funding_ref: ctx.pseudonym([
          "financement",
          ctx.structureId!,
          String(r.year),
          normaliseHeader(r.funder),
          normaliseHeader(r.scheme ?? ""),
        ]),
        funder: r.funder.replace(/\s+/g, " "),
        funder_type: funderTypeOf(r.funder) ?? "autre",
        scheme: r.scheme,
        amount: r.amount,
        year: r.year,
      },
    }];
  },
};
