/**
 * The two reference files the officer edits to value volunteer time, validated with Zod and
 * reported in French with the file, the line and the column:
 *
 * - `data/reference/taux_valorisation_benevolat.csv`: dated gross hourly SMIC and two employer-charges
 *   coefficients, high and low, so the valuation is shown as a range (`date de début;taux horaire
 *   brut SMIC (€);coefficient de charges haut;coefficient de charges bas;source`; the low column is
 *   optional: without it the range is a single value);
 * - `data/reference/grades_alisfa_benevolat.csv`: categories of responsibility, the mission
 *   keywords that fall in each, and a multiplier of the SMIC or a gross hourly rate
 *   (`catégorie;missions (mots-clés séparés par |);multiplicateur du SMIC;taux horaire brut (€);source`).
 *
 * @module
 */
import { z } from "zod";
import { normaliseHeader } from "../read/normalise_header.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { parseDate } from "../read/parse_date.ts";
import { parseNumber } from "../read/parse_number.ts";

/** A dated rate, in force from `start` (ISO) until the next one. */
export interface VolunteeringRate {
  start: string;
  smic: number;
  /** High employer-charges coefficient (common-law charges, no reduction). */
  coefficient: number;
  /** Low coefficient (after the general reduction at SMIC level); = `coefficient` when not given. */
  coefficientLow: number;
  source: string;
  line: number;
}

/** A category of responsibility with its mission keywords (normalised) and its rate. */
export interface VolunteeringGrade {
  category: string;
  keywords: string[];
  multiplier: number | null;
  hourlyRate: number | null;
  source: string;
  line: number;
}

/** Parsed file: valid entries and French problems (none means every line is valid). */
export interface Parsed<T> {
  entries: T[];
  issues: string[];
}

/** An expected column: its key, its French header, and the other headers accepted. */
interface Column {
  key: string;
  header: string;
  aliases: string[];
  optional?: boolean;
}

const RATE_COLUMNS: Column[] = [
  { key: "start", header: "date de début", aliases: ["début", "date", "à partir du", "date d'effet"] },
  {
    key: "smic",
    header: "taux horaire brut SMIC (€)",
    aliases: [
      "taux horaire brut SMIC",
      "SMIC horaire brut",
      "SMIC horaire brut (€)",
      "SMIC",
      "taux horaire brut",
    ],
  },
  {
    key: "coefficient",
    header: "coefficient de charges haut",
    aliases: [
      "coefficient de charges patronales",
      "coefficient de charges",
      "coefficient charges patronales",
      "coefficient haut",
      "coefficient",
    ],
  },
  {
    key: "coefficientLow",
    header: "coefficient de charges bas",
    aliases: ["coefficient bas", "coefficient de charges réduit"],
    optional: true,
  },
  { key: "source", header: "source", aliases: ["sources", "référence"] },
];

const GRADE_COLUMNS: Column[] = [
  {
    key: "category",
    header: "catégorie",
    aliases: ["responsabilité", "catégorie de responsabilité", "grade"],
  },
  {
    key: "keywords",
    header: "missions (mots-clés séparés par |)",
    aliases: ["missions", "mots-clés", "mots-clés des missions"],
  },
  {
    key: "multiplier",
    header: "multiplicateur du SMIC",
    aliases: ["multiplicateur", "coefficient du SMIC"],
    optional: true,
  },
  {
    key: "hourlyRate",
    header: "taux horaire brut (€)",
    aliases: ["taux horaire brut", "taux horaire", "taux horaire (€)"],
    optional: true,
  },
  { key: "source", header: "source", aliases: ["sources", "référence"] },
];

/** Zod field reading a French number (« 11,88 »). */
const frenchNumber = (what: string, min: number, max: number) =>
  z.string().transform((s, ctx) => {
    const n = parseNumber(s);
    if (!n.ok) {
      ctx.addIssue({ code: "custom", message: `${what} : ${n.reason}` });
      return z.NEVER;
    }
    if (n.value < min || n.value > max) {
      ctx.addIssue({
        code: "custom",
        message: `${what} « ${s.trim()} » hors des valeurs plausibles (de ${min} à ${max})`,
      });
      return z.NEVER;
    }
    return n.value;
  });

const required = (message: string) => z.string().trim().min(1, { error: message });

