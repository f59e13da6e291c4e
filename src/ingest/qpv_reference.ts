/**
 * QPV neighbourhoods as data the user can update (`data/reference/qpv_quartiers.csv`).
 *
 * @module
 */
import { join } from "node:path";
import { REFERENCE_DIR } from "../paths.ts";
import { parseDelimited } from "../read/parse_delimited.ts";
import { decodeText } from "../read/decode_text.ts";
import { normaliseHeader } from "../read/normalise_header.ts";

/** A lookup from a neighbourhood name (any spelling) to its QPV, or null. */
export type QpvLookup = (neighbourhood: string) => string | null;

/** Builds the lookup from the CSV text (`quartier;qpv;commune_insee`). */
export function qpvLookupFromCsv(text: string): QpvLookup {
  const rows = parseDelimited(text, ";").slice(1).filter((r) => r.cells.length >= 2);
  const map = new Map(rows.map((r) => [normaliseHeader(r.cells[0]), r.cells[1].trim()]));
  return (neighbourhood) => map.get(normaliseHeader(neighbourhood)) ?? null;
}

/** Reads the reference file. */
export async function loadQpvLookup(
  path = join(REFERENCE_DIR, "qpv_quartiers.csv"),
): Promise<QpvLookup> {
  return qpvLookupFromCsv(decodeText(await Deno.readFile(path)).text);
}
