/**
 * The page data files and who writes them: one entry per page (or group of pages). Each
 * publisher reads the marts and returns already aggregated, disclosure-controlled data; it is
 * written to `pages/data/generated/<file>` after every ingest.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { publishCluster } from "./publish_cluster.ts";
import { publishCooperation } from "./publish_cooperation.ts";
import { publishQuality } from "./publish_quality.ts";
import { publishSroi } from "./publish_sroi.ts";
import { publishSurveys } from "./publish_surveys.ts";
import { publishTimebank } from "./publish_timebank.ts";

/** One page data file. */
export interface Publisher {
  /** File name under pages/data/generated/ (JSON unless the name says otherwise). */
  file: string;
  publish(conn: DuckDBConnection): Promise<unknown>;
}

export const PUBLISHERS: Publisher[] = [
  { file: "cooperation.json", publish: publishCooperation },
  { file: "qualite.json", publish: publishQuality },
  { file: "sroi.json", publish: (conn) => publishSroi(conn) },
  { file: "enquetes.json", publish: (conn) => publishSurveys(conn) },
  { file: "accorderie.json", publish: (conn) => publishTimebank(conn) },
  { file: "cluster.json", publish: (conn) => publishCluster(conn) },
];
