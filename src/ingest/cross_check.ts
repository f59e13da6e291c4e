/**
 * Applies a loader's rules across the lines of a table (`LoaderSpec.crossCheck`): the lines it
 * names are refused on their line, like a bad cell, before anything is written.
 *
 * @module
 */
import type { LoaderSpec } from "./loader_spec.ts";
import type { ValidatedTable } from "./validate_table.ts";

/**
 * Removes the records `spec.crossCheck` refuses from `validated`, with an error each.
 *
 * @example
 * ```ts
 * applyCrossCheck(spec, validated, (column) => headers[column]);
 * ```
 */
export function applyCrossCheck(
  spec: LoaderSpec,
  validated: ValidatedTable,
  headerText: (column: number) => string,
): void {
  if (!spec.crossCheck) return;
  const refused = new Map<number, { field: string; message: string }>();
  for (const r of spec.crossCheck(validated.records)) if (!refused.has(r.line)) refused.set(r.line, r);
  if (refused.size === 0) return;
  validated.records = validated.records.filter((r) => !refused.has(r.line));
  for (const [line, { field, message }] of refused) {
    const column = validated.header.columns[field];
    validated.rowsRejected++;
    validated.issues.push({
      line,
      column: column === undefined ? field : headerText(column),
      value: null,
      severity: "erreur",
      message,
    });
  }
  validated.issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
