/**
 * Result of parsing one user-supplied value: either the value or a French reason.
 * @module
 */

/** `ok: false` carries a reason written in French, meant to be shown to users. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Builds a successful result.
 * @example ok(3) // { ok: true, value: 3 }
 */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/**
 * Builds a failed result with a French reason.
 * @example fail("valeur vide") // { ok: false, reason: "valeur vide" }
 */
export function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/**
 * Renders a cell value for quoting inside French messages.
 * @example quote(" douze ") // "« douze »"
 */
export function quote(value: unknown): string {
  if (value instanceof Date) return `« ${value.toISOString()} »`;
  return `« ${String(value).trim()} »`;
}
