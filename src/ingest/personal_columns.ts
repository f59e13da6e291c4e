/**
 * Columns set aside because of what they hold: before any row of a table is built, every column
 * a loader would keep without knowing it is personal is checked on the table's values
 * (src/privacy/detect_personal.ts). Checked: the unmapped columns of the loaders that keep them
 * (wide questionnaires; the others ignore them) and the declared text fields that are neither personal nor a closed
 * list (`values`). Not checked: columns the loader already sets aside with its own message
 * (`unknownColumnIssue`: a survey's identity questions, Kobo system columns), which it handles.
 *
 * A detected column is never stored: its cells are blanked before parsing, so they reach
 * neither a record, nor `unknownCells`, nor a message. It is reported once, by its header only.
 *
 * @module
 */
import { cellText } from "../read/cell_text.ts";
import type { HeaderMatch } from "../read/find_header.ts";
import { isBlankRow, isTotalsRow } from "../read/row_kind.ts";
import type { CellValue } from "../read/row.ts";
import { nameParts, redactNames } from "../privacy/redact_text.ts";
import { detectPersonal, PERSONAL_LABELS, type PersonalCategory } from "../privacy/detect_personal.ts";
import type { LoaderSpec } from "./loader_spec.ts";
import type { RawTable } from "./read_tables.ts";

/** One column found personal by its content. */
export interface PersonalColumn {
  /** Index of the column in the rows. */
  column: number;
  /** The user's header. */
  header: string;
  /** The declared field it maps to, null for an unmapped column. */
  field: string | null;
  category: PersonalCategory;
}

/** Values read per column at most (spread over the table): enough to judge a column. */
const MAX_VALUES = 2_000;

/**
 * The message reporting a column set aside (the Qualité page lists the columns by it).
 *
 * @example
 * ```ts
 * personalColumnMessage("Votre contact", "emails")
 * // "colonne « Votre contact » écartée : elle contient des adresses e-mail (données personnelles, jamais chargées)"
 * ```
 */
export function personalColumnMessage(header: string, category: PersonalCategory): string {
  return `colonne « ${header} » écartée : elle contient ${
    PERSONAL_LABELS[category]
  } (données personnelles, jamais chargées)`;
}

/** The columns of `table` to check, with their field (null when unmapped). */
function candidates(
  spec: LoaderSpec,
  header: HeaderMatch,
): { column: number; header: string; field: string | null }[] {
  const out: { column: number; header: string; field: string | null }[] = [];
  // Unmapped columns of the other loaders are ignored (« colonne inconnue »): nothing to protect,
  // and an activity's start dates or a venue's phone would be reported as personal for nothing.
  if (!spec.keepUnknownColumns) return out;
  for (const { column, header: name } of header.unknown) {
    if (spec.unknownColumnIssue?.(name)) continue;
    out.push({ column, header: name, field: null });
  }
  return out;
}

/**
 * The columns of `table` whose values are personal (see the module notes).
 *
 * @example
 * ```ts
 * findPersonalColumns(spec, table, header) // [{ column: 4, header: "Votre contact", field: null, category: "emails" }]
 * ```
 */
export function findPersonalColumns(
  spec: LoaderSpec,
  table: RawTable,
  header: HeaderMatch,
  today: Date = new Date(),
): PersonalColumn[] {
  const headers = table.rows[header.index].cells;
  const list = candidates(spec, header);
  for (const [field, index] of Object.entries(header.columns)) {
    const fieldSpec = spec.fields[field];
    if (!fieldSpec || fieldSpec.type !== "text" || fieldSpec.personal || fieldSpec.values) continue;
    list.push({ column: index, header: String(headers[index] ?? field).trim(), field });
  }
  if (list.length === 0) return [];
  const rows = table.rows.slice(header.index + 1).filter((r) =>
    !isBlankRow(r.cells) && !isTotalsRow(r.cells)
  );
  const found: PersonalColumn[] = [];
  for (const candidate of list) {
    const all: string[] = [];
    for (const row of rows) {
      const text = cellText(row.cells[candidate.column]).trim();
      if (text !== "") all.push(text);
    }
    // A sparse column keeps all its values; a long one is judged on values spread over it.
    const step = Math.max(1, Math.ceil(all.length / MAX_VALUES));
    const values = step === 1 ? all : all.filter((_, i) => i % step === 0);
    // A declared field means what its loader says: a structure, a funder or a place named
    // after a person (« Centre social Jean Moulin », « 12 rue des Écoles ») is not personal.
    const category = detectPersonal(
      candidate.header,
      values,
      today,
      candidate.field === null ? {} : { contentOnly: true, ignore: ["names", "addresses"] },
    );
    if (category) found.push({ ...candidate, category });
  }
  return found.sort((a, b) => a.column - b.column);
}

/**
 * `spec` with the detected declared fields made personal and optional: their cells are blanked,
 * the field is null, and no message repeats a value of theirs.
 */
export function withPersonalFields(spec: LoaderSpec, personal: readonly PersonalColumn[]): LoaderSpec {
  const fields = personal.filter((p) => p.field !== null);
  if (fields.length === 0) return spec;
  const copy = { ...spec.fields };
  for (const { field } of fields) copy[field!] = { ...copy[field!], personal: true, optional: true };
  return { ...spec, fields: copy };
}

/**
 * The message refusing a table whose required field holds personal data: without the column
 * no row is valid, and the loader cannot know it does not mean what it says.
 */
export function requiredPersonalMessage(header: string, category: PersonalCategory): string {
  return `colonne obligatoire « ${header} » : elle contient ${
    PERSONAL_LABELS[category]
  } (données personnelles, jamais chargées) : fichier refusé ; retirez ces valeurs de la colonne puis déposez le fichier à nouveau`;
}

/**
 * Other answers of the same row with the names of a detected name column redacted (a name typed
 * again in a comment), as survey loaders do for their identity questions.
 */
export function redactRowNames(
  cells: readonly CellValue[],
  personal: readonly PersonalColumn[],
  kept: { header: string; value: string }[],
): { header: string; value: string }[] {
  const names = personal.filter((p) => p.category === "names")
    .flatMap((p) => nameParts(cellText(cells[p.column]).trim() || null));
  if (names.length === 0) return kept;
  return kept.map((c) => ({ header: c.header, value: redactNames(c.value, names) }));
}
