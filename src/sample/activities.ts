/**
 * Activity catalogue of the centres and the days each activity takes place.
 */
import {
  dayOf,
  FIRST_YEAR,
  isClosed,
  isCovidRestricted,
  isSchoolHoliday,
  LAST_YEAR,
  partsOf,
} from "./calendar.ts";

/** How an activity is scheduled. */
export type Rhythm = "leisure" | "term" | "monthly";

/** One activity as defined in the activity management software. */
export interface ActivityDef {
  label: string;
  minAge: number;
  maxAge: number;
  rhythm: Rhythm;
  /** Weekdays (0 = Sunday) during school terms. */
  termDays: number[];
  /** Weekdays during school holidays (leisure centres, summer outings). */
  holidayDays: number[];
  /** Possible [start, end] time slots in minutes since midnight. */
  slots: [number, number][];
  /** Children's activities kept running in the autumn 2020 lockdown. */
  children: boolean;
  /** Relative popularity when people register. */
  weight: number;
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

/** Every activity a centre of the sample can run (labels as the centres write them). */
export const CATALOGUE: Record<string, ActivityDef> = {
  alsh_3_5: {
    label: "Accueil de loisirs 3-5 ans",
    minAge: 3,
    maxAge: 5,
    rhythm: "leisure",
    termDays: [3],
    holidayDays: [1, 2, 3, 4, 5],
    slots: [[h(8, 30), h(17, 30)], [h(8, 30), h(17, 30)], [h(13, 30), h(17, 30)]],
    children: true,
    weight: 3,
  },
  alsh_6_11: {
    label: "Accueil de loisirs 6-11 ans",
    minAge: 6,
    maxAge: 11,
    rhythm: "leisure",
    termDays: [3],
    holidayDays: [1, 2, 3, 4, 5],
    slots: [[h(8, 30), h(17, 30)], [h(8, 30), h(17, 30)], [h(13, 30), h(17, 30)]],
    children: true,
    weight: 4,
  },
  jeunes: {
    label: "Accueil jeunes 12-17 ans",
    minAge: 12,
    maxAge: 17,
    rhythm: "leisure",
    termDays: [3, 6],
    holidayDays: [1, 2, 3, 4, 5],
    slots: [[h(14), h(18)]],
    children: true,
    weight: 2,
  },
  scolarite: {
    label: "Accompagnement à la scolarité",
    minAge: 6,
    maxAge: 15,
    rhythm: "term",
    termDays: [1, 2, 4],
    holidayDays: [],
    slots: [[h(16, 30), h(18)]],
    children: true,
    weight: 3,
  },
  cuisine: {
    label: "Atelier cuisine",
    minAge: 18,
    maxAge: 90,
    rhythm: "term",
    termDays: [4],
    holidayDays: [],
    slots: [[h(9, 30), h(12)]],
    children: false,
    weight: 2,
  },
  sorties: {
    label: "Sorties familles",
    minAge: 0,
    maxAge: 90,
    rhythm: "monthly",
    termDays: [6],
    holidayDays: [2, 4],
    slots: [[h(9), h(18)], [h(13, 30), h(18)]],
    children: false,
    weight: 2,
  },
  asl: {
    label: "Cours de français (ASL)",
    minAge: 18,
    maxAge: 70,
    rhythm: "term",
    termDays: [1, 4],
    holidayDays: [],
    slots: [[h(9), h(11)]],
    children: false,
    weight: 2,
  },
  gym: {
    label: "Gym douce seniors",
    minAge: 60,
    maxAge: 92,
    rhythm: "term",
    termDays: [2],
    holidayDays: [],
    slots: [[h(10), h(11)]],
    children: false,
    weight: 2,
  },
  couture: {
    label: "Atelier couture",
    minAge: 16,
    maxAge: 90,
    rhythm: "term",
    termDays: [5],
    holidayDays: [],
    slots: [[h(14), h(16, 30)]],
    children: false,
    weight: 1,
  },
  laep: {
    label: "Lieu d'accueil enfants-parents",
    minAge: 0,
    maxAge: 3,
    rhythm: "term",
    termDays: [3],
    holidayDays: [],
    slots: [[h(9), h(11, 30)]],
    children: true,
    weight: 1,
  },
  cafe_parents: {
    label: "Café des parents",
    minAge: 20,
    maxAge: 60,
    rhythm: "term",
    termDays: [5],
    holidayDays: [],
    slots: [[h(8, 45), h(10)]],
    children: false,
    weight: 1,
  },
  numerique: {
    label: "Atelier numérique",
    minAge: 16,
    maxAge: 90,
    rhythm: "term",
    termDays: [2],
    holidayDays: [],
    slots: [[h(14), h(16)]],
    children: false,
    weight: 1,
  },
  jardin: {
    label: "Jardin partagé",
    minAge: 8,
    maxAge: 90,
    rhythm: "term",
    termDays: [3, 6],
    holidayDays: [3],
    slots: [[h(9), h(11)], [h(17), h(19)]],
    children: false,
    weight: 1,
  },
};

const periodStart = dayOf(FIRST_YEAR, 1, 1);
const periodEnd = dayOf(LAST_YEAR, 12, 31);

/**
 * Lists the days (2017-2025) when an activity runs, honouring closures,
 * school holidays and the Covid lockdowns.
 * @param def activity definition
 * @returns sorted day numbers
 */
export function sessionDays(def: ActivityDef): number[] {
  const days: number[] = [];
  for (let day = periodStart; day <= periodEnd; day++) {
    const p = partsOf(day);
    if (isClosed(day, p)) continue;
    if (!def.children && isCovidRestricted(day)) continue;
    const holiday = isSchoolHoliday(p);
    if (def.rhythm === "monthly") {
      // First Saturday of each month, plus summer outings in July.
      const firstSaturday = p.weekday === 6 && p.day <= 7;
      const summer = p.month === 7 && def.holidayDays.includes(p.weekday);
      if (firstSaturday || summer) days.push(day);
      continue;
    }
    if (holiday) {
      if (def.rhythm === "leisure" && def.holidayDays.includes(p.weekday)) days.push(day);
    } else if (def.termDays.includes(p.weekday)) {
      days.push(day);
    }
  }
  return days;
}

/** True when a day falls in school holidays (leisure centres see fewer regulars). */
export function isHolidayDay(day: number): boolean {
  return isSchoolHoliday(partsOf(day));
}
