/**
 * What a loader declares: the fields it reads (with their French header aliases and types), a
 * Zod schema over the parsed record, and how a valid record becomes a warehouse row.
 *
 * @module
 */
import type { z } from "zod";

/** How a cell is parsed before validation. */
export type FieldType = "text" | "number" | "date" | "month" | "duration" | "time" | "flag";

/** One column a loader understands. */
export interface FieldSpec {
  type: FieldType;
  /** Header spellings seen in real exports; matching ignores case, accents and punctuation. */
  aliases: string[];
  /** The file is not of this kind without this column. */
  required?: boolean;
  /** A cell may be empty (the field is then null). */
  optional?: boolean;
  /** Personal data: read, pseudonymised or minimised, never stored as is. */
  personal?: boolean;
  /** A bad value only warns and becomes null instead of rejecting the row. */
  lenient?: boolean;
}

/** What a loader needs to turn a record into a row. */
export interface LoadContext {
  structureId: string | null;
  /** Keyed pseudonym of the given parts (see src/privacy/pseudonymise.ts). */
  pseudonym(parts: readonly string[]): string;
  /** QPV of a neighbourhood name, or null when it is not a QPV. */
  qpvOf(neighbourhood: string): string | null;
}

/** A parsed record: field name → typed value (null when empty). */
export type ParsedRecord = Record<string, string | number | boolean | null>;

/** A loader for one kind of export. */
export interface LoaderSpec<T extends ParsedRecord = ParsedRecord> {
  /** Kind of export (the `--kind` values): several formats may share one kind. */
  kind: string;
  /** This file format within the kind ("noethys-consommations", "feuille-emargement"). */
  format: string;
  /** French name shown to users ("consommations Noethys"). */
  label: string;
  /** Staging tables the rows go to, with the columns that identify a row in each. */
  tables: Record<string, string[]>;
  /**
   * The dated column of the first table (ISO date): a later file of the same structure and
   * format whose period covers an earlier load's period replaces that load.
   */
  periodColumn?: string;
  /** The kind needs a structure (from the folder or --structure). */
  needsStructure: boolean;
  fields: Record<string, FieldSpec>;
  schema: z.ZodType<T>;
  /**
   * Remarks on a valid record that do not reject it (an unknown category kept as « autre »…):
   * reported as warnings with the line and the user's column header.
   */
  warnings?(record: T): { field: string; message: string }[];
  /**
   * Warehouse rows for one valid record. A row whose key is already in the table replaces it
   * (a re-sent export updates, never duplicates).
   */
  toRows(record: T, ctx: LoadContext, extras?: RowExtras): TableRow[];
  /**
   * Columns the loader does not map are handed to `toRows` (in `extras.unknownCells`) instead of
   * being only reported: wide questionnaires keep them for a mapping added later.
   */
  keepUnknownColumns?: boolean;
  /** Advice appended to the « colonne inconnue » warning (how to map the column). */
  unknownColumnAdvice?: string;
}

/** What `toRows` receives besides the record. */
export interface RowExtras {
  /** Non-empty cells of unmapped columns (only with `keepUnknownColumns`), header as typed. */
  unknownCells: { header: string; value: string }[];
  /** The user's own header for each mapped field. */
  headers: Record<string, string>;
}

/** One row for one staging table (column → value; load_id and source_line are added). */
export interface TableRow {
  table: string;
  row: Record<string, string | number | boolean | null>;
}
