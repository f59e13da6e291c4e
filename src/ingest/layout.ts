/**
 * A « correspondance »: the officer's description, in a small CSV, of an export layout the
 * loaders do not know — which column of her file is which field of a kind, and what coded values
 * mean. Parsing and validating it is pure (text in, {@link Layout} out); applying it to a table
 * is in apply_layout.ts, reading the folder in read_layouts.ts.
 *
 * The file (`;`, `,` or tab separated, UTF-8 or Windows-1252), one line per rule:
 *
 * ```
 * type;colonne du fichier;champ;valeur du fichier;devient
 * bénévolat;Nb heures;Heures;;
 * bénévolat;STRUCT;Structure;;
 * bénévolat;STRUCT;;A3;saint-nicolas
 * ```
 *
 * - `type`: the kind of export (`volunteering`, or its French name « bénévolat », or a format
 *   `suivi-benevolat`); written at least once, the same on every line where it is written.
 * - `colonne du fichier`: the header of the column in her file (case, accents and punctuation
 *   ignored), on every line.
 * - `champ`: the field that column is — a French header the loaders already accept (« Heures »)
 *   or the field's internal name (`hours`); « Structure » names the structure of each row.
 * - `valeur du fichier` / `devient`: a value of that column and what it means.
 * - `commentaire` (optional): free text, ignored.
 *
 * @module
 */
import { normaliseHeader } from "../read/normalise_header.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { sniffDelimiter } from "../read/sniff_delimiter.ts";
import { KIND_LABELS } from "../../pages/components/kinds.js";
import type { LoaderSpec } from "./loader_spec.ts";
import { headerAliases } from "./validate_table.ts";

/**
 * The pseudo-field of a column naming each row's structure, for kinds whose loader has no
 * structure column (the structure otherwise comes from the folder).
 */
export const STRUCTURE_COLUMN = "(structure)";

/** Spellings of the pseudo-field « structure » in the column `champ`. */
const STRUCTURE_WORDS = new Set(
  ["Structure", "Identifiant structure", "Code structure", "Id structure", "structure_id"].map(
    normaliseHeader,
  ),
);

/** The columns of a mapping file, by their canonical (normalised) header. */
const MAPPING_COLUMNS = {
  type: ["type", "type d'export", "type de fichier"],
  column: ["colonne du fichier", "colonne", "colonne de votre fichier"],
  field: ["champ", "champ de l'observatoire"],
  from: ["valeur du fichier", "valeur"],
  to: ["devient", "valeur de l'observatoire"],
  comment: ["commentaire", "remarque", "commentaires"],
} as const;
type MappingColumn = keyof typeof MAPPING_COLUMNS;
/** How the messages name each column (its first spelling). */
const COLUMN_NAME = Object.fromEntries(
  Object.entries(MAPPING_COLUMNS).map(([k, names]) => [k, names[0]]),
) as Record<MappingColumn, string>;

/** One value recoded in one column. */
export interface Recoding {
  /** The value as written in the mapping's `valeur du fichier`. */
  from: string;
  /** What it becomes. */
  to: string;
  /** Mapping line of this rule. */
  line: number;
}

/** What a layout says about one column of the user's file. */
export interface ColumnRule {
  /** The column header as written in the mapping. */
  header: string;
  /** Mapping line where the column first appears. */
  line: number;
  /** The loader field it feeds, {@link STRUCTURE_COLUMN}, or null (values recoded only). */
  field: string | null;
  /** The header findHeader maps to `field` (the renamed header cell), null without a field. */
  target: string | null;
  /** Recoded values, keyed by {@link valueKey}. */
  recode: Map<string, Recoding>;
}

/** A parsed mapping file: usable when `errors` is empty, refusing the tables it fits otherwise. */
export interface Layout {
  /** How messages name the mapping file (e.g. `data/correspondances/logiciel_x.csv`). */
  file: string;
  /** SHA-256 of the mapping's bytes, recorded with each load that used it. */
  sha256: string;
  /** The kind of export, null when the `type` is missing or unknown. */
  kind: string | null;
  /**
   * The loaders of the type that read the renamed headers as the same fields (several formats of
   * one kind: the detection picks among them); empty when the layout is invalid.
   */
  specs: LoaderSpec[];
  columns: ColumnRule[];
  /** French messages naming the file, line and column; any error makes the layout unusable. */
  errors: string[];
}

