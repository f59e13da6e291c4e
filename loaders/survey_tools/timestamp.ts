/**
 * Submission times of survey exports, in ONE time zone: Europe/Paris local time (what the
 * officers read on their clocks), written `YYYY-MM-DD HH:MM:SS`.
 *
 * - A time with an offset or a zone (`+01:00`, `Z`, `GMT+1`, `UTC`, `CET`, `CEST`) is converted.
 * - A time without one is the export's local time, taken as Paris time (Google Forms, LimeSurvey,
 *   paper), except where the tool documents UTC (Kobo's `_submission_time`: `naive: "utc"`).
 * - 12-hour clocks keep the afternoon: `4:20:37 pm` is 16:20:37, `12:05 am` is 00:05.
 * - Spreadsheet date cells (a `Date` whose UTC parts are the wall clock, or an Excel serial with
 *   its fraction of a day) are wall clocks as well.
 *
 * @module
 */
import { parseDate } from "../../src/read/parse_date.ts";

/** The one time zone submission times are stored in. */
export const SURVEY_TIME_ZONE = "Europe/Paris";

/** How a time without offset or zone is read. */
export type NaiveTime = "local" | "utc";

const ZONES: Record<string, number> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  UT: 0,
  WET: 0,
  CET: 60,
  WEST: 60,
  BST: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
};

// 2024-03-12T10:15:32.123+01:00, 2024-03-12 10:15, 2024/01/17 6:07:45 PM GMT+1, 2023/11/13 4:20:37 pm CET
const YMD =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?\s*(.*))?$/i;
// 17/01/2024 18:07:45, 17-01-2024 6:07 PM
const DMY =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ]+(\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?\s*(.*))?$/i;

/** Minutes east of UTC of a zone written after a time, undefined when none, null when unknown. */
function zoneOffset(text: string): number | null | undefined {
  const zone = text.trim().replace(/^\((.*)\)$/, "$1");
  if (zone === "") return undefined;
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^(?:UTC|GMT|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? null : (m[1] === "-" ? -minutes : minutes);
}

const PARIS = new Intl.DateTimeFormat("en-GB", {
  timeZone: SURVEY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant (ms since the epoch) as Paris wall-clock time. */
export function parisTime(instant: number): string {
  const p = Object.fromEntries(PARIS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A wall clock as text, validated (null for 31/02 or 25:00). */
function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  const date = parseDate(`${y}-${pad(mo)}-${pad(d)}`);
  if (!date.ok || h > 23 || mi > 59 || s > 59) return null;
  return `${date.value} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** Converts a wall clock at `offset` minutes east of UTC (or naive) to Paris time. */
function toParis(clock: string, offset: number | undefined, naive: NaiveTime): string {
  if (offset === undefined && naive === "local") return clock;
  const [y, mo, d, h, mi, s] = clock.split(/[- :]/).map(Number);
  return parisTime(Date.UTC(y, mo - 1, d, h, mi, s) - (offset ?? 0) * 60_000);
}

function hour24(hour: number, meridiem: string | undefined): number | null {
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.toLowerCase().startsWith("p");
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * A submission time as Paris local time `YYYY-MM-DD HH:MM:SS` (see the module's notes), or null
 * when it cannot be read. A date without time gives midnight.
 *
 * @example
 * ```ts
 * surveyTimestamp("2023/11/13 4:20:37 pm CET") // "2023-11-13 16:20:37"
 * surveyTimestamp("2024-03-14T16:33:10.046+01:00") // "2024-03-14 16:33:10"
 * surveyTimestamp("2024-07-01T08:00:00", "utc") // "2024-07-01 10:00:00"
 * ```
 */
export function surveyTimestamp(
  value: string | number | Date,
  naive: NaiveTime = "local",
): string | null {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return null;
    return toParis(value.toISOString().slice(0, 19).replace("T", " "), undefined, naive);
  }
  const text = String(value).trim();
  if (/^\d+([.,]\d+)?$/.test(text)) {
    // An Excel serial: days since 30/12/1899, the fraction is the time of day.
    const serial = Number(text.replace(",", "."));
    if (serial < 1 || serial > 100_000) return null;
    const ms = Math.round((serial - 25569) * 86_400_000 / 1000) * 1000;
    return toParis(new Date(ms).toISOString().slice(0, 19).replace("T", " "), undefined, naive);
  }
  let parts: [number, number, number] | null = null;
  let m = YMD.exec(text);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = DMY.exec(text);
    if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  if (!m || !parts) {
    // Other date spellings without time (« 12/03/24 », « 3 mars 2024 »): midnight.
    const date = parseDate(text);
    return date.ok ? `${date.value} 00:00:00` : null;
  }
  if (m[4] === undefined) return wallClock(...parts, 0, 0, 0);
  const hour = hour24(Number(m[4]), m[7]);
  const offset = zoneOffset(m[8] ?? "");
  if (hour === null || offset === null) return null;
  const clock = wallClock(...parts, hour, Number(m[5]), Number(m[6] ?? 0));
  return clock === null ? null : toParis(clock, offset, naive);
}
