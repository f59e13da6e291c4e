/**
 * Loader for the yearly SENACS questionnaire (observatoire national des centres sociaux et EVS,
 * CNAF + FCSF): about a hundred questions each spring on year N-1. Every Drôme structure answers
 * it, so the departmental level relies on it.
 *
 * Design:
 * - The mapping is data, not code: `data/reference/senacs_fields.csv` (`field;unit;aliases`, the
 *   aliases separated by `|`). A new or renamed SENACS question is mapped by adding an alias or a
 *   line there, then re-ingesting; no code changes. The file read can be replaced with the
 *   `SENACS_FIELDS` environment variable, or by calling {@link buildSenacsLoader} on another
 *   mapping (tests use a copy).
 * - Units: `texte` (kept as text), `oui/non` (1/0 with « oui »/« non »), and numeric units
 *   (`personnes`, `actions`, `nombre` must be whole numbers; `ETP`, `€`, `heures` may be
 *   decimal). Numbers are read the French way and must be ≥ 0; « NSP », « / », « - », « ? »,
 *   « NR » mean unknown: stored with a NULL number (never 0) and the answer as typed.
 * - Wide sheet in, long rows out: one row per structure (and year), one column per question. Each
 *   answered question becomes one row of `stg_senacs_answers`, keyed by (structure_id,
 *   survey_year, field): a re-sent questionnaire updates its answers, never doubles them.
 * - The structure comes from an id column (« Identifiant structure », « Code structure »), so the
 *   federation's extract (one row per structure) loads from the inbox root; the year from a column
 *   « Année » / « Année de référence » (the year the answers describe, N-1 of the campaign).
 *
 * Headers: an alias matches after `normaliseHeader`, exactly; for a field whose aliases hold a
 * code (« Q12 »), « Q12 <alias> » is added for each of its other aliases. A header matching no
 * alias exactly reaches `toRows` as an unknown cell and is then resolved by
 * {@link senacsFieldOfHeader}: a leading question code of the mapping (« Q12 - Nombre de
 * bénévoles d'activité (hors administrateurs) »), or a part of the header, cut at brackets and
 * separators, equal to an alias; any doubt leaves the column unmapped. A valid answer is stored
 * under the header as typed; an invalid one stays in `stg_senacs_unmapped` as typed.
 *
 * What the generic ingest path cannot express yet (see the proposal in the delivery notes):
 * - a resolved header is still reported as « colonne inconnue » by validate_table.ts and an
 *   invalid answer in it is not reported as an error (a `resolveHeader` hook in findHeader would
 *   give it the checks and messages of the mapped columns);
 * - a re-sent questionnaire updates the questions it answers but does not remove the earlier
 *   answers of questions left blank (no « replace by structure and year » rule in load_file.ts);
 * - a structure id absent from the registry is not refused: a loader sees neither the warehouse
 *   nor the registry;
 * - unmapped columns are reported (« colonne inconnue … ajoutez-la à … senacs_fields.csv ») and
 *   their values kept as typed in `stg_senacs_unmapped` (`keepUnknownColumns`);
 * - a loader sees neither the file nor the sheet name (no year from « senacs_2024.xlsx ») nor,
 *   when it does not need a structure, the folder's structure (no single-row fallback): both
 *   columns are required;
 * - `column_label` holds the header as the user typed it.
 *
 * @module
 */
import { join } from "node:path";
import { z } from "zod";
import type { FieldSpec, LoaderSpec, ParsedRecord, TableRow } from "../src/ingest/loader_spec.ts";
import { REFERENCE_DIR } from "../src/paths.ts";
import { decodeText } from "../src/read/decode_text.ts";
import { parseDelimited } from "../src/read/parse_delimited.ts";
import { parseNumber } from "../src/read/parse_number.ts";
import { normaliseHeader } from "../src/read/normalise_header.ts";

/** One line of the mapping file. */
export interface SenacsField {
  /** Field name stored in `stg_senacs_answers.field` (snake_case English). */
  field: string;
  /** `texte`, `oui/non`, or a numeric unit (`personnes`, `ETP`, `€`…). */
  unit: string;
  /** Header spellings, the reference label first. */
  aliases: string[];
}

/** The mapping shipped with the project. */
export const SENACS_FIELDS_PATH = join(REFERENCE_DIR, "senacs_fields.csv");

