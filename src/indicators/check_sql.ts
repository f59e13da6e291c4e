/**
 * Dry run of every indicator's SQL on an empty in-memory warehouse: catches a syntax error, an
 * unknown view or column, or a result without the expected columns, before any data is read.
 *
 * @module
 */
import { openWarehouse, queryRows } from "../warehouse/connect.ts";
import { ensureSchema } from "../warehouse/schema.ts";
import { createIndicatorViews } from "./build_marts.ts";
import type { Indicator } from "./read_catalogue.ts";

/**
 * French messages, one per indicator whose SQL does not compile on the documented views.
 *
 * @example
 * ```ts
 * const problems = await checkIndicatorSql(catalogue.indicators);
 * ```
 */
export async function checkIndicatorSql(indicators: readonly Indicator[]): Promise<string[]> {
  const wh = await openWarehouse(":memory:");
  const problems: string[] = [];
  try {
    await ensureSchema(wh.conn);
    await createIndicatorViews(wh.conn);
    for (const x of indicators) {
      const where = `indicateur « ${x.id} » (data/indicators/sql/${x.sqlFile})`;
      try {
        const columns = (await queryRows(wh.conn, `DESCRIBE SELECT * FROM (\n${x.sql}\n) q`))
          .map((r) => String(r.column_name).toLowerCase());
        const missing = ["scope_level", "scope", "year", "value"].filter((c) => !columns.includes(c));
        if (missing.length > 0) {
          problems.push(`${where} : colonne(s) ${missing.join(", ")} absente(s) du résultat`);
        }
      } catch (error) {
        problems.push(`${where} : la requête a échoué : ${(error as Error).message.split("\n")[0]}`);
      }
    }
  } finally {
    wh.close();
  }
  return problems;
}
