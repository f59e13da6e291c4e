/**
 * French month names and their usual abbreviations.
 * @module
 */

import { normaliseHeader } from "./normalise_header.ts";

// Keys are normalised (no accents, no dots), so "Févr." and "fevr" both find 2.
const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

/**
 * Month number (1–12) of a French month name or abbreviation, or null.
 *
 * @example
 * frenchMonth("Févr.") // 2
 */
export function frenchMonth(name: string): number | null {
  return MONTHS[normaliseHeader(name)] ?? null;
}

const NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/**
 * Full French name of a month number (1–12), for messages.
 *
 * @example
 * frenchMonthName(2) // "février"
 */
export function frenchMonthName(month: number): string {
  return NAMES[month - 1] ?? String(month);
}
