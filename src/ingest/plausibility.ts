/**
 * Plausibility of a recognised kind in its place: warnings (never refusals) when a file's kind
 * does not fit where it was dropped — time-bank data in a structure that runs no time bank, the
 * registry inside one structure's folder. A file naming the structure on each row (SENACS,
 * surveys) is not flagged in a structure folder: a Kobo export of one structure is put there.
 *
 * Rule for « runs a time bank »: the registry knows only « Centre social » and « EVS », so the
 * structure's registry name or identifier must say it: a word « Accorderie », « banque de temps »
 * (or « du temps »), « time bank » or « SEL » (système d'échange local). A structure absent from
 * the registry gets no warning here (the registry check refuses its exports elsewhere).
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../warehouse/connect.ts";
import { loaderLabel } from "./explain_detection.ts";
import type { LoaderSpec } from "./loader_spec.ts";
import type { Issue } from "./validate_table.ts";

/** Kinds that only a time bank produces. */
export const TIMEBANK_KINDS = ["timebank_members", "timebank_exchanges"];

/** Words, lowercased without accents: « L'Accorderie » → ["l", "accorderie"]. */
function words(text: string): string[] {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

/**
 * Whether a structure runs a time bank, from its registry id, name and type.
 *
 * @example
 * ```ts
 * runsTimeBank({ id: "accorderie", name: "L'Accorderie", type: "EVS" }) // true
 * runsTimeBank({ id: "ors", name: "Maison de quartier des Ors", type: "Centre social" }) // false
 * ```
 */
export function runsTimeBank(structure: { id: string; name: string; type: string }): boolean {
  const text = ` ${words(`${structure.id} ${structure.name} ${structure.type}`).join(" ")} `;
  return [" accorderie ", " banque de temps ", " banque du temps ", " time bank ", " timebank ", " sel "]
    .some((phrase) => text.includes(phrase));
}

const warning = (message: string): Issue => ({
  line: null,
  column: null,
  value: null,
  severity: "avertissement",
  message,
});

/**
 * Warnings about `spec`'s kind in the place the file came from (`structureId`: its folder or
 * `--structure`). Empty when the kind fits.
 */
export async function plausibilityIssues(
  conn: DuckDBConnection,
  spec: LoaderSpec,
  structureId: string | null,
): Promise<Issue[]> {
  if (structureId === null) return [];
  if (spec.kind === "structures") {
    return [warning(
      `registre des structures déposé dans le dossier de la structure « ${structureId} » : il vaut pour toutes les structures et se charge en premier depuis la racine de data/inbox/ — déplacez-le à la racine`,
    )];
  }
  if (TIMEBANK_KINDS.includes(spec.kind)) {
    const [row] = await queryRows(
      conn,
      "SELECT name, structure_type FROM stg_structures WHERE structure_id = $1",
      [structureId],
    );
    if (!row) return [];
    const structure = { id: structureId, name: String(row.name), type: String(row.structure_type) };
    if (runsTimeBank(structure)) return [];
    return [warning(
      `${
        loaderLabel(spec)
      } chargé pour « ${structure.name} » (${structure.type}), qui ne tient pas de banque de temps d'après le registre : vérifiez le type d'export (un autre type se force avec --kind) et le dossier ; si la structure anime bien une banque de temps, ignorez cet avertissement`,
    )];
  }
  return [];
}
