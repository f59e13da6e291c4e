/**
 * Ground truth accumulated while generating, serialised as expected.json.
 */
import type { YearStats } from "./attendance.ts";
import type { VolunteerStats } from "./volunteering.ts";
import type { FileEntry, Inbox, MessinessEntry } from "./inbox.ts";

/** Everything expected.json states besides files and messiness. */
export class Truth {
  readonly attendance: Record<string, Record<string, YearStats>> = {};
  readonly volunteering: Record<string, Record<string, VolunteerStats>> = {};
  readonly people: Record<string, number> = {};
  sharedPeople = 0;
}

/** Shape of expected.json. */
export interface Expected {
  seed: number;
  scale: number;
  files: FileEntry[];
  messiness: MessinessEntry[];
  attendance: Record<string, Record<string, YearStats>>;
  volunteering: Record<string, Record<string, VolunteerStats>>;
  people: Record<string, number>;
  shared_people: number;
  totals: {
    attendance_rows_written: number;
    attendance_rows_distinct: number;
    files: number;
  };
}

/** True for files holding attendance rows (Noethys consommations and the sign-in sheets). */
export function isAttendanceFile(path: string): boolean {
  const name = path.split("/").pop() ?? "";
  return name.startsWith("consommations") || name.startsWith("emargement");
}

/**
 * Assembles expected.json.
 * @param seed generator seed
 * @param scale volume multiplier
 * @param inbox files and defects written
 * @param truth statistics gathered from generated data
 */
export function buildExpected(seed: number, scale: number, inbox: Inbox, truth: Truth): Expected {
  let written = 0;
  for (const f of inbox.files) if (isAttendanceFile(f.path)) written += f.rows;
  let distinct = 0;
  for (const years of Object.values(truth.attendance)) {
    for (const s of Object.values(years)) distinct += s.rows;
  }
  return {
    seed,
    scale,
    files: inbox.files,
    messiness: inbox.messiness,
    attendance: truth.attendance,
    volunteering: truth.volunteering,
    people: truth.people,
    shared_people: truth.sharedPeople,
    totals: {
      attendance_rows_written: written,
      attendance_rows_distinct: distinct,
      files: inbox.files.length,
    },
  };
}
