/**
 * The page data files and who writes them: one entry per page (or group of pages). Each
 * publisher reads the marts and returns already aggregated, disclosure-controlled data; it is
 * written to `pages/data/generated/<file>` after every ingest.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { publishCooperation } from "./publish_cooperation.ts";
import { publishQuality } from "./publish_quality.ts";
import { publishIndicators } from "./publish_indicators.ts";
import { publishMethodology } from "./publish_methodology.ts";
import { publishIso26000 } from "./publish_iso26000.ts";
import { publishDepartement } from "./publish_departement.ts";

/** One page data file. */
export interface Publisher {
  /** File name under pages/data/generated/ (JSON unless the name says otherwise). */
  file: string;
  publish(conn: DuckDBConnection): Promise<unknown>;
}

export const PUBLISHERS: Publisher[] = [
  { file: "cooperation.json", publish: publishCooperation },
  { file: "qualite.json", publish: publishQuality },
  // Chaîne de valeur and Socle commun share the indicator values.
  { file: "indicateurs.json", publish: (conn) => publishIndicators(conn) },
  { file: "methodologie.json", publish: (conn) => publishMethodology(conn) },
  { file: "iso26000.json", publish: (conn) => publishIso26000(conn) },
  // Commune outlines only when OBSERVATOIRE_COMMUNES_GEOJSON names a file.
  { file: "departement.json", publish: (conn) => publishDepartement(conn) },
];
