/**
 * Loader for analytic general ledgers (« grand livre analytique ») exported by accounting
 * software: one line per entry with its account of the associations' chart of accounts, debit,
 * credit and analytic section (an action, « animation globale », « ACF »…).
 *
 * Identity of an entry (`entry_ref`): a ledger has no stable entry id across software, and two
 * genuinely identical lines (same day, account, label and amount — two identical purchases) are
 * two entries. So the reference is a keyed hash of the whole line (every field read, normalised)
 * plus its occurrence number among identical lines of the same sheet: the 1st and 2nd copy of a
 * line get distinct references, and sending the same file again gives the same references, so it
 * replaces rather than doubles. A later ledger covering the same dates replaces the earlier load
 * as a whole (`periodColumn`), which is how a corrected export takes effect. The counter lives in
 * a WeakMap keyed by the LoadContext object, which load_file.ts builds afresh for each sheet.
 */
import { z } from "zod";
import type { LoadContext, LoaderSpec } from "../src/ingest/loader_spec.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";
import { redactNames } from "../src/privacy/redact_text.ts";
import { amount, euros, yearOf } from "./finances_common.ts";

/** Account classes as stored. */
export type AccountClass = "charge" | "produit" | "contribution_nature" | "autre";

/**
 * Class of an account number of the associations' chart of accounts: 86x/87x are voluntary
 * contributions in kind (valued volunteering, free premises), other 6xx charges, other 7xx
 * products, anything else (balance-sheet accounts 1–5, 89…) « autre ».
 */
export function accountClassOf(account: string): AccountClass {
  if (account.startsWith("86") || account.startsWith("87")) return "contribution_nature";
  if (account.startsWith("6")) return "charge";
  if (account.startsWith("7")) return "produit";
  return "autre";
}

const schema = z.object({
  account: z.string().transform((v, ctx) => {
    // "606 100" or "606.100" in some exports: separators inside the number are dropped.
    const digits = v.replace(/[\s\u00a0\u202f.]/g, "");
    if (/^\d{3,8}$/.test(digits)) return digits;
    ctx.addIssue({
      code: "custom",
      message: `numéro de compte « ${v} » invalide : 3 à 8 chiffres attendus (par exemple 606100)`,
    });
    return z.NEVER;
  }),
  label: z.string().nullable(),
  debit: amount,
  credit: amount,
  section: z.string().nullable(),
  date: z.string().nullable(),
  fiscal_year: z.string().nullable(),
  journal: z.string().nullable(),
  piece: z.string().nullable(),
}).superRefine((r, ctx) => {
  if (r.debit > 0 && r.credit > 0) {
    ctx.addIssue({
      code: "custom",
      message: `débit (${euros(r.debit)}) et crédit (${
        euros(r.credit)
      }) renseignés sur la même ligne : une écriture est soit au débit, soit au crédit`,
      path: ["credit"],
    });
  } else if (r.debit === 0 && r.credit === 0) {
    ctx.addIssue({ code: "custom", message: "ni débit ni crédit : ligne sans montant", path: ["debit"] });
  }
  if (r.fiscal_year !== null) {
    const y = yearOf(r.fiscal_year);
    if (y === null || y < 2000 || y > 2100) {
      ctx.addIssue({
        code: "custom",
        message: `exercice « ${r.fiscal_year} » illisible : écrivez l'année sur 4 chiffres (2024)`,
        path: ["fiscal_year"],
      });
    }
  } else if (r.date === null) {
    ctx.addIssue({
      code: "custom",
      message: "ni date ni exercice : indiquez la date de l'écriture ou l'exercice",
      path: ["date"],
    });
  }
});

type Entry = z.infer<typeof schema>;

/** Occurrences of each line already seen, per sheet being loaded (see the module comment). */
const seen = new WeakMap<LoadContext, Map<string, number>>();

/** How many times `line` has been seen in the sheet being loaded, this one included. */
export function occurrence(ctx: LoadContext, line: string): number {
  let counts = seen.get(ctx);
  if (!counts) seen.set(ctx, counts = new Map());
  const n = (counts.get(line) ?? 0) + 1;
  counts.set(line, n);
  return n;
}

/**
 * Accounting labels often name people: personnel accounts (641–648: salaries and social charges,
 * 625: travel refunds) lose their label, and « M./Mme X » is masked everywhere else.
 */
export function publishableLabel(account: string, label: string | null): string | null {
  if (label === null) return null;
  if (/^(64[1-8]|625)/.test(account)) return null;
  return redactNames(label, []);
}

export const financesLedgerLoader: LoaderSpec<Entry> = {
  kind: "finances",
  format: "grand-livre-analytique",
  label: "grand livre analytique (comptabilité)",
  tables: { stg_accounting_entries: ["structure_id", "entry_ref"] },
  periodColumn: "entry_date",
  needsStructure: true,
  fields: {
    account: {
      type: "text",
      aliases: [
        "Compte",
        "N° compte",
        "Numéro de compte",
        "No compte",
        "Compte général",
        "Compte comptable",
        "Cpte",
      ],
      required: true,
    },
    label: {
      type: "text",
      aliases: ["Libellé", "Libellé écriture", "Libellé de l'écriture", "Intitulé", "Désignation"],
      optional: true,
    },
    debit: {
      type: "number",
      aliases: ["Débit", "Montant débit", "Débit €", "Débit (€)"],
      required: true,
      optional: true,
    },
    credit: {
      type: "number",
      aliases: ["Crédit", "Montant crédit", "Crédit €", "Crédit (€)"],
      required: true,
      optional: true,
    },
    section: {
      type: "text",
      aliases: [
        "Section analytique",
        "Code analytique",
        "Section",
        "Analytique",
        "Axe analytique",
        "Compte analytique",
        "Code section",
      ],
      optional: true,
    },
    date: {
      type: "date",
      aliases: ["Date", "Date écriture", "Date d'écriture", "Date comptable", "Date pièce"],
      optional: true,
    },
    fiscal_year: { type: "text", aliases: ["Exercice", "Exercice comptable", "Année"], optional: true },
    journal: { type: "text", aliases: ["Journal", "Code journal", "Jnl"], optional: true },
    piece: {
      type: "text",
      aliases: ["Pièce", "N° pièce", "Numéro de pièce", "Réf. pièce", "Référence"],
      optional: true,
    },
  },
  schema,
  toRows(r, ctx) {
    const fiscalYear = r.fiscal_year !== null ? yearOf(r.fiscal_year)! : Number(r.date!.slice(0, 4));
    const line = [
      r.date ?? "",
      String(fiscalYear),
      r.journal ?? "",
      r.piece ?? "",
      r.account,
      normaliseHeader(r.label ?? ""),
      r.debit.toFixed(2),
      r.credit.toFixed(2),
      normaliseHeader(r.section ?? ""),
    ].join("\u0001");
    const n = occurrence(ctx, line);
    return [{
      table: "stg_accounting_entries",
      row: {
        structure_id: ctx.structureId,
        entry_ref: ctx.pseudonym(["ecriture", ctx.structureId!, line, String(n)]),
        entry_date: r.date,
        fiscal_year: fiscalYear,
        account: r.account,
        account_class: accountClassOf(r.account),
        label: publishableLabel(r.account, r.label),
        debit: r.debit,
        credit: r.credit,
        section: r.section,
      },
    }];
  },
};
