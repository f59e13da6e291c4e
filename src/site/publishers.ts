/**
 * The page data files and who writes them: one entry per page (or group of pages). Each
 * publisher reads the marts and returns already aggregated, disclosure-controlled data; it is
 * written to `pages/data/generated/<file>` after every ingest.
 *
 * A file name may hold a route parameter, `[id]` (`structures/[id].json`): the publisher's
 * `params` lists the values, and `publish` is called once per value, writing one file each
 * (the data of a parameterised page, `pages/structures/[id].md`). Files of values that are no
 * longer listed are removed.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { publishCluster } from "./publish_cluster.ts";
import { publishCooperation, publishCooperationMonthsByPublic } from "./publish_cooperation.ts";
import { publishHome } from "./publish_home.ts";
import { publishQuality } from "./publish_quality.ts";
import { publishIndicators } from "./publish_indicators.ts";
import { publishGlossary, publishMethodology } from "./publish_methodology.ts";
import { publishIso26000 } from "./publish_iso26000.ts";
import { publishDepartement } from "./publish_departement.ts";
import { publishSroi } from "./publish_sroi.ts";
import { publishSurveys } from "./publish_surveys.ts";
import { publishTimebank } from "./publish_timebank.ts";
import { listStructures, publishStructure } from "./publish_structures.ts";

/** One page data file. */
export interface SinglePublisher {
  /** File name under pages/data/generated/ (JSON unless the name says otherwise). */
  file: string;
  publish(conn: DuckDBConnection): Promise<unknown>;
}

/** One page data file per value of `[id]` in `file` (the data of a parameterised page). */
export interface ParamPublisher {
  /** File name under pages/data/generated/ holding `[id]`, e.g. `structures/[id].json`. */
  file: string;
  /** The values of `[id]` (file names: letters, digits, dashes). */
  params(conn: DuckDBConnection): Promise<string[]>;
  publishEach(conn: DuckDBConnection, id: string): Promise<unknown>;
}

/** A page data publisher. */
export type Publisher = SinglePublisher | ParamPublisher;

export const PUBLISHERS: Publisher[] = [
  { file: "accueil.json", publish: (conn) => publishHome(conn) },
  { file: "cooperation.json", publish: publishCooperation },
  { file: "cooperation_publics.json", publish: publishCooperationMonthsByPublic },
  { file: "qualite.json", publish: publishQuality },
  // Chaîne de valeur and Socle commun share the indicator values.
  { file: "indicateurs.json", publish: (conn) => publishIndicators(conn) },
  { file: "methodologie.json", publish: (conn) => publishMethodology(conn) },
  // The glossary alone, for the pages that link a term to its entry (pages/components/glossary.js).
  { file: "glossaire.json", publish: (conn) => publishGlossary(conn) },
  { file: "iso26000.json", publish: (conn) => publishIso26000(conn) },
  // Commune outlines only when OBSERVATOIRE_COMMUNES_GEOJSON names a file.
  { file: "departement.json", publish: (conn) => publishDepartement(conn) },
  { file: "sroi.json", publish: (conn) => publishSroi(conn) },
  { file: "enquetes.json", publish: (conn) => publishSurveys(conn) },
  { file: "accorderie.json", publish: (conn) => publishTimebank(conn) },
  { file: "cluster.json", publish: (conn) => publishCluster(conn) },
  { file: "structures.json", publish: listStructures },
  {
    file: "structures/[id].json",
    params: async (conn) => (await listStructures(conn)).map((s) => s.id),
    publishEach: (conn, id) => publishStructure(conn, id),
  },
];
