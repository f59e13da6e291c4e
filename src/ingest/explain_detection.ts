/**
 * Recognition that explains itself: when no loader has all its required columns, which kinds
 * came closest and which required columns they miss (with the other spellings accepted); when
 * two kinds fit, which one won and by how many columns.
 *
 * @module
 */
import { KIND_LABELS } from "../../pages/components/kinds.js";
import { findHeader } from "../read/find_header.ts";
import type { Detected } from "./detect_loader.ts";
import { normaliseHeader } from "../read/normalise_header.ts";
import type { FieldSpec, LoaderSpec } from "./loader_spec.ts";
import type { RawTable } from "./read_tables.ts";
import type { Issue } from "./validate_table.ts";
import { headerAliases } from "./validate_table.ts";

/** Rows searched for a header, as in {@link findHeader}. */
export const HEADER_SCAN_ROWS = 30;

/** Other spellings named after a missing column (the full list is in `deno task formats`). */
const ALIASES_SHOWN = 4;

/** Where to read every kind's columns. */
export const FORMATS_POINTER =
  "colonnes de chaque type : deno task formats ou la page « Formats acceptés » du site";

/**
 * The French name of a loader: its kind and, when it says more, its format
 * (« présences (feuille d'émargement) », « adhérents de l'Accorderie (banque de temps) »).
 */
export function loaderLabel(spec: LoaderSpec): string {
  const kind = (KIND_LABELS as Record<string, string>)[spec.kind] ?? spec.kind;
  if (normaliseHeader(spec.label).startsWith(normaliseHeader(kind))) return spec.label;
  return `${kind} (${spec.label})`;
}

/** The name a column is shown under: its first French alias (the field name when it has none). */
export function columnName(name: string, field: FieldSpec): string {
  return field.aliases[0] ?? name;
}

