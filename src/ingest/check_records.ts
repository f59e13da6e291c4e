/**
 * Applies a loader's `check` (see {@link LoaderSpec.check}): the valid records it refuses leave
 * the load with their reason on their line, its warnings join the report. Like the registry
 * check of structure ids in load_file.ts, it runs between validation and writing.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import type { LoadContext, LoaderSpec } from "./loader_spec.ts";
import type { ValidatedTable } from "./validate_table.ts";

/**
 * Runs `spec.check` on the valid records of `validated` and updates it in place: refused records
 * removed and counted, issues added (value never repeated: a check may be about personal data).
 *
 * @example
 * ```ts
 * await checkRecords(conn, spec, validated, { ...context, structureId: "ors" }, headerText);
 * ```
 */
export async function checkRecords(
  conn: DuckDBConnection,
  spec: LoaderSpec,
  validated: ValidatedTable,
  context: LoadContext,
  headerText: (column: number) => string,
): Promise<void> {
  if (!spec.check || validated.records.length === 0) return;
  const found = await spec.check(validated.records, {
    ...context,
    query: (sql, params = []) => queryRows(conn, sql, params),
  });
  if (found.length === 0) return;
  const column = (field: string | null) => {
    if (field === null) return null;
    const index = validated.header.columns[field];
    return index === undefined ? field : headerText(index);
  };
  const refused = new Set(found.filter((f) => f.line !== null && f.severity === "erreur").map((f) => f.line));
  const before = validated.records.length;
  validated.records = validated.records.filter((r) => !refused.has(r.line));
  validated.rowsRejected += before - validated.records.length;
  for (const f of found) {
    validated.issues.push({
      line: f.line,
      column: column(f.field),
      value: null,
      severity: f.severity,
      message: f.message,
    });
  }
  validated.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
