/**
 * Loader for the FEC (« fichier des écritures comptables », art. A47 A-1 of the livre des
 * procédures fiscales): the export every French accounting package must produce. 18 columns in a
 * fixed order (`JournalCode` … `Idevise`, casing varies), tab- or `|`-separated, dates `AAAAMMJJ`,
 * decimal comma; a variant gives `Montant` and `Sens` (D/C) instead of `Debit` and `Credit`.
 *
 * The entries go to the same table as the analytic ledger (stg_accounting_entries), so charges,
 * products and contributions in kind (86x/87x) count the same way. A FEC has no analytic section:
 * its entries feed the structure's totals, not the per-action figures.
 *
 * Privacy: `EcritureLib` (entry label) and `CompAuxLib` (auxiliary account: a member, an employee,
 * a family) may name a person and are never stored; they only enter the keyed hash that identifies
 * the line. The general account label (`CompteLib`) is kept for charges and products only, with
 * « M./Mme X » masked; balance-sheet accounts (classes 1–5, where third parties live) keep none.
 *
 * @module
 */
import { z } from "zod";
import type { FieldSpec, LoadContext, LoaderSpec, TableRow } from "../src/ingest/loader_spec.ts";
import { parseDate } from "../src/read/parse_date.ts";
import { accountClassOf, occurrence, publishableLabel } from "./finances_ledger.ts";
import { cents, euros } from "./finances_common.ts";

/**
 * A FEC date: `AAAAMMJJ` as the law writes it, or any date the other loaders read (a FEC opened
 * and saved again in a spreadsheet comes back as `15/03/2024`).
 *
 * @example
 * fecDate("20240315") // "2024-03-15"
 */
export function fecDate(value: string): string | null {
  const s = value.trim();
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const parsed = parseDate(m ? `${m[1]}-${m[2]}-${m[3]}` : s);
  return parsed.ok ? parsed.value : null;
}

const date = z.string().transform((v, ctx) => {
  const iso = fecDate(v);
  if (iso !== null) return iso;
  ctx.addIssue({ code: "custom", message: `date « ${v} » illisible : format AAAAMMJJ attendu (20240315)` });
  return z.NEVER;
});

/** The leading digits of an account (`411DUPONT` → `411`): the rest may name a third party. */
const account = z.string().transform((v, ctx) => {
  const digits = /^\d{3,8}/.exec(v.replace(/[\s\u00a0\u202f.]/g, ""))?.[0];
  if (digits) return digits;
  ctx.addIssue({
    code: "custom",
    message: "numéro de compte invalide : il doit commencer par 3 à 8 chiffres (par exemple 606100)",
  });
  return z.NEVER;
});

const money = z.number().nullable().transform((v) => cents(v ?? 0));

const common = {
  journal: z.string().nullable(),
  entry_number: z.string().nullable(),
  date,
  account,
  account_label: z.string().nullable(),
  aux_account: z.string().nullable(),
  aux_label: z.string().nullable(),
  piece: z.string().nullable(),
  entry_label: z.string().nullable(),
};

const debitCreditSchema = z.object({ ...common, debit: money, credit: money }).superRefine((r, ctx) => {
  if (r.debit < 0 || r.credit < 0) {
    ctx.addIssue({
      code: "custom",
      message: "montant négatif : le FEC écrit des montants positifs",
      path: ["debit"],
    });
  } else if (r.debit > 0 && r.credit > 0) {
    ctx.addIssue({
      code: "custom",
      message: `débit (${euros(r.debit)}) et crédit (${
        euros(r.credit)
      }) sur la même ligne : une écriture est soit au débit, soit au crédit`,
      path: ["credit"],
    });
  }
});

/** `Sens` of the Montant/Sens variant: D or C (also +1 / -1, as some packages write it). */
const sense = z.string().transform((v, ctx) => {
  const s = v.trim().toUpperCase();
  if (s === "D" || s === "+1" || s === "1") return "D" as const;
  if (s === "C" || s === "-1") return "C" as const;
  ctx.addIssue({ code: "custom", message: `sens « ${v} » inconnu : D (débit) ou C (crédit) attendu` });
  return z.NEVER;
});

const amountSenseSchema = z.object({ ...common, amount: money, sense }).superRefine((r, ctx) => {
  if (r.amount < 0) {
    ctx.addIssue({
      code: "custom",
      message: "montant négatif : le sens (D/C) donne le signe",
      path: ["amount"],
    });
  }
});

