/**
 * Volunteering logs: monthly CSV summaries, dated session logs, and the
 * Noël Guichard workbook.
 */
import type { Random } from "./random.ts";
import { frenchMonthName } from "../read/french_months.ts";
import { dayOf, FIRST_YEAR, isClosed, LAST_YEAR, partsOf } from "./calendar.ts";
import { OLD_FEMALE, OLD_MALE, SURNAMES, upperSurname, YOUNG_FEMALE, YOUNG_MALE } from "./names.ts";
import { decimalComma } from "./csv.ts";

/** Missions volunteers are recorded under. */
export const MISSIONS = [
  "Conseil d'administration",
  "Animation d'activités",
  "Accompagnement à la scolarité",
  "Événements",
  "Accueil",
];

/** One volunteering entry: a month summary (day = first of month) or a dated session. */
export interface VolunteerEntry {
  name: string;
  day: number;
  mission: string;
  hours: number;
}

/** Per-year ground truth of volunteering. */
export interface VolunteerStats {
  volunteers: number;
  hours: number;
}

/**
 * Pool of distinct volunteer names ("Prénom NOM"), in arrival order.
 * @param rng random stream
 * @param size number of names
 */
export function volunteerPool(rng: Random, size: number): string[] {
  const names = new Set<string>();
  while (names.size < size) {
    const female = rng.chance(0.6);
    const old = rng.chance(0.5);
    const first = rng.pick(
      female ? (old ? OLD_FEMALE : YOUNG_FEMALE) : (old ? OLD_MALE : YOUNG_MALE),
    );
    names.add(`${first} ${upperSurname(rng.pick(SURNAMES))}`);
  }
  return [...names];
}

/**
 * Volunteers active in a year: a sliding window over the pool, so people stay
 * a few years and then leave (30 to 60 a year).
 */
function activeVolunteers(rng: Random, pool: string[], year: number): string[] {
  const count = rng.int(30, 60);
  const offset = (year - FIRST_YEAR) * 9;
  return pool.slice(offset, offset + count);
}

/** Pool size needed to cover all years with the sliding window. */
export const POOL_SIZE = (LAST_YEAR - FIRST_YEAR) * 9 + 60;

/**
 * Monthly summaries (one line per volunteer, month and mission).
 * @param rng random stream
 * @param pool volunteer names
 * @param year calendar year
 */
export function monthlyEntries(rng: Random, pool: string[], year: number): VolunteerEntry[] {
  const entries: VolunteerEntry[] = [];
  const people = activeVolunteers(rng, pool, year);
  const missions = people.map(() => rng.pick(MISSIONS));
  for (let month = 1; month <= 12; month++) {
    const lockdown = year === 2020 && (month === 4 || month === 5);
    const p = month === 8 ? 0.25 : lockdown ? 0.1 : 0.7;
    people.forEach((name, i) => {
      if (!rng.chance(p)) return;
      entries.push({
        name,
        day: dayOf(year, month, 1),
        mission: missions[i],
        hours: rng.int(2, 24) / 2,
      });
      if (rng.chance(0.15)) {
        entries.push({
          name,
          day: dayOf(year, month, 1),
          mission: "Événements",
          hours: rng.int(2, 12) / 2,
        });
      }
    });
  }
  return entries;
}

/**
 * Dated sessions (one line per volunteer and day).
 * @param rng random stream
 * @param pool volunteer names
 * @param year calendar year
 * @param missions missions to draw from
 */
export function sessionEntries(
  rng: Random,
  pool: string[],
  year: number,
  missions: readonly string[],
): VolunteerEntry[] {
  const entries: VolunteerEntry[] = [];
  const first = dayOf(year, 1, 1);
  const length = dayOf(year + 1, 1, 1) - first;
  for (const name of activeVolunteers(rng, pool, year)) {
    const mission = rng.pick(missions);
    const sessions = rng.int(3, 25);
    for (let i = 0; i < sessions; i++) {
      let day = first + rng.int(0, length - 1);
      while (isClosed(day, partsOf(day))) day = first + rng.int(0, length - 1);
      entries.push({
        name,
        day,
        mission: rng.chance(0.8) ? mission : rng.pick(missions),
        hours: rng.pick([1, 1.5, 2, 2, 2.5, 3, 4]),
      });
    }
  }
  entries.sort((a, b) => a.day - b.day || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries;
}

/** Distinct volunteers and total hours of a year's entries. */
export function volunteerStats(entries: readonly VolunteerEntry[]): VolunteerStats {
  const names = new Set(entries.map((e) => e.name));
  const quarters = entries.reduce((sum, e) => sum + Math.round(e.hours * 4), 0);
  return { volunteers: names.size, hours: Math.round(quarters / 4 * 100) / 100 };
}

/**
 * Month label as written in a given year: "mars 2024" or "03/2024".
 * @param day first day of the month
 * @param textual true for the month-name style
 */
export function monthLabel(day: number, textual: boolean): string {
  const p = partsOf(day);
  return textual ? `${frenchMonthName(p.month)} ${p.year}` : `${String(p.month).padStart(2, "0")}/${p.year}`;
}

/**
 * Renders benevolat_<year>.csv lines (header, data, totals row).
 * @param entries monthly entries of the year
 * @param textualMonths month style of that year
 */
export function monthlyCsvLines(
  entries: readonly VolunteerEntry[],
  textualMonths: boolean,
): string[] {
  const lines = ["Bénévole;Mois;Mission;Heures"];
  let total = 0;
  for (const e of entries) {
    lines.push(
      `${e.name};${monthLabel(e.day, textualMonths)};${e.mission};${decimalComma(e.hours)}`,
    );
    total += e.hours;
  }
  lines.push(`Total;;;${decimalComma(total)}`);
  return lines;
}
