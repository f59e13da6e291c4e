/**
 * The columns set aside as personal, for « Qualité des données »: by content (« colonne « X »
 * écartée : elle contient des adresses e-mail… », see src/ingest/personal_columns.ts) or by the
 * survey loaders' own identity rule. Headers and categories only: never a value.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";

/**
 * The header and the category of a « colonne écartée » message, or null for another message.
 *
 * @example
 * ```ts
 * setAsideOf("colonne « Votre contact » écartée : elle contient des adresses e-mail (données personnelles, jamais chargées)")
 * // { column: "Votre contact", category: "adresses e-mail" }
 * ```
 */
export function setAsideOf(message: string): { column: string; category: string } | null {
  const m =
    /^colonne (?:obligatoire )?« (.*) »(?: écartée)? : elle (contient (?:des |de |d')?(.+?) \(données personnelles|identifie la personne)/
      .exec(message);
  if (!m) return null;
  return { column: m[1], category: m[3] ?? "identité (d'après le nom de la colonne)" };
}

/** One column set aside: the file (and sheet) it came from, its header and what it held. */
export interface SetAsideColumn {
  structure_id: string | null;
  kind: string;
  file: string;
  sheet: string | null;
  column: string;
  category: string;
}

/** Columns set aside as personal in the active loads, by file then column. */
export async function setAsideColumns(conn: DuckDBConnection): Promise<SetAsideColumn[]> {
  const rows = await queryRows(
    conn,
    `SELECT DISTINCT l.structure_id, l.kind, l.file_name, l.sheet, i.message
     FROM load_issues i JOIN loads l USING (load_id)
     WHERE l.superseded_by IS NULL AND i.line IS NOT NULL AND i.message LIKE 'colonne %« % » %: elle %'
     ORDER BY l.file_name, l.sheet NULLS FIRST, i.message`,
  );
  const out: SetAsideColumn[] = [];
  for (const r of rows) {
    const found = setAsideOf(String(r.message));
    if (!found) continue;
    out.push({
      structure_id: r.structure_id === null ? null : String(r.structure_id),
      kind: String(r.kind),
      file: String(r.file_name),
      sheet: r.sheet === null ? null : String(r.sheet),
      ...found,
    });
  }
  return out;
}
