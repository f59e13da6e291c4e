import assert from "node:assert/strict";
import { clock, dayOf, frenchDate, isClosed, isCovidRestricted, partsOf } from "./calendar.ts";

Deno.test("day numbers round-trip to French dates", () => {
  const d = dayOf(2024, 3, 5);
  assert.equal(frenchDate(d), "05/03/2024");
  assert.deepEqual(partsOf(d), { year: 2024, month: 3, day: 5, weekday: 2 });
  assert.equal(frenchDate(dayOf(1935, 12, 31)), "31/12/1935");
});

Deno.test("clock formats minutes as HH:MM", () => {
  assert.equal(clock(8 * 60 + 30), "08:30");
  assert.equal(clock(17 * 60), "17:00");
});

Deno.test("closures: Sundays, 14 July, early August, first lockdown", () => {
  const closed = (y: number, m: number, d: number) => isClosed(dayOf(y, m, d), partsOf(dayOf(y, m, d)));
  assert.equal(closed(2024, 3, 10), true); // Sunday
  assert.equal(closed(2023, 7, 14), true);
  assert.equal(closed(2022, 8, 10), true);
  assert.equal(closed(2020, 4, 15), true);
  assert.equal(closed(2024, 3, 12), false);
  assert.equal(isCovidRestricted(dayOf(2020, 11, 15)), true);
  assert.equal(isCovidRestricted(dayOf(2021, 11, 15)), false);
});