type DebitCredit = z.infer<typeof debitCreditSchema>;
type AmountSense = z.infer<typeof amountSenseSchema>;

/** The 18 columns, except the amounts: header names of the decree and their casing variants. */
const FIELDS: Record<string, FieldSpec> = {
  journal: { type: "text", aliases: ["JournalCode", "Code journal"], required: true, optional: true },
  journal_label: { type: "text", aliases: ["JournalLib"], optional: true },
  entry_number: { type: "text", aliases: ["EcritureNum"], required: true, optional: true },
  date: { type: "text", aliases: ["EcritureDate"], required: true },
  account: { type: "text", aliases: ["CompteNum"], required: true },
  account_label: { type: "text", aliases: ["CompteLib"], optional: true },
  aux_account: { type: "text", aliases: ["CompAuxNum"], optional: true, personal: true },
  aux_label: { type: "text", aliases: ["CompAuxLib"], optional: true, personal: true },
  piece: { type: "text", aliases: ["PieceRef"], optional: true },
  piece_date: { type: "text", aliases: ["PieceDate"], optional: true },
  entry_label: { type: "text", aliases: ["EcritureLib"], optional: true, personal: true },
  lettering: { type: "text", aliases: ["EcritureLet"], optional: true },
  lettering_date: { type: "text", aliases: ["DateLet"], optional: true },
  validation_date: { type: "text", aliases: ["ValidDate"], optional: true },
  currency_amount: { type: "text", aliases: ["Montantdevise", "MontantDevise"], optional: true },
  currency: { type: "text", aliases: ["Idevise", "IDevise"], optional: true },
};

/** One warehouse row; the whole line (labels included, never stored) enters the entry's hash. */
function entryRow(
  r: DebitCredit,
  ctx: LoadContext,
): TableRow {
  const line = [
    r.journal ?? "",
    r.entry_number ?? "",
    r.date,
    r.account,
    r.aux_account ?? "",
    r.aux_label ?? "",
    r.piece ?? "",
    r.entry_label ?? "",
    r.debit.toFixed(2),
    r.credit.toFixed(2),
  ].join("\u0001");
  const n = occurrence(ctx, line);
  const cls = accountClassOf(r.account);
  return {
    table: "stg_accounting_entries",
    row: {
      structure_id: ctx.structureId,
      entry_ref: ctx.pseudonym(["ecriture-fec", ctx.structureId!, line, String(n)]),
      entry_date: r.date,
      // A FEC covers one fiscal year but does not name it: the calendar year of the entry.
      fiscal_year: Number(r.date.slice(0, 4)),
      account: r.account,
      account_class: cls,
      label: cls === "autre" ? null : publishableLabel(r.account, r.account_label),
      debit: r.debit,
      credit: r.credit,
      section: null,
    },
  };
}

const shared: Pick<LoaderSpec, "kind" | "tables" | "periodColumn" | "needsStructure"> = {
  kind: "finances",
  tables: { stg_accounting_entries: ["structure_id", "entry_ref"] },
  periodColumn: "entry_date",
  needsStructure: true,
};

/** FEC with `Debit` and `Credit` columns (the usual layout). */
export const financesFecLoader: LoaderSpec<DebitCredit> = {
  ...shared,
  format: "fec",
  label: "fichier des écritures comptables (FEC)",
  fields: {
    ...FIELDS,
    debit: { type: "number", aliases: ["Debit"], required: true, optional: true },
    credit: { type: "number", aliases: ["Credit"], required: true, optional: true },
  },
  schema: debitCreditSchema,
  toRows: (r, ctx) => [entryRow(r, ctx)],
};

/** FEC with `Montant` and `Sens` (D/C) instead of `Debit` and `Credit`. */
export const financesFecAmountSenseLoader: LoaderSpec<AmountSense> = {
  ...shared,
  format: "fec-montant-sens",
  label: "fichier des écritures comptables (FEC, montant et sens)",
  fields: {
    ...FIELDS,
    amount: { type: "number", aliases: ["Montant"], required: true },
    sense: { type: "text", aliases: ["Sens"], required: true },
  },
  schema: amountSenseSchema,
  toRows: (r, ctx) => [
    entryRow({
      ...r,
      debit: r.sense === "D" ? r.amount : 0,
      credit: r.sense === "C" ? r.amount : 0,
    }, ctx),
  ],
};
