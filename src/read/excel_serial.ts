/**
 * Excel serial day numbers (1900 date system) to calendar dates.
 * @module
 */

const DAY_MS = 86_400_000;

/**
 * Converts the integer part of an Excel serial to "YYYY-MM-DD", or null outside 1..100000
 * or for 60, the 29/02/1900 Excel invents (the Lotus 1-2-3 leap-year bug).
 *
 * @example
 * excelSerialToIso(45292) // "2024-01-01"
 */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (!(day >= 1 && day <= 100_000) || day === 60) return null;
  // After the fake 29/02/1900 every serial is one day ahead, hence the 30/12/1899 origin.
  const origin = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(origin + day * DAY_MS).toISOString().slice(0, 10);
}
