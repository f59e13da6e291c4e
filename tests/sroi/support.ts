/**
 * Helpers for the SROI tests: impact maps written as in-memory sheets or as real files.
 */
import { join } from "node:path";
import { buildWorkbook, textCell } from "../../src/sample/xlsx.ts";
import type { CellRow, CellValue } from "../../src/read/row.ts";
import type { ImpactMapTables } from "../../src/sroi/read_impact_map.ts";
import { PROJECT_ROOT } from "../../src/paths.ts";

/** The template's `impacts` header. */
export const HEADER = [
  "Partie prenante",
  "Changement",
  "Indicateur",
  "Quantité",
  "Durée (années)",
  "Début (1 = pendant l'action, 2 = après)",
  "Proxy financier (€)",
  "Source du proxy",
  "Aubaine %",
  "Déplacement %",
  "Attribution %",
  "Décroissance %",
];

/** Rows numbered from 1 like a spreadsheet. */
export function numbered(rows: CellValue[][]): CellRow[] {
  return rows.map((cells, i) => ({ line: i + 1, cells }));
}

/** Tables of a map: header + impact rows, investments as [stakeholder, nature, amount], parameters. */
export function tables(
  impactRows: CellValue[][],
  investments: CellValue[][],
  parameters: { rate?: CellValue; horizon?: CellValue } = {},
  header: string[] = HEADER,
): ImpactMapTables {
  const paramRows: CellValue[][] = [["Paramètre", "Valeur"]];
  if (parameters.rate !== undefined) paramRows.push(["Taux d'actualisation", parameters.rate]);
  if (parameters.horizon !== undefined) paramRows.push(["Horizon (années)", parameters.horizon]);
  return {
    impacts: { where: "Feuille « impacts »", rows: numbered([header, ...impactRows]) },
    investments: {
      where: "Feuille « investissements »",
      rows: numbered([["Partie prenante", "Nature", "Montant (€)"], ...investments]),
    },
    parameters: { where: "Feuille « parametres »", rows: numbered(paramRows) },
  };
}

/** Writes the same tables as a real .xlsx workbook and returns its path. */
export async function writeWorkbook(dir: string, name: string, t: ImpactMapTables): Promise<string> {
  const toRows = (rows: CellRow[]) =>
    rows.map((r) => r.cells.map((c) => typeof c === "string" ? textCell(c) : c as number | null));
  const sheets = [
    { name: "impacts", rows: toRows(t.impacts.rows) },
    { name: "investissements", rows: toRows(t.investments!.rows) },
    { name: "parametres", rows: toRows(t.parameters!.rows) },
  ];
  const path = join(dir, name);
  await Deno.writeFile(path, await buildWorkbook(sheets));
  return path;
}

/** Runs `src/sroi/cli.ts` in a subprocess. */
export async function runSroi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(PROJECT_ROOT, "src", "sroi", "cli.ts"), ...args],
    cwd: PROJECT_ROOT,
    env: { DENO_NO_UPDATE_CHECK: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}
