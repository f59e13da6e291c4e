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

/** One page data file. */
export interface Publisher {
  /** File name under pages/data/generated/ (JSON unless the name says otherwise). */
  file: string;
  publish(conn: DuckDBConnection): Promise<unknown>;
}

export const PUBLISHERS: Publisher[] = [
  { file: "cooperation.json", publish: publishCooperation },
  { file: "qualite.json", publish: publishQuality },
];
