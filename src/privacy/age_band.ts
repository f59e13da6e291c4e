/**
 * Age bands: birth dates are reduced to a birth year at ingestion, and published only as bands.
 * The same table drives the TypeScript function and the SQL macro used by the marts.
 *
 * @module
 */

/** Bands used on every page, with the highest age of each (CAF publics). */
export const AGE_BANDS: readonly { label: string; maxAge: number }[] = [
  { label: "0-5 ans", maxAge: 5 },
  { label: "6-11 ans", maxAge: 11 },
  { label: "12-17 ans", maxAge: 17 },
  { label: "18-25 ans", maxAge: 25 },
  { label: "26-59 ans", maxAge: 59 },
  { label: "60 ans et plus", maxAge: 110 },
];

/** Label for unknown ages. */
export const UNKNOWN_AGE = "Âge inconnu";

/**
 * The band of someone born in `birthYear`, during `year` (age reached that year).
 *
 * @example
 * ```ts
 * ageBand(2010, 2024) // "12-17 ans"
 * ```
 */
export function ageBand(birthYear: number | null, year: number): string {
  if (birthYear === null) return UNKNOWN_AGE;
  const age = year - birthYear;
  if (age < 0) return UNKNOWN_AGE;
  return AGE_BANDS.find((band) => age <= band.maxAge)?.label ?? UNKNOWN_AGE;
}

/** SQL macro `age_band(birth_year, year)` equivalent to {@link ageBand}, built from constants. */
export function ageBandMacroSql(): string {
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const whens = AGE_BANDS.map((b) => `WHEN year - birth_year <= ${b.maxAge} THEN ${quote(b.label)}`);
  return `CREATE OR REPLACE MACRO age_band(birth_year, year) AS CASE
    WHEN birth_year IS NULL OR year - birth_year < 0 THEN ${quote(UNKNOWN_AGE)}
    ${whens.join("\n    ")}
    ELSE ${quote(UNKNOWN_AGE)} END`;
}
