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
import { publishCooperation } from "./publish_cooperation.ts";
import { publishHome } from "./publish_home.ts";
import { publishQuality } from "./publish_quality.ts";
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
  { file: "qualite.json", publish: publishQuality },
  { file: "structures.json", publish: listStructures },
  {
    file: "structures/[id].json",
    params: async (conn) => (await listStructures(conn)).map((s) => s.id),
    publishEach: (conn, id) => publishStructure(conn, id),
  },
];
