/**
 * What a loader declares: the fields it reads (with their French header aliases and types), a
 * Zod schema over the parsed record, and how a valid record becomes a warehouse row.
 *
 * @module
 */
import type { z } from "zod";

/** How a cell is parsed before validation. */
export type FieldType = "text" | "number" | "date" | "month" | "duration" | "time" | "flag" | "datetime";

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
  /**
   * The values the loader accepts, as templates offer them in a drop-down list (src/kit/):
   * canonical spellings the schema reads back unchanged.
   */
  values?: readonly string[];
  /** Other values load too (kept as « autre » or with a warning): the list only suggests. */
  valuesOpen?: boolean;
}

/** What a loader needs to turn a record into a row. */
export interface LoadContext {
  structureId: string | null;
  /** Keyed pseudonym of the given parts (see src/privacy/pseudonymise.ts). */
  pseudonym(parts: readonly string[]): string;
  /** QPV of a neighbourhood name, or null when it is not a QPV. */
  qpvOf(neighbourhood: string): string | null;
  /**
   * The registry's structure with this SIRET (14 digits) or, failing that, this name (compared
   * without case, accents or punctuation); null when none. Absent outside an ingest run.
   */
  structureOf?(siret: string | null, name: string | null): string | null;
}

/** What a loader's `check` receives: the load's context and read access to the warehouse. */
export interface CheckContext extends LoadContext {
  /** Runs a read query with parameters (`$1`…) on the warehouse being loaded. */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** One finding of a loader's `check`: a record refused or warned, or a remark on the file. */
export interface RecordCheck {
  /** The record's line, or null for the whole file. */
  line: number | null;
  /** The field whose column is named in the issue (null: no column). */
  field: string | null;
  severity: "erreur" | "avertissement";
  message: string;
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
  /**
   * A load is a snapshot of everything it holds for these columns of the first table (a staff
   * register per structure, a SENACS questionnaire per structure and year): rows of earlier
   * loads with the same values are removed from every table of the loader, and an earlier load
   * left without rows is marked replaced.
   */
  replaceScope?: string[];
  /**
   * The record field holding a structure id, for files naming the structure on each row (the
   * federation's SENACS extract, survey exports): an id absent from the registry rejects its row.
   */
  structureField?: string;
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
   * Checks valid records against what the warehouse already holds (a member number against the
   * structure's member list), after validation and before any row is written. An issue with a
   * line refuses that line's record when it is an « erreur », only warns otherwise; an issue
   * without a line is said once for the file. Messages never repeat a personal value. Only for
   * loaders without a SQL twin (`sql`). Applied by src/ingest/check_records.ts.
   */
  check?(records: readonly { line: number; record: T }[], ctx: CheckContext): Promise<RecordCheck[]>;
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
  /**
   * One warning for the valid records that gave no row (a funder's open data lists every
   * beneficiary, only the registry's structures are kept): the French text for `count` records.
   */
  skippedRecords?(count: number): string;
  /** Advice appended to the « colonne inconnue » warning (how to map the column). */
  unknownColumnAdvice?: string;
  /**
   * Replaces the « colonne inconnue » warning of one unmapped header: null says nothing (a
   * survey's question columns are expected), a message says why the column is set aside.
   */
  unknownColumnIssue?(header: string): { severity: "erreur" | "avertissement"; message: string } | null;
  /**
   * The same loader in SQL, for big delimited files (see src/ingest/load_delimited_sql.ts):
   * rows in the plain forms are typed and written by DuckDB, every other row still goes through
   * `fields`, `schema` and `toRows`, so messages and values do not depend on the path.
   */
  sql?: SqlPath;
  /**
   * A last check of a header the required columns cannot express (a bare `id` column is
   * LimeSurvey's only with LimeSurvey's other columns): false and the loader does not apply.
   */
  acceptsHeader?(headers: readonly string[]): boolean;
  /**
   * Remarks on the whole table once validated, said once per file rather than once per row
   * (« 3 réponses incomplètes », a column set aside): added to the load report. Called on the
   * TypeScript path only (a loader with `sql` does not get it).
   */
  fileIssues?(file: {
    records: readonly { line: number; record: T; unknownCells: { header: string; value: string }[] }[];
    /** The user's own header for each mapped field. */
    headers: Record<string, string>;
    headerLine: number;
  }): { line: number | null; column: string | null; severity: "erreur" | "avertissement"; message: string }[];
}

/** A loader's set-based twin; only for loaders writing one table, without `warnings`. */
export interface SqlPath {
  /**
   * Predicate over the typed fields (quoted field names, SQL types of the strict parse) that is
   * true only for records `schema` accepts unchanged. A row it refuses goes through `schema`.
   */
  accepts: string;
  /**
   * The first table's columns as SQL over the typed fields, `structure_id` and the pseudonym
   * columns; equal to what `toRows` returns for the same record.
   */
  columns: Record<string, string>;
  /** Pseudonym columns, keyed in TypeScript once per distinct value of `field`. */
  pseudonyms?: Record<string, { field: string; parts(structureId: string | null, value: string): string[] }>;
}

/** What `toRows` receives besides the record. */
export interface RowExtras {
  /** Non-empty cells of unmapped columns (only with `keepUnknownColumns`), header as typed. */
  unknownCells: { header: string; value: string }[];
  /** The user's own header for each mapped field. */
  headers: Record<string, string>;
  /** The workbook sheet the row comes from (null for delimited text). */
  sheet?: string | null;
}

/** One row for one staging table (column → value; load_id and source_line are added). */
export interface TableRow {
  table: string;
  row: Record<string, string | number | boolean | null>;
}