/** Units counting whole things: a decimal is an error. */
const WHOLE_UNITS = new Set(["personnes", "actions", "nombre"]);
/** Answers meaning « unknown »: NULL, not 0. */
const UNKNOWN = new Set(["nsp", "/", "-", "?", "nr", "ne sait pas", "non renseigne", "non connu"]);
const TRUE_WORDS = new Set(["oui", "o", "x", "vrai", "1", "yes"]);
const FALSE_WORDS = new Set(["non", "n", "faux", "0", "no"]);
/** A question code alias (« Q12 », « B3 », « 12 », « 3.2 »). */
const CODE = /^[a-z]{0,3}\d+(\.\d+)*[a-z]?$/i;
/** Columns that are not questions, with their aliases. */
const STRUCTURE_ALIASES = [
  "Identifiant structure",
  "Identifiant de la structure",
  "Code structure",
  "Code de la structure",
  "Id structure",
];
const YEAR_ALIASES = ["Année", "Année de référence", "Année des données", "Exercice"];
const RESERVED = new Set(["structure_id", "survey_year"]);

function isUnknown(text: string): boolean {
  const key = text.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\.$/, "");
  return UNKNOWN.has(key);
}

function kindOf(unit: string): "text" | "flag" | "number" {
  const u = normaliseHeader(unit);
  if (u === "texte" || u === "text") return "text";
  if (u === "ouinon") return "flag";
  return "number";
}

/**
 * Parses the mapping (`field;unit;aliases`). Throws a French message naming the line for a bad
 * field name, a missing alias, or an alias already used by another field.
 *
 * @example
 * ```ts
 * parseSenacsFields("field;unit;aliases\nfte_total;ETP;ETP total|Q51\n")
 * // [{ field: "fte_total", unit: "ETP", aliases: ["ETP total", "Q51"] }]
 * ```
 */
export function parseSenacsFields(text: string): SenacsField[] {
  const out: SenacsField[] = [];
  const owner = new Map<string, string>();
  for (const alias of [...STRUCTURE_ALIASES, ...YEAR_ALIASES]) {
    owner.set(normaliseHeader(alias), "(colonne clé)");
  }
  for (const { line, cells } of parseDelimited(text, ";").slice(1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    const [field = "", unit = "", aliasCell = ""] = cells.map((c) => c.trim());
    const where = `senacs_fields.csv, ligne ${line}`;
    if (!/^[a-z][a-z0-9_]*$/.test(field) || RESERVED.has(field)) {
      throw new Error(`${where} : nom de champ « ${field} » invalide (minuscules, chiffres et _)`);
    }
    if (out.some((f) => f.field === field)) throw new Error(`${where} : champ « ${field} » déjà déclaré`);
    const aliases = aliasCell.split("|").map((a) => a.trim()).filter((a) => a !== "");
    if (!unit || aliases.length === 0) throw new Error(`${where} : unité et au moins un libellé attendus`);
    for (const alias of aliases) {
      const key = normaliseHeader(alias);
      const other = owner.get(key);
      if (other !== undefined && other !== field) {
        throw new Error(`${where} : le libellé « ${alias} » est déjà celui de « ${other} »`);
      }
      owner.set(key, field);
    }
    out.push({ field, unit, aliases });
  }
  return out;
}

/** Reads a mapping file (UTF-8 or Windows-1252, as saved by a spreadsheet). */
export function readSenacsFields(path = Deno.env.get("SENACS_FIELDS") ?? SENACS_FIELDS_PATH): SenacsField[] {
  return parseSenacsFields(decodeText(Deno.readFileSync(path)).text);
}

/** Aliases of a mapped field as findHeader sees them, with « <code> <label> » for its codes. */
export function headerAliasesOf(field: SenacsField): string[] {
  const codes = field.aliases.filter((a) => CODE.test(a));
  const labels = field.aliases.filter((a) => !CODE.test(a));
  return [...field.aliases, ...codes.flatMap((code) => labels.map((label) => `${code} ${label}`))];
}

/** The reference label of a field: its first alias that is not a question code. */
function referenceLabel(field: SenacsField): string {
  return field.aliases.find((a) => !CODE.test(a)) ?? field.aliases[0];
}

/** A question code at the start of a header, then a separator: « Q12 - … », « Q12. … », « Q12) … ». */
const LEADING_CODE = /^\s*([a-z]{0,3}\d+(?:\.\d+)*[a-z]?)\s*(?:[-–—:.)]\s*|\s+)(?=\S)/i;
/** Where a header splits into a label and its clarification: brackets, « - », « – », « : », « / ». */
const CLARIFICATION = /\s*(?:[()[\]]|\s[-–—/]\s|\s*:\s)\s*/;

