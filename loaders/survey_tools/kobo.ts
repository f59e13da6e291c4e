/**
 * KoboToolbox exports (CSV and XLSX, XML names or labels, with or without group paths): which
 * columns are Kobo's metadata, which hold a GPS position, which are the positions of a `rank`
 * question. Layouts: /work/shared/real-formats.md « KoboToolbox data exports ».
 *
 * - Metadata (`start`, `end`, `today`, `deviceid`, `_id`, `_uuid`, `_submission_time`,
 *   `_validation_status`, `_notes`, `_status`, `_submitted_by`, `__version__`, `_tags`, `_index`,
 *   `$edited`, `meta/instanceID`, `formhub/uuid`, and the `_submission__…` columns of repeat
 *   sheets) are never questions.
 * - A `geopoint`/`geotrace`/`geoshape` question is a position: its column (`q`, holding
 *   `"lat lon alt precision"`, or points joined by `;`), and `_q_latitude`, `_q_longitude`,
 *   `_q_altitude`, `_q_precision`, and `_geolocation`, are never stored, only reported by header.
 * - `rank` positions (`rank_them/_1st_choice`…) are answers, not technical columns.
 *
 * @module
 */

/** Kobo metadata columns, by their last path segment, compared case-insensitively. */
const METADATA = new Set([
  "start",
  "end",
  "today",
  "deviceid",
  "subscriberid",
  "simserial",
  "phonenumber",
  "username",
  "email",
  "audit",
  "_id",
  "_uuid",
  "_submission_time",
  "_validation_status",
  "_notes",
  "_status",
  "_submitted_by",
  "__version__",
  "_version_",
  "_version",
  "_tags",
  "_index",
  "_parent_index",
  "_parent_table_name",
  "_xform_id_string",
  "_attachments",
  "_media_all_received",
  "_total_media",
  "_supplementaldetails",
  "$edited",
  "instanceid",
  "deprecatedid",
  "rootuuid",
  "instancename",
]);

/** Kobo metadata that describes the device or the account: personal, never stored. */
const PERSONAL_METADATA = new Set([
  "deviceid",
  "subscriberid",
  "simserial",
  "phonenumber",
  "username",
  "email",
]);

const lastSegment = (header: string) => (header.split("/").pop() ?? header).trim();

/** A `rank` position column: `rank_them/_1st_choice` → 1. */
export function rankPosition(header: string): number | null {
  const m = /^_(\d+)(?:st|nd|rd|th)_choice$/i.exec(lastSegment(header));
  return m ? Number(m[1]) : null;
}

/** The geopoint question a companion column belongs to: `_lieu_latitude` → `lieu`. */
function geoCompanionOf(header: string): string | null {
  const m = /^_(.+)_(latitude|longitude|altitude|precision)$/i.exec(lastSegment(header));
  return m ? m[1] : null;
}

const GEOPOINT = String.raw`-?\d{1,2}\.\d+\s+-?\d{1,3}\.\d+(?:\s+-?\d+(?:\.\d+)?){0,2}`;
const GEO_VALUE = new RegExp(`^${GEOPOINT}(?:\\s*;\\s*${GEOPOINT})*;?$`);

/**
 * Whether a cell holds a Kobo position: `"45.764043 4.835659 170 5"` (geopoint), or such points
 * joined by `;` (geotrace, geoshape). Latitude and longitude carry decimals, so a select_multiple
 * « 1 2 3 4 » is not one.
 */
export function isGeoValue(value: string): boolean {
  return GEO_VALUE.test(value.trim());
}

/** The role of a Kobo column (see the module's notes). */
export type KoboRole = "question" | "metadata" | "personal-metadata" | "gps";

/**
 * The role of a column of a Kobo export, knowing every header of the table (a geopoint `q`
 * is known by its `_q_latitude` companion).
 *
 * @example
 * ```ts
 * koboColumnRole("$edited", []) // "metadata"
 * koboColumnRole("lieu", ["lieu", "_lieu_latitude"]) // "gps"
 * koboColumnRole("rank_them/_1st_choice", []) // "question"
 * ```
 */
export function koboColumnRole(header: string, headers: readonly string[]): KoboRole {
  const last = lastSegment(header).toLowerCase();
  const path = header.trim().toLowerCase();
  if (last === "_geolocation" || geoCompanionOf(header) !== null) return "gps";
  if (rankPosition(header) !== null) return "question";
  if (PERSONAL_METADATA.has(last)) return "personal-metadata";
  if (
    METADATA.has(last) || path.startsWith("meta/") || path.startsWith("formhub/") ||
    last.startsWith("_submission_")
  ) return "metadata";
  if (headers.some((h) => geoCompanionOf(h)?.toLowerCase() === last)) return "gps";
  // Other Kobo system columns start with « _ » (`_attachments`…).
  if (last.startsWith("_")) return "metadata";
  return "question";
}
