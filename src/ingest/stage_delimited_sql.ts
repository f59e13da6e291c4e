/**
 * The set-based path for big delimited files: DuckDB splits the lines, types the cells written
 * in the plain forms and builds the rows of the loader's table, with the physical line of each.
 * Rows it cannot take as they are (a quote, a padded cell, an unusual date, a bad value, a
 * possible totals line…) are handed back, to go through the TypeScript validation like any
 * other file: messages and stored values do not depend on the path (a differential test loads
 * the same files both ways).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import type { FieldSpec, LoaderSpec, SqlPath } from "./loader_spec.ts";
import { escapeDelimiter, strictSql, trimmableClass } from "./strict_sql.ts";
import { columnTypes, ident } from "./write_rows.ts";

/** Temporary tables of one staging (dropped by {@link dropStaged}). */
const CELLS = "sqlpath_cells";
const TYPED = "sqlpath_typed";
/** The loader's rows, with `source_line`, before duplicates are removed. */
export const STAGED = "sqlpath_rows";

/** What the SQL path took, and the lines it leaves to the TypeScript validation. */
export interface Staged {
  /** Rows typed and built in SQL (in {@link STAGED}). */
  rows: number;
  /** Physical line and text of every other line after the header, in order. */
  others: { line: number; text: string }[];
  /** Columns of {@link STAGED} besides `source_line`. */
  columns: string[];
}

/** Whether the SQL path can read `text`: no bare CR line ends, no quoted line breaks. */
export function sqlPathApplies(spec: LoaderSpec, text: string): spec is LoaderSpec & { sql: SqlPath } {
  if (
    !spec.sql || spec.warnings || spec.keepUnknownColumns || spec.structureField ||
    Object.keys(spec.tables).length !== 1
  ) {
    return false;
  }
  // A CR alone ends a line for the TypeScript reader, not for a split on LF.
  if (/\r(?!\n)/.test(text)) return false;
  return true;
}

function fieldSql(name: string, field: FieldSpec, column: number | undefined) {
  if (column === undefined) return { value: `NULL AS ${ident(name)}`, ok: "true" };
  const raw = `NULLIF(c[${column + 1}], '')`;
  const typed = strictSql(field.type, raw);
  // An empty mandatory cell, or a non-empty cell not in the plain form, sends the row back.
  const ok = field.optional ? `(${raw} IS NULL OR (${typed}) IS NOT NULL)` : `(${typed}) IS NOT NULL`;
  return { value: `${typed} AS ${ident(name)}`, ok };
}

/**
 * Stages the data lines of `text` after the header line `headerLine` (1-based) for `spec`.
 * Returns null when the file has a quoted field spanning lines (the TypeScript reader then
 * reads the whole file).
 */
export async function stageDelimited(
  conn: DuckDBConnection,
  spec: LoaderSpec & { sql: SqlPath },
  text: string,
  delimiter: string,
  headerLine: number,
  columns: Record<string, number>,
  structureId: string | null,
  pseudonym: (parts: readonly string[]) => string,
): Promise<Staged | null> {
  const ws = trimmableClass(delimiter);
  const d = escapeDelimiter(delimiter);
  // Line numbers are the positions in the split: exact, whatever blank lines come before. The
  // split of one long string runs on one thread: the lines are stored first, so that typing them
  // runs on every core.
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${CELLS} AS
     SELECT generate_subscripts(l, 1) AS line, unnest(l) AS text FROM (SELECT string_split($1, chr(10)) AS l)`,
    [text] as never,
  );
  const [{ odd }] = await queryRows(
    conn,
    `SELECT count(*) AS odd FROM ${CELLS}
     WHERE line > $1 AND contains(text, '"') AND (length(text) - length(replace(text, '"', ''))) % 2 = 1`,
    [headerLine],
  );
  if (Number(odd) > 0) {
    await dropStaged(conn);
    return null;
  }
  const fields = Object.entries(spec.fields).map(([name, field]) => fieldSql(name, field, columns[name]));
  // Quotes, padded cells and lines that may be totals (first cell starting with t, s or e) are
  // left to the TypeScript reader, whose rules they need.
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${TYPED} AS
     SELECT * EXCLUDE (cells_plain), cells_plain AND (${spec.sql.accepts}) AS plain FROM (
       SELECT line, text, $1::VARCHAR AS structure_id, ${fields.map((f) => f.value).join(", ")},
         NOT contains(text, '"')
           AND NOT regexp_matches(text, $2)
           AND NOT regexp_matches(text, $3)
           AND ${fields.map((f) => f.ok).join(" AND ")} AS cells_plain
       FROM (
         SELECT line, text, string_split(text, $4) AS c
         FROM (SELECT line, rtrim(text, chr(13)) AS text FROM ${CELLS} WHERE line > $5)
       ))`,
    [structureId, `(^|${d})${ws}|${ws}(${d}|$)`, `^(${d}|${ws})*[tTsSeE]`, delimiter, headerLine] as never,
  );
  await conn.run(`DROP TABLE ${CELLS}`);
  const pseudonyms = Object.entries(spec.sql.pseudonyms ?? {}).map(([column, how], i) => ({
    column,
    ...how,
    table: `sqlpath_pseudonym_${i}`,
  }));
  for (const { field, parts, table } of pseudonyms) {
    const values = await queryRows(
      conn,
      `SELECT DISTINCT CAST(${ident(field)} AS VARCHAR) AS v FROM ${TYPED} WHERE plain`,
    );
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} (value VARCHAR, ref VARCHAR)`);
    const appender = await conn.createAppender(table);
    for (const { v } of values) {
      appender.appendVarchar(String(v));
      appender.appendVarchar(pseudonym(parts(structureId, String(v))));
      appender.endRow();
    }
    appender.closeSync();
  }
  const target = Object.keys(spec.tables)[0];
  const types = await columnTypes(conn, target);
  const select = Object.entries(spec.sql.columns).map(([name, sql]) =>
    `CAST(${sql} AS ${types.get(name)}) AS ${ident(name)}`
  );
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${STAGED} AS
     SELECT ${select.join(", ")}, CAST(line AS INTEGER) AS source_line FROM (
       SELECT f.*${pseudonyms.map((p) => `, ${p.table}.ref AS ${ident(p.column)}`).join("")}
       FROM ${TYPED} f${
      pseudonyms.map((p) =>
        ` LEFT JOIN ${p.table} ON ${p.table}.value = CAST(f.${ident(p.field)} AS VARCHAR)`
      )
        .join("")
    }
       WHERE f.plain)`,
  );
  const others = (await queryRows(conn, `SELECT line, text FROM ${TYPED} WHERE NOT plain ORDER BY line`))
    .map((r) => ({ line: Number(r.line), text: String(r.text) }));
  const [{ n }] = await queryRows(conn, `SELECT count(*) AS n FROM ${STAGED}`);
  for (const { table } of pseudonyms) await conn.run(`DROP TABLE ${table}`);
  await conn.run(`DROP TABLE ${TYPED}`);
  return { rows: Number(n), others, columns: Object.keys(spec.sql.columns) };
}

/** Drops what {@link stageDelimited} left. */
export async function dropStaged(conn: DuckDBConnection): Promise<void> {
  for (const table of [CELLS, TYPED, STAGED]) await conn.run(`DROP TABLE IF EXISTS ${table}`);
}
