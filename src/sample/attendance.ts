/**
 * Registrations (inscriptions) and attendance (consommations) of one centre,
 * generated until each season reaches its target volume.
 */
import type { Random } from "./random.ts";
import type { ActivityDef } from "./activities.ts";
import { isHolidayDay, sessionDays } from "./activities.ts";
import { dayOf, FIRST_YEAR, LAST_YEAR, partsOf } from "./calendar.ts";
import { ageAt, type Person } from "./people.ts";

/** An activity as configured in one centre (its own IDactivite). */
export interface CentreActivity {
  id: number;
  def: ActivityDef;
  days: number[];
}

/** Registration statuses found in Noethys exports. */
export type Statut = "ok" | "attente" | "refus";

/** One row of inscriptions.csv. */
export interface Registration {
  id: number;
  person: Person;
  activity: CentreActivity;
  start: number;
  end: number | null;
  statut: Statut;
}

/** Attendance states of Noethys consommations. */
export type Etat = "present" | "absentj" | "absenti" | "annule";

/** One row of consommations.csv (before IDconso is assigned). */
export interface Conso {
  id: number;
  day: number;
  registration: Registration;
  start: number;
  end: number;
  etat: Etat;
}

/** Per-year ground truth of attendance. */
export interface YearStats {
  rows: number;
  present: number;
  hours: number;
  participants: number;
}

const sessionCache = new Map<ActivityDef, number[]>();

/**
 * Builds the activities of a centre, numbered from 1 in the given order.
 * @param defs catalogue entries the centre runs
 */
export function centreActivities(defs: ActivityDef[]): CentreActivity[] {
  return defs.map((def, i) => {
    let days = sessionCache.get(def);
    if (!days) {
      days = sessionDays(def);
      sessionCache.set(def, days);
    }
    return { id: i + 1, def, days };
  });
}

/**
 * Yearly row targets: steady growth, a deep 2020 dip (lockdowns) and a partial
 * 2021 recovery.
 * @param base rows in 2017 at scale 1
 * @param scale volume multiplier
 */
export function yearTargets(base: number, scale: number): Map<number, number> {
  const covid: Record<number, number> = { 2020: 0.55, 2021: 0.85 };
  const targets = new Map<number, number>();
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    targets.set(y, base * scale * (1 + 0.06 * (y - FIRST_YEAR)) * (covid[y] ?? 1));
  }
  return targets;
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ETATS: Etat[] = ["present", "absentj", "absenti", "annule"];
const ETAT_WEIGHTS = [85, 6, 5, 4];

/** Result of generating one centre's attendance. */
export interface AttendanceData {
  registrations: Registration[];
  consos: Conso[];
}

/**
 * Generates registrations season by season (September to August) and their
 * attendance, until each season reaches its share of the yearly targets.
 * @param rng random stream of the centre
 * @param people individuals of the centre
 * @param activities activities of the centre
 * @param targets yearly row targets
 */
export function generateAttendance(
  rng: Random,
  people: Person[],
  activities: CentreActivity[],
  targets: Map<number, number>,
): AttendanceData {
  const registrations: Registration[] = [];
  const consos: Conso[] = [];
  for (let season = FIRST_YEAR - 1; season <= LAST_YEAR; season++) {
    // A season spans Sept-Dec of one year (1/3) and Jan-Aug of the next (2/3).
    const target = (targets.get(season) ?? 0) / 3 + (targets.get(season + 1) ?? 0) * 2 / 3;
    const seasonStart = dayOf(season, 9, 1);
    const eligible = activities.map((a) =>
      people.filter((p) => {
        const age = ageAt(p.birth, seasonStart);
        return age >= a.def.minAge && age <= a.def.maxAge;
      })
    );
    const usable = activities.filter((_, i) => eligible[i].length > 0);
    if (usable.length === 0) continue;
    const weights = usable.map((a) => a.def.weight);
    let produced = 0;
    let attempts = 0;
    while (produced < target && attempts < 100_000) {
      attempts++;
      const activity = rng.weighted(usable, weights);
      const person = rng.pick(eligible[activities.indexOf(activity)]);
      const registration = register(rng, person, activity, season);
      registrations.push(registration);
      if (registration.statut !== "ok") continue;
      produced += attend(rng, registration, consos, season);
    }
  }
  // Noethys numbers rows in creation order, which follows the calendar.
  registrations.sort((a, b) => a.start - b.start || a.person.id - b.person.id);
  registrations.forEach((r, i) => (r.id = i + 1));
  consos.sort((a, b) =>
    a.day - b.day || a.start - b.start || a.registration.person.id - b.registration.person.id ||
    a.registration.id - b.registration.id
  );
  consos.forEach((c, i) => (c.id = i + 1));
  return { registrations, consos };
}

function seasonEnd(def: ActivityDef, season: number): number {
  return def.rhythm === "term" ? dayOf(season + 1, 7, 5) : dayOf(season + 1, 8, 31);
}

function register(
  rng: Random,
  person: Person,
  activity: CentreActivity,
  season: number,
): Registration {
  const last = seasonEnd(activity.def, season);
  const start = rng.chance(0.8)
    ? dayOf(season, 8, 25) + rng.int(0, 35)
    : dayOf(season, 10, 1) + rng.int(0, 210);
  const statut = rng.weighted<Statut>(["ok", "attente", "refus"], [93, 5, 2]);
  let end: number | null = null;
  if (statut === "ok" && rng.chance(0.25) && last - start > 30) {
    end = start + rng.int(21, last - start - 1);
  }
  return { id: 0, person, activity, start, end, statut };
}

function attend(rng: Random, registration: Registration, consos: Conso[], season: number): number {
  const { activity } = registration;
  const last = Math.min(registration.end ?? Infinity, seasonEnd(activity.def, season));
  const p = 0.35 + 0.55 * rng.next();
  const preferred = rng.pick(activity.def.slots);
  // Many people come a handful of times only; a core of regulars comes all season.
  const cap = rng.weighted([rng.int(1, 5), rng.int(6, 20), Infinity], [35, 35, 30]);
  let count = 0;
  for (let i = lowerBound(activity.days, registration.start); i < activity.days.length; i++) {
    const day = activity.days[i];
    if (day > last || count >= cap) break;
    const holiday = activity.def.rhythm === "leisure" && isHolidayDay(day);
    if (!rng.chance(holiday ? p * 0.4 : p)) continue;
    const slot = rng.chance(0.85) ? preferred : rng.pick(activity.def.slots);
    consos.push({
      id: 0,
      day,
      registration,
      start: slot[0],
      end: slot[1],
      etat: rng.weighted(ETATS, ETAT_WEIGHTS),
    });
    count++;
  }
  return count;
}

/**
 * Ground-truth statistics per calendar year, computed from generated rows.
 * @param consos distinct attendance rows
 */
export function attendanceStats(consos: readonly Conso[]): Record<string, YearStats> {
  const acc = new Map<
    number,
    { rows: number; present: number; minutes: number; who: Set<number> }
  >();
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    acc.set(y, { rows: 0, present: 0, minutes: 0, who: new Set() });
  }
  for (const c of consos) {
    const a = acc.get(partsOf(c.day).year)!;
    a.rows++;
    if (c.etat !== "present") continue;
    a.present++;
    a.minutes += c.end - c.start;
    a.who.add(c.registration.person.id);
  }
  const out: Record<string, YearStats> = {};
  for (const [y, a] of acc) {
    out[String(y)] = {
      rows: a.rows,
      present: a.present,
      hours: Math.round(a.minutes / 60 * 100) / 100,
      participants: a.who.size,
    };
  }
  return out;
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return partsOf(day).year;
}