/**
 * The key two cell values are compared by: case, accents, spaces and punctuation ignored, so
 * « Saint-Nicolas », « saint nicolas » and « SAINT NICOLAS » are one value; a value made of
 * punctuation only (« - », « ? ») is compared as typed.
 *
 * @example
 * ```ts
 * valueKey("Saint-Nicolas") === valueKey("saint nicolas") // true
 * ```
 */
export function valueKey(value: string): string {
  return normaliseHeader(value) || value.trim();
}

/** Kind of a `type` cell: a kind, its French name, a format or a loader's label → its loaders. */
function loadersOfType(type: string, loaders: readonly LoaderSpec[]): LoaderSpec[] {
  const key = normaliseHeader(type);
  const byKind = loaders.filter((l) =>
    normaliseHeader(l.kind) === key ||
    normaliseHeader((KIND_LABELS as Record<string, string>)[l.kind] ?? "") === key
  );
  if (byKind.length > 0) return byKind;
  return loaders.filter((l) => normaliseHeader(l.format) === key || normaliseHeader(l.label) === key);
}

/** The field of `spec` named by `name` (its internal name or one of its French aliases), or null. */
export function fieldOf(spec: LoaderSpec, name: string): string | null {
  const key = normaliseHeader(name);
  if (!key) return null;
  for (const [field, f] of Object.entries(spec.fields)) {
    if (normaliseHeader(field) === key || f.aliases.some((a) => normaliseHeader(a) === key)) return field;
  }
  return null;
}

/**
 * The header text findHeader reads back as `field` for `spec`: its first alias (or its name)
 * that no earlier-declared field claims.
 */
export function canonicalHeader(spec: LoaderSpec, field: string): string {
  const owner = headerOwners(spec);
  return [...spec.fields[field].aliases, field].find((a) => owner.get(normaliseHeader(a)) === field) ?? field;
}

/** Normalised header → the field findHeader reads it as, for `spec` (first declaration wins). */
function headerOwners(spec: LoaderSpec): Map<string, string> {
  const owner = new Map<string, string>();
  for (const [name, names] of Object.entries(headerAliases(spec).aliases)) {
    for (const alias of [name, ...names]) {
      const key = normaliseHeader(alias);
      if (key && !owner.has(key)) owner.set(key, name);
    }
  }
  return owner;
}

/** The French names of the fields of `spec` a mapping may use (first alias of each). */
function fieldNames(spec: LoaderSpec): string {
  const names = Object.entries(spec.fields).map(([field, f]) => `« ${f.aliases[0] ?? field} »`);
  if (!spec.structureField && spec.needsStructure) names.push("« Structure »");
  return names.join(", ");
}

/** Accepted `type` values, for the message of an unknown one. */
function typeNames(loaders: readonly LoaderSpec[]): string {
  const kinds = [...new Set(loaders.map((l) => l.kind))];
  return kinds.map((k) => {
    const label = (KIND_LABELS as Record<string, string>)[k];
    return label ? `${k} (« ${label} »)` : k;
  }).join(", ");
}

/** One line of the mapping, its cells by column. */
interface MappingLine {
  line: number;
  cells: Partial<Record<MappingColumn, string>>;
}

/** Reads the header of the mapping; unknown headers are errors (a typo would lose a column). */
function readMappingHeader(
  header: readonly string[],
  where: (line: number, column?: string) => string,
  errors: string[],
): Map<number, MappingColumn> {
  const byKey = new Map<string, MappingColumn>();
  for (const [column, names] of Object.entries(MAPPING_COLUMNS)) {
    for (const name of names) byKey.set(normaliseHeader(name), column as MappingColumn);
  }
  const columns = new Map<number, MappingColumn>();
  header.forEach((cell, index) => {
    const text = cell.trim();
    if (!text) return;
    const column = byKey.get(normaliseHeader(text));
    if (!column) {
      errors.push(
        `${
          where(1)
        } : colonne « ${text} » inconnue ; les colonnes d'une correspondance sont « type », « colonne du fichier », « champ », « valeur du fichier », « devient » et « commentaire »`,
      );
    } else if ([...columns.values()].includes(column)) {
      errors.push(`${where(1)} : colonne « ${text} » en double`);
    } else columns.set(index, column);
  });
  for (const needed of ["type", "column", "field"] as const) {
    if (![...columns.values()].includes(needed)) {
      errors.push(`${where(1)} : colonne « ${COLUMN_NAME[needed]} » manquante dans la ligne d'en-tête`);
    }
  }
  return columns;
}

