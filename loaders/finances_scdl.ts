/**
 * Loader for subsidies published by funders in the national open-data schema (SCDL
 * « subventions »): a commune, the département or the CAF lists every grant it made, one line per
 * beneficiary. Only the grants to structures of the registry are kept (matched by SIRET — the
 * registry's optional « SIRET » column — or by name); the other beneficiaries are counted, not
 * stored. Both layouts are read: the older one with French labels (`Nom attributaire*`,
 * `Montant total de la subvention*`…, padded with spaces) and the camelCase one (`nomAttribuant`,
 * `montant`… and the later `rnaBeneficiaire`, `dispositifAide`).
 *
 * The grants go to the funders table (stg_funding), like a structure's own list of funders. The
 * amount is the line's amount as published: the schema's own example gives each co-beneficiary's
 * part on its line, with its share in `pourcentageSubvention`.
 *
 * @module
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { funderTypeOf } from "./finances_funders.ts";
import { cents } from "./finances_common.ts";

const schema = z.object({
  funder: z.string().min(1),
  funder_id: z.string().nullable(),
  convention_date: z.string().nullable(),
  decision_ref: z.string().nullable(),
  beneficiary: z.string().nullable(),
  beneficiary_id: z.string().nullable(),
  purpose: z.string().nullable(),
  amount: z.number().nullable(),
  scheme: z.string().nullable(),
});

type Grant = z.infer<typeof schema>;

export const financesScdlLoader: LoaderSpec<Grant> = {
  kind: "finances",
  format: "scdl-subventions",
  label: "subventions publiées par un financeur (SCDL)",
  tables: { stg_funding: ["structure_id", "funding_ref"] },
  // A funder's file names its beneficiaries: it is dropped at the root of the inbox.
  needsStructure: false,
  fields: {
    funder: {
      type: "text",
      aliases: ["nomAttribuant", "Nom attributaire", "Nom de l'attribuant"],
      required: true,
    },
    funder_id: {
      type: "text",
      aliases: ["idAttribuant", "Identification de l'attributaire", "Identification de l'attribuant"],
      optional: true,
    },
    convention_date: {
      type: "date",
      aliases: ["dateConvention", "Date de convention", "Date de la convention"],
      required: true,
      optional: true,
      lenient: true,
    },
    decision_ref: {
      type: "text",
      aliases: ["referenceDecision", "Référence de la décision"],
      optional: true,
    },
    beneficiary: {
      type: "text",
      aliases: ["nomBeneficiaire", "Nom du bénéficiaire", "Nom bénéficiaire"],
      required: true,
      optional: true,
    },
    beneficiary_id: {
      type: "text",
      aliases: ["idBeneficiaire", "Identification du bénéficiaire"],
      optional: true,
    },
    purpose: {
      type: "text",
      aliases: ["objet", "Objet de la convention", "Objet de la subvention"],
      optional: true,
    },
    amount: {
      type: "number",
      aliases: ["montant", "Montant total de la subvention", "Montant de la subvention"],
      required: true,
      optional: true,
      lenient: true,
    },
    nature: { type: "text", aliases: ["nature", "Nature de la subvention"], optional: true },
    conditions: { type: "text", aliases: ["conditionsVersement", "Conditions de versement"], optional: true },
    payment_dates: { type: "text", aliases: ["datesPeriodeVersement", "Date de versement"], optional: true },
    rae: {
      type: "text",
      aliases: ["idRAE", "Numéro de référencement au répertoire des entreprises"],
      optional: true,
    },
    eu: { type: "text", aliases: ["notificationUE", "Aide notifiée à l'Europe"], optional: true },
    share: {
      type: "text",
      aliases: [
        "pourcentageSubvention",
        "Pourcentage du montant de la subvention attribué au bénéficiaire",
      ],
      optional: true,
    },
    rna: { type: "text", aliases: ["rnaBeneficiaire"], optional: true },
    scheme: { type: "text", aliases: ["dispositifAide"], optional: true },
  },
  schema,
  skippedRecords: (count) =>
    `${count.toLocaleString("fr-FR")} ${
      count > 1 ? "subventions" : "subvention"
    } à d'autres bénéficiaires que les structures du registre (ou sans montant ni date) : ${
      count > 1 ? "ignorées" : "ignorée"
    }. Ajoutez le SIRET d'une structure au registre (colonne « SIRET ») si l'une d'elles manque.`,
  toRows(r, ctx) {
    const structure = ctx.structureOf?.(r.beneficiary_id, r.beneficiary) ?? null;
    // A file dropped in a structure's folder keeps that structure's grants only.
    if (structure === null || (ctx.structureId !== null && structure !== ctx.structureId)) return [];
    if (r.amount === null || r.amount <= 0 || r.convention_date === null) return [];
    return [{
      table: "stg_funding",
      row: {
        structure_id: structure,
        funding_ref: ctx.pseudonym([
          "subvention-scdl",
          structure,
          r.funder_id ?? normaliseHeader(r.funder),
          r.convention_date,
          r.decision_ref ?? "",
          normaliseHeader(r.purpose ?? ""),
        ]),
        funder: r.funder.replace(/\s+/g, " "),
        funder_type: funderTypeOf(r.funder) ?? "autre",
        scheme: r.scheme ?? r.purpose,
        amount: cents(r.amount),
        year: Number(r.convention_date.slice(0, 4)),
      },
    }];
  },
};