const rateSchema = z.object({
  start: z.string().transform((s, ctx) => {
    const d = parseDate(s.trim());
    if (!d.ok) {
      ctx.addIssue({ code: "custom", message: `date de début : ${d.reason}` });
      return z.NEVER;
    }
    return d.value;
  }),
  smic: frenchNumber("taux horaire brut", 1, 100),
  coefficient: frenchNumber("coefficient de charges", 1, 3),
  coefficientLow: z.string().nullable(),
  source: required("source manquante : citez le décret ou l'arrêté qui fixe ce taux"),
}).transform((r, ctx) => {
  // The low coefficient is optional: an empty cell or no column means no range (low = high).
  const text = r.coefficientLow?.trim() ?? "";
  if (text === "") return { ...r, coefficientLow: r.coefficient };
  const n = parseNumber(text);
  if (!n.ok || n.value < 1 || n.value > r.coefficient) {
    ctx.addIssue({
      code: "custom",
      path: ["coefficientLow"],
      message: n.ok
        ? `coefficient de charges bas « ${text} » hors des valeurs plausibles (de 1 au coefficient haut, ${
          String(r.coefficient).replace(".", ",")
        })`
        : `coefficient de charges bas : ${n.reason}`,
    });
    return z.NEVER;
  }
  return { ...r, coefficientLow: n.value };
});

const gradeSchema = z.object({
  category: required("catégorie manquante"),
  keywords: z.string().transform((s, ctx) => {
    const words = s.split("|").map(normaliseKeyword).filter((w) => w !== "");
    if (words.length === 0) {
      ctx.addIssue({ code: "custom", message: "au moins un mot-clé de mission est attendu (séparés par |)" });
      return z.NEVER;
    }
    return words;
  }),
  multiplier: z.string().nullable(),
  hourlyRate: z.string().nullable(),
  source: required("source manquante : indiquez d'où vient ce taux (grille ALISFA, hypothèse…)"),
}).transform((r, ctx) => {
  const read = (value: string | null, what: string, min: number, max: number, path: string) => {
    if (value === null || value.trim() === "") return null;
    const n = parseNumber(value);
    if (!n.ok || n.value < min || n.value > max) {
      ctx.addIssue({
        code: "custom",
        path: [path],
        message: n.ok
          ? `${what} « ${value.trim()} » hors des valeurs plausibles (de ${min} à ${max})`
          : n.reason,
      });
      return undefined;
    }
    return n.value;
  };
  const multiplier = read(r.multiplier, "multiplicateur", 0.5, 5, "multiplier");
  const hourlyRate = read(r.hourlyRate, "taux horaire", 1, 200, "hourlyRate");
  if (multiplier === undefined || hourlyRate === undefined) return z.NEVER;
  if ((multiplier === null) === (hourlyRate === null)) {
    ctx.addIssue({
      code: "custom",
      path: ["multiplier"],
      message:
        "indiquez soit un multiplicateur du SMIC, soit un taux horaire brut (l'un des deux, pas les deux)",
    });
    return z.NEVER;
  }
  return { ...r, multiplier, hourlyRate };
});

/**
 * How mission labels and keywords are compared: lower case, no accents, punctuation as spaces.
 *
 * @example
 * normaliseKeyword(" Conseil d'Administration ") // "conseil d administration"
 */
export function normaliseKeyword(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
}

/** Column letter of a 0-based index (A, B, … Z, AA…). */
function letter(index: number): string {
  let s = "";
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + (i - 1) % 26) + s;
  return s;
}

/** Rows of a `;` file as objects keyed by column key; problems with the header. */
function readColumns(
  text: string,
  file: string,
  columns: Column[],
): {
  rows: { line: number; values: Record<string, string | null> }[];
  where: Map<string, string>;
  issues: string[];
} {
  const all = parseDelimited(text, ";").filter((r) => r.cells.some((c) => c.trim() !== ""));
  const issues: string[] = [];
  const where = new Map<string, string>();
  if (all.length === 0) return { rows: [], where, issues: [`${file} : fichier vide`] };
  const header = all[0].cells.map(normaliseHeader);
  const index = new Map<string, number>();
  for (const c of columns) {
    const names = [c.header, ...c.aliases].map(normaliseHeader);
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) {
      index.set(c.key, i);
      where.set(c.key, `colonne « ${c.header} » (${letter(i)})`);
    } else {
      where.set(c.key, `colonne « ${c.header} »`);
      if (!c.optional) issues.push(`${file}, ligne ${all[0].line} : colonne « ${c.header} » absente`);
    }
  }
  if (issues.length > 0) return { rows: [], where, issues };
  const rows = all.slice(1).map((r) => ({
    line: r.line,
    values: Object.fromEntries(
      columns.map((c) => {
        const i = index.get(c.key);
        return [c.key, i === undefined ? null : (r.cells[i] ?? "")];
      }),
    ),
  }));
  return { rows, where, issues };
}

