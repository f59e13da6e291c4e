/**
 * Loader for salaried staff: role, contract, FTE and dates of each contract. The name only builds
 * a pseudonym (one person holding several contracts keeps one reference) and is never stored.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { parseNumber } from "../src/read/parse_number.ts";

/** Contracts as stored. */
export const CONTRACTS = [
  "CDI",
  "CDD",
  "contrat aidé",
  "apprentissage",
  "contrat de professionnalisation",
  "CEE",
  "mise à disposition",
] as const;

/** Normalised spellings → contract. */
const CONTRACT_SPELLINGS: Record<string, (typeof CONTRACTS)[number]> = {
  cdi: "CDI",
  cdii: "CDI",
  cdiintermittent: "CDI",
  contratadureeindeterminee: "CDI",
  dureeindeterminee: "CDI",
  cdd: "CDD",
  cdddusage: "CDD",
  cddusage: "CDD",
  contratadureedeterminee: "CDD",
  dureedeterminee: "CDD",
  remplacement: "CDD",
  contrataide: "contrat aidé",
  contratsaides: "contrat aidé",
  pec: "contrat aidé",
  parcoursemploicompetences: "contrat aidé",
  cui: "contrat aidé",
  cuicae: "contrat aidé",
  cae: "contrat aidé",
  emploiavenir: "contrat aidé",
  adulterelais: "contrat aidé",
  apprentissage: "apprentissage",
  apprenti: "apprentissage",
  apprentie: "apprentissage",
  contratdapprentissage: "apprentissage",
  professionnalisation: "contrat de professionnalisation",
  contratdeprofessionnalisation: "contrat de professionnalisation",
  contratpro: "contrat de professionnalisation",
  alternance: "contrat de professionnalisation",
  cee: "CEE",
  contratdengagementeducatif: "CEE",
  miseadisposition: "mise à disposition",
  misadisposition: "mise à disposition",
  miseadispo: "mise à disposition",
  mad: "mise à disposition",
};

/** The contract of a typed value ("C.D.I.", "Contrat aidé (PEC)", "MAD"), or null. */
export function contractOf(value: string): string | null {
  // "Contrat aidé (PEC)", "Mise à disposition (mairie)": the brackets only add detail.
  const bare = value.replace(/\([^)]*\)/g, " ");
  const key = normaliseHeader(bare);
  if (CONTRACT_SPELLINGS[key]) return CONTRACT_SPELLINGS[key];
  // "CDD remplacement", "CDI 28h": the first word decides.
  const first = normaliseHeader(bare.trim().split(/[\s–-]+/)[0] ?? "");
  return CONTRACT_SPELLINGS[first] ?? null;
}

/**
 * FTE of a typed value: "0,5", "1", "50 %", "80%", or an Excel percentage cell (0.5). Null with a
 * reason when it is not a number in (0, 1].
 */
export function fteOf(value: string): { fte: number } | { reason: string } {
  const text = value.trim();
  const parsed = parseNumber(text);
  if (!parsed.ok) return { reason: `ETP « ${text} » illisible : écrivez par exemple 0,5 ou 50 %` };
  const fte = text.endsWith("%") ? parsed.value / 100 : parsed.value;
  if (fte <= 0) return { reason: `ETP « ${text} » : un poste a un ETP supérieur à 0` };
  if (fte > 1) {
    return {
      reason: text.endsWith("%") || fte > 2
        ? `ETP « ${text} » supérieur à un temps plein : écrivez un ETP entre 0 et 1 (0,8) ou un pourcentage (80 %)`
        : `ETP « ${text} » supérieur à 1 : une ligne par contrat, un temps plein vaut 1`,
    };
  }
  return { fte: Math.round(fte * 10000) / 10000 };
}

const schema = z.object({
  last_name: z.string().min(1),
  first_name: z.string().nullable(),
  role: z.string().min(1),
  contract: z.string().transform((c, ctx) => {
    const contract = contractOf(c);
    if (contract) return contract;
    ctx.addIssue({
      code: "custom",
      message: `type de contrat « ${c} » inconnu (attendu : ${CONTRACTS.join(", ")})`,
    });
    return z.NEVER;
  }),
  fte: z.string().transform((v, ctx) => {
    const result = fteOf(v);
    if ("fte" in result) return result.fte;
    ctx.addIssue({ code: "custom", message: result.reason });
    return z.NEVER;
  }),
  start_date: z.string(),
  end_date: z.string().nullable(),
  funding: z.string().nullable(),
}).refine((r) => r.end_date === null || r.end_date >= r.start_date, {
  message: "la date de sortie est avant la date d'entrée",
  path: ["end_date"],
});

export const staffLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "staff",
  format: "tableau-personnel",
  label: "tableau des salariés (ETP)",
  tables: { stg_staff: ["structure_id", "staff_ref", "start_date"] },
  // A list is the structure's current register: each new one replaces the earlier one whole
  // (lines removed from it disappear); dates on each line keep the history.
  replaceScope: ["structure_id"],
  needsStructure: true,
  fields: {
    last_name: {
      type: "text",
      aliases: ["Nom", "Nom du salarié", "Salarié", "Salarié(e)", "Nom et prénom", "Nom prénom"],
      required: true,
      personal: true,
    },
    first_name: { type: "text", aliases: ["Prénom"], optional: true, personal: true },
    role: {
      type: "text",
      aliases: ["Fonction", "Poste", "Intitulé du poste", "Emploi", "Métier", "Fonction occupée"],
      required: true,
    },
    contract: {
      type: "text",
      aliases: ["Type de contrat", "Contrat", "Nature du contrat", "Type contrat"],
      required: true,
      values: CONTRACTS,
    },
    // Text, not number: "50 %" must become 0.5, which a plain number parse cannot tell from 50.
    fte: {
      type: "text",
      aliases: ["ETP", "Équivalent temps plein", "Temps de travail", "Quotité", "Taux d'emploi", "% ETP"],
      required: true,
    },
    start_date: {
      type: "date",
      aliases: ["Date d'entrée", "Entrée", "Date d'embauche", "Début de contrat", "Date de début"],
      required: true,
    },
    end_date: {
      type: "date",
      aliases: ["Date de sortie", "Sortie", "Fin de contrat", "Date de fin"],
      optional: true,
    },
    funding: {
      type: "text",
      aliases: ["Financement", "Financement du poste", "Aide au poste", "Poste financé"],
      optional: true,
    },
  },
  schema,
  toRows(r, ctx) {
    const staffRef = ctx.pseudonym([
      "salarie",
      ctx.structureId!,
      normaliseHeader(r.last_name),
      normaliseHeader(r.first_name ?? ""),
    ]);
    return [{
      table: "stg_staff",
      row: {
        structure_id: ctx.structureId,
        staff_ref: staffRef,
        role: r.role,
        contract: r.contract,
        fte: r.fte,
        start_date: r.start_date,
        end_date: r.end_date,
        funding: r.funding,
      },
    }];
  },
};
