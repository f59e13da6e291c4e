/**
 * INSEE's variable codes in the *base comparateur de territoires* and the *dossier complet*: the
 * code carries the vintage (`P21_POP` is the 2021 population census, `MED21` the 2021 median
 * standard of living, `TP6021` the 2021 poverty rate at 60 %). The year is read from the code, so a
 * new vintage loads without a change here.
 *
 * @module
 */

/** A variable code split into its variable and its vintage (null for undated codes like SUPERF). */
export interface InseeVariable {
  /** The code without its year: `P_POP`, `MED`, `TP60`, `SUPERF`. */
  variable: string;
  vintage: number | null;
  /** As written in the file. */
  code: string;
}

/** Census codes: `P21_POP`, `C21_FAMMONO` (P = main exploitation, C = complementary). */
const CENSUS = /^([PC])(\d{2})_([A-Z0-9_]+)$/;
/** Filosofi and other codes ending with the year: `MED21`, `TP6021`, `NBMENFISC21`, `PIMP21`. */
const SUFFIXED = /^([A-Z][A-Z0-9]*?)(\d{2})$/;
/** Undated codes. */
const UNDATED = new Set(["SUPERF"]);

/**
 * Reads a column code; null when it is not an INSEE variable code (a label, `CODGEO`, `LIBGEO`).
 *
 * @example
 * ```ts
 * parseInseeCode("P21_POP") // { variable: "P_POP", vintage: 2021, code: "P21_POP" }
 * parseInseeCode("TP6021") // { variable: "TP60", vintage: 2021, code: "TP6021" }
 * parseInseeCode("Population") // null
 * ```
 */
export function parseInseeCode(header: string): InseeVariable | null {
  const code = header.trim();
  if (UNDATED.has(code)) return { variable: code, vintage: null, code };
  const census = CENSUS.exec(code);
  if (census) return { variable: `${census[1]}_${census[3]}`, vintage: 2000 + Number(census[2]), code };
  const suffixed = SUFFIXED.exec(code);
  if (suffixed && KNOWN_SUFFIXED.has(suffixed[1])) {
    return { variable: suffixed[1], vintage: 2000 + Number(suffixed[2]), code };
  }
  return null;
}

/** Filosofi and employment families read with a year suffix (others would be guesses). */
const KNOWN_SUFFIXED = new Set([
  "MED",
  "TP60",
  "NBMENFISC",
  "PIMP",
  "PPEN",
  "PPAT",
  "PPSOC",
  "PPFAM",
  "PPMINI",
  "PPLOGT",
  "D1",
  "D9",
  "RD",
  "ETTOT",
  "NAISD",
  "DECESD",
]);

/** French label and unit of the variables the pages use (others keep their code as label). */
export const INSEE_LABELS: Record<
  string,
  { label: string; unit: "personnes" | "ménages" | "euros" | "pourcentage" | "km²" }
> = {
  P_POP: { label: "Population", unit: "personnes" },
  P_MEN: { label: "Ménages", unit: "ménages" },
  P_POP1564: { label: "Population de 15 à 64 ans", unit: "personnes" },
  P_ACT1564: { label: "Actifs de 15 à 64 ans", unit: "personnes" },
  P_CHOM1564: { label: "Chômeurs de 15 à 64 ans", unit: "personnes" },
  P_POP0014: { label: "Population de 0 à 14 ans", unit: "personnes" },
  P_POP6074: { label: "Population de 60 à 74 ans", unit: "personnes" },
  P_POP75P: { label: "Population de 75 ans ou plus", unit: "personnes" },
  C_FAM: { label: "Familles", unit: "ménages" },
  C_FAMMONO: { label: "Familles monoparentales", unit: "ménages" },
  NBMENFISC: { label: "Ménages fiscaux", unit: "ménages" },
  PIMP: { label: "Part des ménages fiscaux imposés", unit: "pourcentage" },
  MED: { label: "Médiane du niveau de vie", unit: "euros" },
  TP60: { label: "Taux de pauvreté (seuil de 60 %)", unit: "pourcentage" },
  SUPERF: { label: "Superficie", unit: "km²" },
};

/** Cells INSEE writes for a secret or unavailable value: missing, never 0. */
const MISSING = new Set(["", "s", "nd", "n.d.", "ns", "nc", "-", "so"]);

/**
 * A cell as a number, or null with the reason when it is secret or unavailable.
 *
 * @example
 * ```ts
 * readInseeValue("13,4") // { value: 13.4, status: null }
 * readInseeValue("s") // { value: null, status: "secret" }
 * ```
 */
export function readInseeValue(cell: string): { value: number | null; status: "secret" | "absent" | null } {
  const text = cell.trim();
  const lower = text.toLowerCase();
  if (lower === "s") return { value: null, status: "secret" };
  if (MISSING.has(lower)) return { value: null, status: "absent" };
  const value = Number(text.replace(/\s|\u202f|\u00a0/g, "").replace(",", "."));
  return Number.isFinite(value) ? { value, status: null } : { value: null, status: "absent" };
}
