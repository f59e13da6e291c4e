/**
 * The ingest's side of the « correspondances » (layout.ts, apply_layout.ts): finds the layout
 * fitting a table, checks its structures against the registry, and either hands the mapped
 * tables to the normal load or refuses the table with the mapping's errors. Also records which
 * layout each load used (`load_layouts`).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { applyLayout, findLayout } from "./apply_layout.ts";
import type { LoadOptions } from "./load_file.ts";
import { type LoadReport, rejectedReport } from "./load_report.ts";
import type { RawTable } from "./read_tables.ts";

/** The layout a load used, as the report and `load_layouts` record it. */
export interface AppliedLayoutRef {
  /** The mapping file (e.g. `data/correspondances/exemple_benevolat.csv`). */
  file: string;
  /** SHA-256 of the mapping's bytes when it was applied. */
  sha256: string;
}

/** A table to load through a layout: its tables and the options restricted to the layout's loader. */
export interface MappedTable {
  /** The user's header row, the coded values replaced (validated and written). */
  table: RawTable;
  /** The same rows with the mapped headers renamed (read by the detection). */
  detection: RawTable;
  options: LoadOptions;
}

/**
 * The layout's view of `table`: null when no layout fits it, a refused report when the fitting
 * layout is invalid or does not fit the registry, the mapped tables otherwise.
 */
export async function mapTable(
  conn: DuckDBConnection,
  table: RawTable,
  hash: string,
  options: LoadOptions,
): Promise<MappedTable | { report: LoadReport } | null> {
  if (!options.layouts || options.layouts.length === 0) return null;
  const match = findLayout(options.layouts, table, options.kind);
  if (!match) return null;
  const { layout } = match;
  const known = new Set(
    (await queryRows(conn, "SELECT structure_id FROM stg_structures")).map((r) => String(r.structure_id)),
  );
  const applied = applyLayout(match, table, known, options.structureId);
  const ref = { file: layout.file, sha256: layout.sha256 };
  if (!applied.ok) {
    const mappingBroken = applied.issues.some((i) => i.line === null);
    const report = rejectedReport(
      options.fileName,
      hash,
      mappingBroken
        ? `ce fichier a la mise en page décrite par la correspondance ${layout.file}, qui n'est pas valable : rien n'est chargé avec elle ; corrigez-la (erreurs ci-dessous) puis rechargez le fichier`
        : `fichier refusé par la correspondance ${layout.file} (voir ci-dessous)`,
      options.structureId,
      table.sheet,
    );
    report.kind = layout.kind;
    report.layout = ref;
    for (const issue of applied.issues) report.issues.push({ ...issue, severity: "erreur" });
    return { report };
  }
  return {
    table: applied.table,
    detection: applied.detection,
    options: {
      ...options,
      kind: applied.specs[0].kind,
      loaders: applied.specs,
      structureId: applied.structureId,
      layout: ref,
    },
  };
}

/** Records, inside the load's transaction, the layout it used. */
export async function recordLayout(
  conn: DuckDBConnection,
  loadId: number,
  layout: AppliedLayoutRef,
): Promise<void> {
  await conn.run(
    "INSERT INTO load_layouts VALUES ($1, $2, $3)",
    [loadId, layout.file, layout.sha256] as never,
  );
}

/**
 * The report of a table loaded through `layout`, naming it; a table still refused says the
 * columns of the correspondance were read (the fix is in the mapping or in the file).
 */
export function withLayout(report: LoadReport, layout: AppliedLayoutRef): LoadReport {
  report.layout = layout;
  if (report.status === "rejected") {
    report.issues.push({
      line: null,
      column: null,
      value: null,
      severity: "erreur",
      message:
        `ce fichier a été lu avec la correspondance ${layout.file} : vérifiez que ses colonnes y sont décrites avec le bon champ`,
    });
  }
  return report;
}
