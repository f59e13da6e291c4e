/**
 * Every loader, one per kind of export. Order matters for detection: when a file fits several
 * kinds, the one matching the most columns wins, and ties go to the first listed here.
 */
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { structuresLoader } from "./structures.ts";
import { peopleNoethysLoader } from "./people.ts";
import { registrationsNoethysLoader } from "./registrations.ts";
import { attendanceNoethysLoader } from "./attendance_noethys.ts";
import { attendanceSheetLoader } from "./attendance_sheet.ts";
import { volunteeringLoader } from "./volunteering.ts";
import { headcountsLoader } from "./headcounts.ts";
import { activitiesLoader } from "./activities.ts";
import { staffLoader } from "./staff.ts";
import { partnershipsLoader } from "./partnerships.ts";
import { testimoniesLoader } from "./testimonies.ts";

// deno-lint-ignore no-explicit-any
export const LOADERS: LoaderSpec<any>[] = [
  structuresLoader,
  peopleNoethysLoader,
  registrationsNoethysLoader,
  attendanceNoethysLoader,
  attendanceSheetLoader,
  volunteeringLoader,
  headcountsLoader,
  activitiesLoader,
  staffLoader,
  partnershipsLoader,
  testimoniesLoader,
];

/** Load order within one ingest run: the registry first, people before what refers to them. */
export const KIND_ORDER = LOADERS.map((l) => l.kind);
