/**
 * Pieces shared by the three `finances` loaders: euro amounts (French numbers, empty = 0, never
 * negative, rounded to the cent) and budget years.
 *
 * @module
 */
import { z } from "zod";

/** Rounds to the cent (amounts are stored in euros with two decimals). */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** An amount in French writing for messages: 1234.5 → "1234,50 €". */
export function euros(value: number): string {
  return `${value.toFixed(2).replace(".", ",")} €`;
}

/** An amount cell: empty reads as 0, a negative amount is refused. */
export const amount = z.number()
  .nullable()
  .transform((v) => cents(v ?? 0))
  .refine((v) => v >= 0, {
    error:
      "un montant ne peut pas être négatif : saisissez-le dans l'autre colonne (débit ou crédit, charges ou produits)",
  });

/** An optional amount: empty stays empty (null), a negative amount is refused. */
export const optionalAmount = z.number()
  .nullable()
  .transform((v) => (v === null ? null : cents(v)))
  .refine((v) => v === null || v >= 0, { error: "un montant ne peut pas être négatif" });

/** A year cell ("2024", 2024, "2023/2024" → 2024, the year the fiscal year closes). */
export function yearOf(value: string): number | null {
  const years = value.match(/\b(19|20)\d{2}\b/g);
  if (!years || years.length > 2) return null;
  if (!/^\s*(19|20)\d{2}(\s*[-/–]\s*(19|20)\d{2})?\s*$/.test(value)) return null;
  return Number(years[years.length - 1]);
}

/** A required year: « 2024 », or « 2023/2024 » for a fiscal year over two calendar years. */
export const year = z.string().transform((v, ctx) => {
  const y = yearOf(v);
  if (y !== null && y >= 2000 && y <= 2100) return y;
  ctx.addIssue({
    code: "custom",
    message: `année « ${v} » illisible : écrivez l'année sur 4 chiffres (2024)`,
  });
  return z.NEVER;
});