function validate<S extends z.ZodType>(
  text: string,
  file: string,
  columns: Column[],
  schema: S,
): { entries: (z.infer<S> & { line: number })[]; issues: string[] } {
  const { rows, where, issues } = readColumns(text, file, columns);
  const entries: (z.infer<S> & { line: number })[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row.values);
    if (parsed.success) {
      entries.push({ ...(parsed.data as object), line: row.line } as z.infer<S> & { line: number });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      const column = where.get(key);
      issues.push(`${file}, ligne ${row.line}${column ? `, ${column}` : ""} : ${issue.message}`);
    }
  }
  return { entries, issues };
}

/**
 * Parses the dated rates (sorted by date). Two lines with the same start date are an error.
 *
 * @example
 * parseRates("date de début;taux horaire brut SMIC (€);coefficient de charges haut;coefficient de charges bas;source\n" +
 *   "01/11/2024;11,88;1,45;1,1;Décret n° 2024-951").entries
 * // [{ start: "2024-11-01", smic: 11.88, coefficient: 1.45, coefficientLow: 1.1, source: "Décret n° 2024-951", line: 2 }]
 * parseRates("date de début;taux horaire brut SMIC (€);coefficient de charges haut;source\n" +
 *   "01/11/2024;onze;1,45;x", "taux.csv").issues
 * // ["taux.csv, ligne 2, colonne « taux horaire brut SMIC (€) » (B) : taux horaire brut : « onze » n'est pas un nombre"]
 */
export function parseRates(text: string, file = "taux_valorisation_benevolat.csv"): Parsed<VolunteeringRate> {
  const { entries, issues } = validate(text, file, RATE_COLUMNS, rateSchema);
  const seen = new Map<string, number>();
  for (const e of entries) {
    const other = seen.get(e.start);
    if (other !== undefined) {
      issues.push(`${file}, ligne ${e.line} : la date de début ${e.start} figure déjà ligne ${other}`);
    }
    seen.set(e.start, e.line);
  }
  entries.sort((a, b) => a.start.localeCompare(b.start));
  return { entries, issues };
}

/**
 * Parses the categories of responsibility (file order kept: the first category whose keyword
 * matches a mission wins).
 *
 * @example
 * parseGrades("catégorie;missions (mots-clés séparés par |);multiplicateur du SMIC;taux horaire brut (€);source\n" +
 *   "Gouvernance;Conseil d'administration|bureau;1,5;;hypothèse").entries[0].keywords
 * // ["conseil d administration", "bureau"]
 */
export function parseGrades(text: string, file = "grades_alisfa_benevolat.csv"): Parsed<VolunteeringGrade> {
  const { entries, issues } = validate(text, file, GRADE_COLUMNS, gradeSchema);
  const seen = new Set<string>();
  for (const e of entries) {
    const key = normaliseKeyword(e.category);
    if (seen.has(key)) {
      issues.push(`${file}, ligne ${e.line} : la catégorie « ${e.category} » figure deux fois`);
    }
    seen.add(key);
  }
  return { entries, issues };
}

/**
 * The category of a mission: the first grade with a keyword that starts a word of the mission
 * (« événement » matches « Événements »); null when none matches.
 *
 * @example
 * const grades = parseGrades("catégorie;missions (mots-clés séparés par |);multiplicateur du SMIC;taux horaire brut (€);source\n" +
 *   "Gouvernance;conseil d'administration;1,5;;h\nAccueil;accueil|événement;1;;h").entries;
 * gradeOf(grades, "Événements")?.category // "Accueil"
 * gradeOf(grades, "Jardinage") // null
 */
export function gradeOf(grades: readonly VolunteeringGrade[], mission: string): VolunteeringGrade | null {
  const text = ` ${normaliseKeyword(mission)}`;
  return grades.find((g) => g.keywords.some((k) => text.includes(` ${k}`))) ?? null;
}