/** The other accepted spellings of a column, without the ones equal once normalised. */
export function otherAliases(name: string, field: FieldSpec): string[] {
  const seen = new Set([normaliseHeader(columnName(name, field))]);
  const out: string[] = [];
  for (const alias of field.aliases) {
    const key = normaliseHeader(alias);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** How close one loader came to a table's header. */
export interface HeaderCandidate {
  spec: LoaderSpec;
  /** Line of the row that matched the most columns (null when none matched). */
  line: number | null;
  /** Fields found in that row. */
  matched: number;
  /** Required fields absent from that row. */
  missing: string[];
}

/** The row among the first 30 matching the most of `spec`'s columns (ties: fewer missing, then first). */
export function candidateOf(spec: LoaderSpec, table: RawTable): HeaderCandidate {
  const { aliases, required } = headerAliases(spec);
  let best: HeaderCandidate = { spec, line: null, matched: 0, missing: required };
  for (const row of table.rows.slice(0, HEADER_SCAN_ROWS)) {
    // One row at a time with no required field: the same matching as the detection itself.
    const columns = findHeader([row], aliases, [])?.columns ?? {};
    const matched = Object.keys(columns).length;
    const missing = required.filter((f) => !(f in columns));
    if (
      matched > best.matched ||
      (matched === best.matched && matched > 0 && missing.length < best.missing.length)
    ) {
      best = { spec, line: row.line, matched, missing };
    }
  }
  return best;
}

/**
 * Loaders ranked by closeness to `table`: most columns matched, then fewest required missing,
 * then the order of `loaders` (deterministic). One entry per format (survey variants share one).
 */
export function rankCandidates(loaders: readonly LoaderSpec[], table: RawTable): HeaderCandidate[] {
  const seen = new Set<string>();
  const all: HeaderCandidate[] = [];
  for (const spec of loaders) {
    if (seen.has(spec.format)) continue;
    seen.add(spec.format);
    all.push(candidateOf(spec, table));
  }
  // Array.prototype.sort is stable: equal candidates keep the loaders' order.
  return all.sort((a, b) => b.matched - a.matched || a.missing.length - b.missing.length);
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

/** « « Date » (aussi : « Jour », « Date de la séance ») ». */
function missingColumnText(spec: LoaderSpec, name: string): string {
  const field = spec.fields[name];
  const others = otherAliases(name, field);
  const shown = others.slice(0, ALIASES_SHOWN).map((a) => `« ${a} »`).join(", ");
  const more = others.length > ALIASES_SHOWN ? "…" : "";
  return `« ${columnName(name, field)} »${others.length ? ` (aussi : ${shown}${more})` : ""}`;
}

/** « il manque la colonne obligatoire « Date » (aussi : …) » or the plural form. */
export function missingText(candidate: HeaderCandidate): string {
  const names = candidate.missing.map((f) => missingColumnText(candidate.spec, f));
  if (names.length === 0) return "toutes les colonnes obligatoires sont présentes";
  if (names.length === 1) return `il manque la colonne obligatoire ${names[0]}`;
  return `il manque les colonnes obligatoires ${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
}

/** One candidate in words: its name, what matched and where, what is missing. */
function candidateText(c: HeaderCandidate): string {
  const found = c.matched > 0
    ? `, ${plural(c.matched, "colonne")} reconnue${c.matched > 1 ? "s" : ""} ligne ${c.line}`
    : "";
  return `${loaderLabel(c.spec)}${found} — ${missingText(c)}`;
}

/**
 * The refusal message of a table no loader recognises: the closest kinds (2 or 3) and the
 * required columns each one misses. With `kind` (`--kind`), that kind's formats only.
 *
 * @example
 * ```ts
 * unrecognisedMessage(LOADERS, table)
 * // "type d'export non reconnu. Le plus proche : présences (feuille d'émargement), 3 colonnes
 * //  reconnues ligne 1 — il manque la colonne obligatoire « Date » (aussi : « Date de la séance »,
 * //  « Jour »). Puis : … Corrigez l'en-tête … ; colonnes de chaque type : deno task formats …"
 * ```
 */
export function unrecognisedMessage(loaders: readonly LoaderSpec[], table: RawTable, kind?: string): string {
  if (kind) {
    const ranked = rankCandidates(loaders.filter((l) => l.kind === kind), table).slice(0, 3);
    if (ranked.length === 0) return `type d'export « ${kind} » inconnu ; ${FORMATS_POINTER}`;
    const parts = ranked.map((c) => `pour ${candidateText(c)}`);
    return `les colonnes obligatoires d'un export « ${kind} » sont introuvables dans les ${HEADER_SCAN_ROWS} premières lignes : ${
      parts.join(" ; ")
    }. Corrigez l'en-tête ou retirez --kind ; ${FORMATS_POINTER}`;
  }
  const ranked = rankCandidates(loaders, table).filter((c) => c.matched > 0).slice(0, 3);
  if (ranked.length === 0) {
    return `type d'export non reconnu : aucune colonne connue dans les ${HEADER_SCAN_ROWS} premières lignes ; ${FORMATS_POINTER}`;
  }
  const [first, ...others] = ranked;
  const then = others.map((c) => ` Puis : ${candidateText(c)}.`).join("");
  return `type d'export non reconnu (aucun type n'a toutes ses colonnes obligatoires dans les ${HEADER_SCAN_ROWS} premières lignes). Le plus proche : ${
    candidateText(first)
  }.${then} Corrigez l'en-tête (ou précisez --kind) ; ${FORMATS_POINTER}`;
}

/**
 * Whether the runner-up is worth telling: a near-tie (one column apart or less), or it reads
 * header cells the chosen loader leaves aside. A runner-up whose columns are all read by the
 * winner (Noethys inscriptions' ids inside every consommations export) says nothing new.
 */
export function runnerUpMatters(chosen: Detected, runnerUp: Detected): boolean {
  const chosenColumns = new Set(Object.values(chosen.header.columns));
  const runnerColumns = Object.values(runnerUp.header.columns);
  return chosenColumns.size - runnerColumns.length <= 1 || runnerColumns.some((c) => !chosenColumns.has(c));
}

/**
 * The warning of a table two kinds recognise (see {@link runnerUpMatters}): the kind chosen and
 * the runner-up, with their matched columns and how to force the other one. Empty otherwise.
 *
 * @example
 * ```ts
 * runnerUpIssues(detectLoader(LOADERS, table)!)[0]?.message
 * // "reconnu comme … (5 colonnes) plutôt que … (4 colonnes) : si ce n'est pas le bon type, …"
 * ```
 */
export function runnerUpIssues(found: Detected & { runnerUp?: Detected }): Issue[] {
  const { runnerUp } = found;
  if (!runnerUp || !runnerUpMatters(found, runnerUp)) return [];
  const columns = (d: Detected) => plural(Object.keys(d.header.columns).length, "colonne");
  return [{
    line: null,
    column: null,
    value: null,
    severity: "avertissement",
    message: `reconnu comme ${loaderLabel(found.spec)} (${columns(found)}) plutôt que ${
      loaderLabel(runnerUp.spec)
    } (${
      columns(runnerUp)
    }) : si ce n'est pas le bon type, rechargez le fichier avec --kind ${runnerUp.spec.kind}`,
  }];
}
