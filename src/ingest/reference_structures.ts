/**
 * The registry of La Coopération's four structures shipped with the project
 * (`data/reference/structures_cooperation.csv`). An inbox folder named after one of them loads
 * before the officer has written any registry. Only the rows the warehouse lacks are loaded, so
 * her own registry always wins: loaded before, its rows are kept; loaded after, it replaces
 * these rows by identifier (a registry row's key is the structure id).
 *
 * @module
 */
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { LOADERS } from "../../loaders/mod.ts";
import { REFERENCE_DIR } from "../paths.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { queryRows } from "../warehouse/connect.ts";
import { loadFile } from "./load_file.ts";
import type { LoadReport } from "./load_report.ts";
import type { LoadContext } from "./loader_spec.ts";

/** The shipped registry. */
export const REFERENCE_REGISTRY = join(REFERENCE_DIR, "structures_cooperation.csv");
/** The name its loads are recorded under (as a path from the project root). */
export const REFERENCE_REGISTRY_NAME = "data/reference/structures_cooperation.csv";

/** The lines of the shipped registry: its header and one line per structure, by id. */
async function readReference(path: string): Promise<{ header: string; lines: Map<string, string> }> {
  const text = await Deno.readTextFile(path);
  const physical = text.split(/\r?\n/);
  const [header, ...rows] = parseDelimited(text, ";");
  const lines = new Map<string, string>();
  for (const row of rows) {
    const id = row.cells[0]?.trim();
    if (id) lines.set(id, physical[row.line - 1]);
  }
  return { header: physical[header.line - 1], lines };
}

/** The structure ids of the shipped registry (`ors`, `saint-nicolas`…). */
export async function referenceStructureIds(path = REFERENCE_REGISTRY): Promise<string[]> {
  return [...(await readReference(path)).lines.keys()];
}

/**
 * Loads the rows of the shipped registry for the structures of `wanted` that are in it but not
 * in the warehouse's registry; returns the load's report (none when there is nothing to add).
 * The report carries a warning saying where these rows come from and how to override them.
 */
export async function loadReferenceStructures(
  conn: DuckDBConnection,
  wanted: Iterable<string>,
  options: { now: Date; context: Omit<LoadContext, "structureId"> },
  path = REFERENCE_REGISTRY,
): Promise<LoadReport[]> {
  const { header, lines } = await readReference(path);
  const known = new Set(
    (await queryRows(conn, "SELECT structure_id FROM stg_structures")).map((r) => String(r.structure_id)),
  );
  const ids = [...new Set(wanted)].filter((id) => lines.has(id) && !known.has(id)).sort();
  if (ids.length === 0) return [];
  const text = [header, ...ids.map((id) => lines.get(id)!)].join("\n") + "\n";
  const reports = await loadFile(conn, new TextEncoder().encode(text), {
    fileName: REFERENCE_REGISTRY_NAME,
    structureId: null,
    kind: "structures",
    loaders: LOADERS,
    context: options.context,
    now: options.now,
  });
  for (const report of reports) {
    if (report.status === "rejected") continue;
    report.issues.push({
      line: null,
      column: null,
      value: null,
      severity: "avertissement",
      message: `${ids.map((id) => `« ${id} »`).join(", ")} ${
        ids.length > 1 ? "absentes" : "absente"
      } du registre chargé : repris du registre de La Coopération livré avec l'observatoire ; votre registre (structures.csv, à la racine de data/inbox) le complète ou le remplace`,
    });
  }
  return reports;
}

/**
 * Why a file of structure `id` is refused when neither registry knows it, and how to fix it.
 * `folder`: the id came from the file's folder (else from `--structure`).
 */
export function unknownStructureMessage(
  id: string,
  folder: boolean,
  referenceIds: readonly string[],
): string {
  const where = folder ? `dossier « ${id} »` : `option --structure ${id}`;
  return `structure « ${id} » absente du registre des structures (${where}) : ajoutez une ligne « ${id} » au registre (structures.csv, à la racine de data/inbox) puis chargez-le, ou ${
    folder ? "renommez le dossier" : "corrigez l'option"
  } d'après un identifiant du registre${
    referenceIds.length ? ` (registre livré pour La Coopération : ${referenceIds.join(", ")})` : ""
  }`;
}
