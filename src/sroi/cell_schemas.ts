/**
 * Zod schemas that turn raw spreadsheet cells into typed values with French messages.
 * @module
 */

import { z } from "zod";
import { cellText } from "../read/cell_text.ts";
import { normaliseHeader } from "../read/normalise_header.ts";
import { parseNumber } from "../read/parse_number.ts";
import { quote } from "../read/parsed.ts";
import type { CellValue } from "../read/row.ts";
import { parsePercent } from "./percent.ts";

/**
 * Resolves a catalogue indicator id to its value, or null when the id is unknown. This is the
 * hook the indicator catalogue will fill; until then the CLI uses {@link unknownIndicator}.
 */
export type IndicatorResolver = ((id: string) => number | null) & {
  /** Why an id has no value (unknown to the catalogue, or no value for the scope and year). */
  explain?: (id: string) => string;
};

/**
 * The resolver used while the catalogue does not exist: every id is unknown.
 *
 * @example
 * unknownIndicator("participants_uniques") // null
 */
export const unknownIndicator: IndicatorResolver = () => null;

/** What an indicator id looks like: « participants_uniques », « benevolat.heures ». */
export const INDICATOR_ID = /^[a-z][a-z0-9]*(?:[_.:-][a-z0-9]+)*$/i;

type Cell = CellValue | undefined;
const anyCell = z.custom<Cell>(() => true);

/** True for a missing, null or blank cell. */
export function isEmptyCell(value: Cell): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * A text cell; empty gives "" or, when `required`, the issue « valeur manquante ».
 *
 * @example
 * textCell(true).parse(" Parents ") // "Parents"
 */
export function textCell(required = false) {
  return anyCell.transform((value, ctx) => {
    if (isEmptyCell(value)) {
      if (required) ctx.addIssue({ code: "custom", message: "valeur manquante" });
      return "";
    }
    return cellText(value ?? null).trim();
  });
}

function parseNumberCell(value: Cell, min: number | undefined, ctx: z.RefinementCtx): number | null {
  const parsed = parseNumber(value ?? null);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.reason });
    return null;
  }
  if (min !== undefined && parsed.value < min) {
    ctx.addIssue({ code: "custom", message: `${quote(value)} est inférieur à ${min}` });
    return null;
  }
  return parsed.value;
}

/**
 * A required number ≥ `min` (French or English writing, « 1 234,5 € »).
 *
 * @example
 * numberCell(0).parse("1 234,5 €") // 1234.5
 */
export function numberCell(min?: number) {
  return anyCell.transform((value, ctx): number => {
    if (isEmptyCell(value)) {
      ctx.addIssue({ code: "custom", message: "valeur manquante : un nombre est attendu" });
      return z.NEVER;
    }
    return parseNumberCell(value, min, ctx) ?? z.NEVER;
  });
}

/**
 * An optional number ≥ `min`: empty gives null.
 *
 * @example
 * optionalNumberCell(0).parse("") // null
 */
export function optionalNumberCell(min?: number) {
  return anyCell.transform((value, ctx): number | null => {
    if (isEmptyCell(value)) return null;
    return parseNumberCell(value, min, ctx) ?? z.NEVER;
  });
}

function parsePercentCell(value: Cell, ctx: z.RefinementCtx): number | null {
  const parsed = parsePercent(value ?? null);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: parsed.reason });
  return null;
}

/**
 * A percentage as a fraction (see {@link parsePercent}); empty gives `fallback`.
 *
 * @example
 * percentCell(0).parse("25 %") // 0.25
 */
export function percentCell(fallback: number) {
  return anyCell.transform((value, ctx): number => {
    if (isEmptyCell(value)) return fallback;
    return parsePercentCell(value, ctx) ?? z.NEVER;
  });
}

/**
 * An optional percentage as a fraction; empty gives null.
 *
 * @example
 * optionalPercentCell().parse(0.1) // 0.1
 */
export function optionalPercentCell() {
  return anyCell.transform((value, ctx): number | null => {
    if (isEmptyCell(value)) return null;
    return parsePercentCell(value, ctx) ?? z.NEVER;
  });
}

/**
 * A whole number of years between 1 and `max` (« 3 », « 3 ans », 3).
 *
 * @example
 * yearsCell(50).parse("3 ans") // 3
 */
export function yearsCell(max: number, fallback?: number) {
  return anyCell.transform((value, ctx): number => {
    if (isEmptyCell(value)) {
      if (fallback !== undefined) return fallback;
      ctx.addIssue({ code: "custom", message: "valeur manquante : un nombre d'années est attendu" });
      return z.NEVER;
    }
    const text = typeof value === "string" ? value.replace(/\s*(ans?|années?|annees?)\s*$/i, "") : value;
    const parsed = parseNumber(text ?? null);
    if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 1 || parsed.value > max) {
      ctx.addIssue({
        code: "custom",
        message: `${quote(value)} : un nombre entier d'années entre 1 et ${max} est attendu`,
      });
      return z.NEVER;
    }
    return parsed.value;
  });
}

/**
 * The start of the outcome: 1 (during the action, the default) or 2 (after it); « pendant »
 * and « après » are accepted too.
 *
 * @example
 * startCell.parse("après") // 2
 */
export const startCell = anyCell.transform((value, ctx): 1 | 2 => {
  if (isEmptyCell(value)) return 1;
  const key = normaliseHeader(cellText(value ?? null));
  if (key === "1" || key.startsWith("pendant")) return 1;
  if (key === "2" || key.startsWith("apres")) return 2;
  ctx.addIssue({
    code: "custom",
    message: `${quote(value)} : indiquez 1 (pendant l'action) ou 2 (après l'action)`,
  });
  return z.NEVER;
});

/**
 * A quantity: a number ≥ 0, or the id of a catalogue indicator resolved by `resolve`. A negative
 * quantity is refused with a message pointing to the proxy: a negative outcome is a count of
 * people (≥ 0) valued with a negative proxy.
 *
 * @example
 * quantityCell(() => 42).parse("participants_uniques") // { value: 42, indicator: "participants_uniques" }
 * quantityCell(() => null).parse("12") // { value: 12, indicator: null }
 */
export function quantityCell(resolve: IndicatorResolver) {
  return anyCell.transform((value, ctx): { value: number; indicator: string | null } => {
    if (isEmptyCell(value)) {
      ctx.addIssue({
        code: "custom",
        message: "valeur manquante : un nombre ou l'identifiant d'un indicateur est attendu",
      });
      return z.NEVER;
    }
    const parsed = parseNumber(value ?? null);
    if (parsed.ok) {
      if (parsed.value < 0) {
        ctx.addIssue({
          code: "custom",
          message: `${quote(value)} est négatif : une quantité compte des personnes ou des unités ; ` +
            "pour un changement négatif, saisissez une quantité positive et un proxy financier négatif",
        });
        return z.NEVER;
      }
      return { value: parsed.value, indicator: null };
    }
    const id = cellText(value ?? null).trim();
    if (!INDICATOR_ID.test(id)) {
      ctx.addIssue({
        code: "custom",
        message: `${quote(value)} n'est ni un nombre ni un identifiant d'indicateur`,
      });
      return z.NEVER;
    }
    const resolved = resolve(id);
    if (resolved === null || !Number.isFinite(resolved)) {
      ctx.addIssue({
        code: "custom",
        message: resolve.explain?.(id) ??
          `indicateur inconnu : ${
            quote(id)
          } n'est pas un nombre ni l'identifiant d'un indicateur du catalogue`,
      });
      return z.NEVER;
    }
    return { value: resolved, indicator: id };
  });
}
