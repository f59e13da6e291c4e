/**
 * Family quotient (quotient familial, QF) bands as data the user can edit
 * (`data/reference/qf_bands.csv`, columns `min;max;label`, euros, bounds included, an empty
 * `max` for the last open band). A QF amount is never stored: only its band.
 *
 * @module
 */
import { join } from "node:path";
import { REFERENCE_DIR } from "../paths.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { decodeText } from "../read/decode_text.ts";
import { parseNumber } from "../read/parse_number.ts";

/** One band: amounts from `min` to `max` euros (both included; `max` null = no upper bound). */
export interface QfBand {
  min: number;
  max: number | null;
  label: string;
}

/** The outcome of mapping an amount: a band label, or null with a French reason. */
export type QfBandMatch = { band: string; warning: null } | { band: null; warning: string | null };

/**
 * Reads the bands from the CSV text. Throws a French message naming the line when the file is
 * malformed (bands must be in increasing order and must not overlap).
 */
export function qfBandsFromCsv(text: string, source = "qf_bands.csv"): QfBand[] {
  const rows = parseDelimited(text, ";").slice(1)
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  const bands: QfBand[] = [];
  for (const { line, cells } of rows) {
    const bad = (why: string) => new Error(`${source} ligne ${line} : ${why}`);
    const [minText = "", maxText = "", label = ""] = cells.map((c) => c.trim());
    const min = parseNumber(minText);
    if (!min.ok || min.value < 0) throw bad(`minimum « ${minText} » illisible`);
    let max: number | null = null;
    if (maxText !== "") {
      const parsed = parseNumber(maxText);
      if (!parsed.ok || parsed.value < min.value) {
        throw bad(`maximum « ${maxText} » illisible ou inférieur au minimum`);
      }
      max = parsed.value;
    }
    if (label === "") throw bad("libellé de tranche manquant");
    const previous = bands.at(-1);
    if (previous && (previous.max === null || min.value <= previous.max)) {
      throw bad(`la tranche « ${label} » chevauche la précédente (« ${previous.label} »)`);
    }
    bands.push({ min: min.value, max, label });
  }
  if (bands.length === 0) throw new Error(`${source} : aucune tranche de quotient familial`);
  return bands;
}

/**
 * The band of a QF amount (a number, or text such as « 612 », « 612,50 € », « 1 250 »). The
 * amount is rounded down to the euro, as the CAF computes it, so 400,50 falls in « 0-400 ».
 *
 * @example
 * qfBandOf(bands, "612,50 €") // { band: "401-700", warning: null }
 * qfBandOf(bands, "") // { band: null, warning: null }
 */
export function qfBandOf(bands: readonly QfBand[], amount: number | string | null): QfBandMatch {
  if (amount === null || (typeof amount === "string" && amount.trim() === "")) {
    return { band: null, warning: null };
  }
  const parsed = parseNumber(amount);
  if (!parsed.ok) {
    return { band: null, warning: "quotient familial illisible : tranche laissée vide" };
  }
  const euros = Math.floor(parsed.value);
  if (euros < 0) return { band: null, warning: "quotient familial négatif : tranche laissée vide" };
  const band = bands.find((b) => euros >= b.min && (b.max === null || euros <= b.max));
  return band
    ? { band: band.label, warning: null }
    : { band: null, warning: "quotient familial hors des tranches de qf_bands.csv : tranche laissée vide" };
}

/** Reads the reference file (synchronously: loaders map rows synchronously). */
export function loadQfBandsSync(path = join(REFERENCE_DIR, "qf_bands.csv")): QfBand[] {
  return qfBandsFromCsv(decodeText(Deno.readFileSync(path)).text);
}

let shared: QfBand[] | null = null;

/** The bands of `data/reference/qf_bands.csv`, read once per process. */
export function referenceQfBands(): QfBand[] {
  return shared ??= loadQfBandsSync();
}
