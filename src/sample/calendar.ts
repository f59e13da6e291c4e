/**
 * Calendar helpers working on integer day numbers (days since 1970-01-01 UTC),
 * which keeps date arithmetic cheap and free of time-zone surprises.
 */

const MS_PER_DAY = 86_400_000;

/** First and last day of the generated attendance period. */
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2025;

/**
 * Day number of a calendar date.
 * @param year full year
 * @param month 1-12
 * @param day 1-31
 */
export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Year, month (1-12), day of month and weekday (0 = Sunday) of a day number. */
export interface DayParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** Splits a day number into its calendar parts. */
export function partsOf(dayNumber: number): DayParts {
  const d = new Date(dayNumber * MS_PER_DAY);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

const frenchCache = new Map<number, string>();

/** Formats a day number as dd/mm/yyyy (cached: the same days are formatted many times). */
export function frenchDate(dayNumber: number): string {
  let text = frenchCache.get(dayNumber);
  if (text === undefined) {
    const p = partsOf(dayNumber);
    text = `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
    frenchCache.set(dayNumber, text);
  }
  return text;
}

/** Formats minutes since midnight as HH:MM. */
export function clock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** JS Date at UTC midnight, as write-excel-file expects for date cells. */
export function utcDate(dayNumber: number): Date {
  return new Date(dayNumber * MS_PER_DAY);
}

// Approximate zone A (académie de Grenoble) holidays as [month, day] ranges;
// exact dates vary by year but the loaders only need a plausible rhythm.
const SCHOOL_HOLIDAYS: [number, number, number, number][] = [
  [10, 19, 11, 3],
  [12, 20, 12, 31],
  [1, 1, 1, 4],
  [2, 8, 2, 23],
  [4, 8, 4, 23],
  [7, 6, 8, 31],
];

const PUBLIC_HOLIDAYS = new Set(["1-1", "5-1", "5-8", "7-14", "8-15", "11-1", "11-11", "12-25"]);

const inRange = (m: number, d: number, r: [number, number, number, number]) => {
  const v = m * 100 + d;
  return v >= r[0] * 100 + r[1] && v <= r[2] * 100 + r[3];
};

/** True during (approximate) school holidays. */
export function isSchoolHoliday(p: DayParts): boolean {
  return SCHOOL_HOLIDAYS.some((r) => inRange(p.month, p.day, r));
}

const COVID_CLOSED = [dayOf(2020, 3, 16), dayOf(2020, 5, 10)];
const COVID_RESTRICTED = [dayOf(2020, 10, 30), dayOf(2020, 12, 14)];

/**
 * True when the centres are closed: public holidays, the August break,
 * Christmas week and the first 2020 lockdown.
 */
export function isClosed(dayNumber: number, p: DayParts): boolean {
  if (p.weekday === 0) return true;
  if (PUBLIC_HOLIDAYS.has(`${p.month}-${p.day}`)) return true;
  if (p.month === 8 && p.day <= 20) return true;
  if ((p.month === 12 && p.day >= 24) || (p.month === 1 && p.day === 1)) return true;
  return dayNumber >= COVID_CLOSED[0] && dayNumber <= COVID_CLOSED[1];
}

/** True during the autumn 2020 lockdown, when only children's activities went on. */
export function isCovidRestricted(dayNumber: number): boolean {
  return dayNumber >= COVID_RESTRICTED[0] && dayNumber <= COVID_RESTRICTED[1];
}
