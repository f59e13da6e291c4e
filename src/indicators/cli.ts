/**
 * `deno task indicators [--json] [--scope ID] [--year AAAA]` prints the indicator values of the
 * current warehouse as a French table (or JSON); `--check` validates the catalogue only.
 * Exit code: 0, 1 when the catalogue has problems (`--check`), 2 for a malformed command.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { warehousePath } from "../paths.ts";
import { openWarehouse, queryRows } from "../warehouse/connect.ts";
import { buildMarts } from "../warehouse/marts.ts";
import { withWarehouseLock } from "../warehouse/lock.ts";
import { checkIndicatorSql } from "./check_sql.ts";
import { formatValue, textTable } from "./format_values.ts";
import { readIndicatorValues } from "./query_values.ts";
import { formatIssue, readCatalogue } from "./read_catalogue.ts";

const USAGE = `Usage : deno task indicators [--json] [--scope ID] [--year AAAA]
        deno task indicators --check
  --scope ID   une structure (ors, saint-nicolas…), cooperation, cluster ou departement
               (par défaut : Coopération, cluster et département)
  --year AAAA  une seule année
  --json       résultat JSON au lieu du tableau
  --check      vérifie le catalogue (data/indicators/) sans lire l'entrepôt`;

const SCOPE_NAMES: Record<string, string> = {
  cooperation: "La Coopération",
  cluster: "Cluster (Valence Romans Agglo)",
  departement: "Département (Drôme)",
};

async function check(): Promise<number> {
  const catalogue = await readCatalogue();
  const problems = catalogue.issues.map(formatIssue);
  problems.push(...await checkIndicatorSql(catalogue.indicators));
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    console.error(`Catalogue des indicateurs : ${problems.length} problème(s).`);
    return 1;
  }
  console.log(`Catalogue des indicateurs valide : ${catalogue.indicators.length} indicateurs.`);
  return 0;
}

async function main(args: string[]): Promise<number> {
  const { values: flags, positionals } = parseArgs({
    args,
    options: {
      json: { type: "boolean" },
      check: { type: "boolean" },
      help: { type: "boolean" },
      scope: { type: "string" },
      year: { type: "string" },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new Error(`argument inattendu : « ${positionals[0]} »`);
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (flags.check) return await check();
  let year: number | undefined;
  if (flags.year !== undefined) {
    if (!/^\d{4}$/.test(flags.year)) throw new Error(`année invalide : « ${flags.year} » (attendu : AAAA)`);
    year = Number(flags.year);
  }
  const path = warehousePath();
  const rows = await withWarehouseLock(path, async () => {
    const wh = await openWarehouse(path);
    try {
      const [{ n }] = await queryRows(
        wh.conn,
        "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'mart_indicator_values'",
      );
      if (Number(n) === 0) await buildMarts(wh.conn);
      return await readIndicatorValues(wh.conn, {
        scope: flags.scope,
        year,
        levels: ["cooperation", "cluster", "departement"],
      });
    } finally {
      wh.close();
    }
  });
  if (flags.json) {
    console.log(
      JSON.stringify(rows.map((r) => ({ ...r, affichage: formatValue(r.value, r.unit, r.suppressed) }))),
    );
    return 0;
  }
  if (rows.length === 0) {
    console.log(
      "Aucune valeur pour ce périmètre et cette année (données manquantes : rien n'est compté zéro).",
    );
    return 0;
  }
  console.log(textTable(
    ["Indicateur", "Périmètre", "Année", "Valeur", "Complet"],
    rows.map((r) => [
      r.label,
      SCOPE_NAMES[r.scope] ?? r.scope,
      String(r.year),
      formatValue(r.value, r.unit, r.suppressed),
      r.complete ? "oui" : `non (${r.structures_with_data}/${r.structures_in_scope})`,
    ]),
  ));
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    console.error(`Erreur : ${(error as Error).message}\n${USAGE}`);
    Deno.exit(2);
  }
}