/**
 * The mapped field of a header that no alias matches exactly, or null. Two rules, each refusing
 * any doubt (two fields possible → null), so no column is silently mapped to the wrong question:
 * - the header starts with a question code of the mapping (« Q12 - Nombre de bénévoles… »), and
 *   the rest of the header names no other field;
 * - one part of the header, cut at brackets and separators, is an alias (« Nombre de bénévoles
 *   d'activité (hors administrateurs) »). A label merely inside a longer phrase does not count:
 *   « Nombre d'ETP d'animation » is not « Nombre d'ETP ».
 *
 * @example
 * ```ts
 * senacsFieldOfHeader("Q12 - Bénévoles actifs", mapping) // "volunteers_activity"
 * senacsFieldOfHeader("Budget total (en euros)", mapping) // "budget_total"
 * ```
 */
export function senacsFieldOfHeader(header: string, mapping: readonly SenacsField[]): string | null {
  const byAlias = new Map<string, string>();
  for (const f of mapping) for (const a of f.aliases) byAlias.set(normaliseHeader(a), f.field);
  const labelFields = (text: string) =>
    new Set(
      [text, ...text.split(CLARIFICATION)]
        .map((part) => byAlias.get(normaliseHeader(part)))
        .filter((f): f is string => f !== undefined),
    );
  const code = LEADING_CODE.exec(header);
  if (code) {
    const byCode = byAlias.get(normaliseHeader(code[1]));
    const rest = labelFields(header.slice(code[0].length));
    if (byCode !== undefined) return [...rest].every((f) => f === byCode) ? byCode : null;
    return rest.size === 1 ? [...rest][0] : null;
  }
  const found = labelFields(header);
  return found.size === 1 ? [...found][0] : null;
}

/** A record after validation: the keys, then each field as number, text, flag or null. */
export type SenacsRecord = ParsedRecord & { structure_id: string; survey_year: number };

/** Checks one answer; returns the French problem, or null when it is fine. */
function answerProblem(field: SenacsField, text: string): string | null {
  if (isUnknown(text)) return null;
  const kind = kindOf(field.unit);
  if (kind === "text") return null;
  if (kind === "flag") {
    const word = text.trim().toLowerCase();
    return TRUE_WORDS.has(word) || FALSE_WORDS.has(word)
      ? null
      : `« ${text.trim()} » : « oui » ou « non » attendu`;
  }
  const parsed = parseNumber(text);
  if (!parsed.ok) return `${parsed.reason} (${field.unit} attendus ; « NSP » si inconnu)`;
  if (parsed.value < 0) return `${text.trim()} : un nombre positif ou nul est attendu`;
  if (WHOLE_UNITS.has(normaliseHeader(field.unit)) && !Number.isInteger(parsed.value)) {
    return `${text.trim()} : nombre entier attendu (${field.unit})`;
  }
  return null;
}

/** The typed value of a valid answer (an unknown answer stays as typed, e.g. « NSP »). */
function answerValue(field: SenacsField, text: string): string | number | boolean {
  const trimmed = text.trim();
  if (isUnknown(trimmed)) return trimmed;
  const kind = kindOf(field.unit);
  if (kind === "text") return trimmed;
  if (kind === "flag") return TRUE_WORDS.has(trimmed.toLowerCase());
  return (parseNumber(trimmed) as { value: number }).value;
}

/** The `stg_senacs_answers` row of one answer (`label`: the header as the user typed it). */
function answerRow(
  r: SenacsRecord,
  f: SenacsField,
  value: string | number | boolean,
  label: string,
): TableRow {
  const unknown = typeof value === "string" && kindOf(f.unit) !== "text";
  return {
    table: "stg_senacs_answers",
    row: {
      structure_id: r.structure_id,
      survey_year: r.survey_year,
      field: f.field,
      unit: f.unit,
      value_number: typeof value === "number" ? value : typeof value === "boolean" ? Number(value) : null,
      value_text: typeof value === "boolean"
        ? (value ? "oui" : "non")
        : unknown || typeof value === "string"
        ? String(value)
        : null,
      column_label: label,
    },
  };
}

/**
 * A SENACS loader for `mapping` (the module's {@link senacsLoader} uses the shipped file).
 *
 * @example
 * ```ts
 * const spec = buildSenacsLoader(readSenacsFields("/tmp/copie_senacs_fields.csv"));
 * ```
 */