/**
 * Parses and validates a mapping file against the loaders. Never throws: every problem is a
 * French message in `errors` naming the file, the line and the column, and the columns the
 * mapping names are kept even when it is invalid, so the tables it was written for are refused
 * with those messages rather than loaded without it.
 *
 * @example
 * ```ts
 * const layout = parseLayout("data/correspondances/x.csv", "type;colonne du fichier;champ\nbénévolat;Nb heures;Heures\n", LOADERS, "");
 * layout.columns[0].field // "hours"
 * ```
 */
export function parseLayout(
  file: string,
  text: string,
  loaders: readonly LoaderSpec[],
  sha256: string,
): Layout {
  const errors: string[] = [];
  const where = (line: number, column?: MappingColumn | string) =>
    `correspondance ${file}, ligne ${line}${
      column ? `, colonne « ${column in COLUMN_NAME ? COLUMN_NAME[column as MappingColumn] : column} »` : ""
    }`;
  const layout: Layout = { file, sha256, kind: null, specs: [], columns: [], errors };
  const rows = parseDelimited(text, sniffDelimiter(text));
  if (rows.length === 0 || rows[0].cells.every((c) => c.trim() === "")) {
    errors.push(`correspondance ${file} : fichier vide (ligne d'en-tête attendue : ${headerExample()})`);
    return layout;
  }
  const header = readMappingHeader(rows[0].cells, where, errors);
  const lines: MappingLine[] = [];
  for (const { line, cells } of rows.slice(1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    const parsed: MappingLine = { line, cells: {} };
    cells.forEach((cell, index) => {
      const column = header.get(index);
      if (column) parsed.cells[column] = cell.trim();
      else if (cell.trim() !== "" && index >= rows[0].cells.length) {
        errors.push(`${where(line)} : plus de cellules que de colonnes dans l'en-tête (« ${cell.trim()} »)`);
      }
      // A line break inside a cell is an unclosed quote swallowing the following lines.
      if (/[\r\n]/.test(cell)) {
        errors.push(`${where(line, column)} : guillemet non fermé (la cellule court sur plusieurs lignes)`);
      }
    });
    lines.push(parsed);
  }
  if (lines.length === 0) errors.push(`correspondance ${file} : aucune ligne sous l'en-tête`);

  // The type: written at least once, the same wherever written.
  let typeLine: MappingLine | null = null;
  for (const l of lines) {
    const type = l.cells.type ?? "";
    if (!type) continue;
    if (!typeLine) typeLine = l;
    else if (normaliseHeader(type) !== normaliseHeader(typeLine.cells.type!)) {
      errors.push(
        `${
          where(l.line, "type")
        } : type « ${type} » différent de « ${typeLine.cells.type} » (ligne ${typeLine.line}) ; une correspondance décrit un seul type d'export : faites un fichier par type`,
      );
    }
  }
  let specs: LoaderSpec[] = [];
  if (!typeLine && lines.length > 0) {
    errors.push(
      `${where(lines[0].line, "type")} : type d'export manquant ; types possibles : ${typeNames(loaders)}`,
    );
  } else if (typeLine) {
    specs = loadersOfType(typeLine.cells.type!, loaders);
    if (specs.length === 0) {
      errors.push(
        `${
          where(typeLine.line, "type")
        } : type d'export « ${typeLine.cells.type} » inconnu ; types possibles : ${typeNames(loaders)}`,
      );
    } else layout.kind = specs[0].kind;
  }

  // Columns, their field and their recoded values.
  const byHeader = new Map<string, ColumnRule & { fieldName: string | null; fieldLine: number }>();
  for (const l of lines) {
    const header = l.cells.column ?? "";
    const key = normaliseHeader(header);
    if (!key) {
      errors.push(`${where(l.line, "column")} : nom de la colonne du fichier manquant`);
      continue;
    }
    let rule = byHeader.get(key);
    if (!rule) {
      rule = {
        header,
        line: l.line,
        field: null,
        target: null,
        recode: new Map(),
        fieldName: null,
        fieldLine: 0,
      };
      byHeader.set(key, rule);
    }
    const field = l.cells.field ?? "";
    const from = l.cells.from ?? "";
    const to = l.cells.to ?? "";
    if (field) {
      if (rule.fieldName !== null && normaliseHeader(rule.fieldName) !== normaliseHeader(field)) {
        errors.push(
          `${
            where(l.line, "field")
          } : la colonne « ${header} » est déjà le champ « ${rule.fieldName} » (ligne ${rule.fieldLine}) ; une colonne ne peut être qu'un seul champ`,
        );
      } else if (rule.fieldName === null) {
        rule.fieldName = field;
        rule.fieldLine = l.line;
      }
    }
    if (from || to) {
      if (!from) {
        errors.push(`${where(l.line, "from")} : valeur du fichier manquante (que devient « ${to} » ?)`);
      } else if (!to) {
        errors.push(`${where(l.line, "to")} : que devient « ${from} » ? écrivez la valeur dans « devient »`);
      } else {
        const earlier = rule.recode.get(valueKey(from));
        if (earlier && earlier.to !== to) {
          errors.push(
            `${
              where(l.line, "from")
            } : la valeur « ${from} » de la colonne « ${header} » devient déjà « ${earlier.to} » (ligne ${earlier.line})`,
          );
        } else if (!earlier) rule.recode.set(valueKey(from), { from, to, line: l.line });
      }
    }
    if (!field && !from && !to) {
      errors.push(
        `${
          where(l.line)
        } : ligne incomplète ; indiquez le champ de la colonne « ${header} » ou une valeur et ce qu'elle devient`,
      );
    }
  }

  // Fields: resolved in the first loader of the type that knows all of them.
  const rules = [...byHeader.values()];
  // « Structure » is the loader's own structure column when it has one; else, for a kind taking
  // its structure from the folder, the column naming the file's structure.
  const resolve = (spec: LoaderSpec, name: string) =>
    fieldOf(spec, name) ??
      (STRUCTURE_WORDS.has(normaliseHeader(name))
        ? spec.structureField ?? (spec.needsStructure ? STRUCTURE_COLUMN : null)
        : null);
  if (specs.length > 0) {
    const named = rules.filter((r) => r.fieldName !== null);
    const knows = (s: LoaderSpec, pseudo: boolean) =>
      named.every((r) => {
        const field = resolve(s, r.fieldName!);
        return field !== null && (pseudo || field !== STRUCTURE_COLUMN);
      });
    // A format with its own column for every field first (a survey's « structure »), then any.
    const spec = specs.find((s) => knows(s, false)) ?? specs.find((s) => knows(s, true));
    if (!spec) {
      for (const rule of named) {
        if (specs.some((s) => resolve(s, rule.fieldName!) !== null)) continue;
        errors.push(
          `${
            where(rule.fieldLine, "field")
          } : champ « ${rule.fieldName} » inconnu pour le type « ${layout.kind} » ; champs possibles : ${
            fieldNames(specs[0])
          }`,
        );
      }
      if (errors.length === 0) {
        errors.push(
          `correspondance ${file} : ces champs appartiennent à des formats différents du type « ${layout.kind} » (${
            specs.map((s) => s.label).join(", ")
          }) ; gardez les champs d'un seul format`,
        );
      }
    } else {
      const owner = new Map<string, ColumnRule & { fieldLine: number }>();
      for (const rule of named) {
        const field = resolve(spec, rule.fieldName!)!;
        const first = owner.get(field);
        if (first) {
          errors.push(
            `${
              where(rule.fieldLine, "field")
            } : le champ « ${rule.fieldName} » est déjà donné par la colonne « ${first.header} » (ligne ${first.fieldLine}) ; un champ ne vient que d'une colonne`,
          );
          continue;
        }
        owner.set(field, rule);
        rule.field = field;
        rule.target = field === STRUCTURE_COLUMN ? null : canonicalHeader(spec, field);
        // The mapping must not hold people's data: personal values are never recoded.
        if (spec.fields[field]?.personal && rule.recode.size > 0) {
          const first = [...rule.recode.values()][0];
          errors.push(
            `${
              where(first.line, "from")
            } : la colonne « ${rule.header} » est une donnée personnelle (${rule.fieldName}) : ses valeurs ne se recodent pas ; retirez ces lignes`,
          );
        }
      }
      // The other formats of the type that read every renamed header as the same field.
      const same = (s: LoaderSpec) =>
        named.every((r) =>
          r.field === null ||
          (resolve(s, r.fieldName!) === r.field &&
            (r.target === null || headerOwners(s).get(normaliseHeader(r.target)) === r.field))
        );
      layout.specs = [spec, ...specs.filter((s) => s !== spec && same(s))];
    }
  }
  layout.columns = rules.map(({ header, line, field, target, recode }) => ({
    header,
    line,
    field,
    target,
    recode,
  }));
  if (errors.length > 0) layout.specs = [];
  return layout;
}

/** The header line of a mapping, for messages. */
function headerExample(): string {
  return "type;colonne du fichier;champ;valeur du fichier;devient";
}