export function buildSenacsLoader(mapping: readonly SenacsField[]): LoaderSpec<SenacsRecord> {
  const fields: Record<string, FieldSpec> = {
    structure_id: { type: "text", aliases: STRUCTURE_ALIASES, required: true },
    survey_year: { type: "number", aliases: YEAR_ALIASES, required: true },
  };
  const shape: Record<string, z.ZodType<string | null>> = {};
  for (const f of mapping) {
    // Read as text: « NSP » must not fail the number parser, and the unit decides the type.
    fields[f.field] = { type: "text", aliases: headerAliasesOf(f), optional: true };
    shape[f.field] = z.string().nullable();
  }
  const schema = z.object({
    ...shape,
    structure_id: z.string().transform((s) => s.trim().toLowerCase()).pipe(
      z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
        error: "identifiant de structure invalide : celui du registre attendu (ex. « saint-nicolas »)",
      }),
    ),
    survey_year: z.number()
      .int({ error: "année de référence sur 4 chiffres attendue (ex. 2024)" })
      .min(2000, { error: "année de référence invalide (2000 à 2100)" })
      .max(2100, { error: "année de référence invalide (2000 à 2100)" }),
  }).superRefine((r, ctx) => {
    for (const f of mapping) {
      const text = (r as Record<string, unknown>)[f.field];
      if (typeof text !== "string") continue;
      const problem = answerProblem(f, text);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: [f.field] });
    }
  }).transform((r) => {
    const out: Record<string, string | number | boolean | null> = {
      structure_id: r.structure_id,
      survey_year: r.survey_year,
    };
    for (const f of mapping) {
      const text = (r as Record<string, unknown>)[f.field];
      out[f.field] = typeof text === "string" ? answerValue(f, text) : null;
    }
    return out as SenacsRecord;
  }) as unknown as z.ZodType<SenacsRecord>;

  const byField = new Map(mapping.map((f) => [f.field, f]));
  const resolvedCache = new Map<string, SenacsField | null>();
  /** The mapped field of an unmatched header (memoised: the same headers come on every row). */
  const resolvedField = (header: string): SenacsField | null => {
    let found = resolvedCache.get(header);
    if (found === undefined) {
      const field = senacsFieldOfHeader(header, mapping);
      resolvedCache.set(header, found = field === null ? null : byField.get(field) ?? null);
    }
    return found;
  };

  return {
    kind: "senacs",
    format: "senacs-questionnaire",
    label: "questionnaire SENACS",
    keepUnknownColumns: true,
    unknownColumnAdvice:
      "pour l'exploiter, ajoutez-la à la table des questions SENACS du référentiel (fichier des champs SENACS, voir le README) puis rechargez le fichier",
    tables: {
      stg_senacs_answers: ["structure_id", "survey_year", "field"],
      stg_senacs_unmapped: ["structure_id", "survey_year", "column_label"],
    },
    // A re-sent questionnaire replaces the whole earlier one of that structure and year, even the
    // questions it no longer answers; its ids must be in the registry.
    replaceScope: ["structure_id", "survey_year"],
    structureField: "structure_id",
    needsStructure: false,
    fields,
    schema,
    warnings(r) {
      return mapping.some((f) => r[f.field] !== null) ? [] : [{
        field: "structure_id",
        message: "aucune réponse reconnue sur cette ligne : rien n'est chargé pour cette structure",
      }];
    },
    toRows(r, _ctx, extras): TableRow[] {
      const rows: TableRow[] = [];
      // Unmapped questions are kept as typed: a mapping added later applies on re-ingest.
      for (const { header, value } of extras?.unknownCells ?? []) {
        // A header holding a code or a known label (see senacsFieldOfHeader) is an answer, when
        // the question is not answered by an exactly matched column too and the answer is valid.
        const resolved = resolvedField(header);
        if (resolved && r[resolved.field] === null && answerProblem(resolved, value) === null) {
          rows.push(answerRow(r, resolved, answerValue(resolved, value), header));
          continue;
        }
        rows.push({
          table: "stg_senacs_unmapped",
          row: {
            structure_id: r.structure_id,
            survey_year: r.survey_year,
            column_label: header,
            value_text: value,
          },
        });
      }
      for (const f of mapping) {
        const value = r[f.field];
        if (value === null || value === undefined) continue;
        rows.push(answerRow(r, f, value, extras?.headers[f.field] ?? referenceLabel(f)));
      }
      return rows;
    },
  };
}

/** The loader over the shipped mapping (or the file named by `SENACS_FIELDS`). */
export const senacsLoader: LoaderSpec<SenacsRecord> = buildSenacsLoader(readSenacsFields());
