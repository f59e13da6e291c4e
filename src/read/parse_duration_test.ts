import assert from "node:assert/strict";
import { parseClockTime, parseDuration } from "./parse_duration.ts";

const hours = (input: Parameters<typeof parseDuration>[0]) => {
  const result = parseDuration(input);
  if (!result.ok) throw new Error(`expected a duration for ${input}: ${result.reason}`);
  return result.value;
};

Deno.test("parseDuration: plain and decimal hours", () => {
  assert.equal(hours(1.5), 1.5);
  assert.equal(hours(0), 0);
  assert.equal(hours(24), 24);
  assert.equal(hours("1,5"), 1.5);
  assert.equal(hours("1.5"), 1.5);
  assert.equal(hours("2"), 2);
  assert.equal(hours("2 h"), 2);
  assert.equal(hours("3 heures"), 3);
});

Deno.test("parseDuration: hours and minutes", () => {
  assert.equal(hours("1h30"), 1.5);
  assert.equal(hours("1 h 30"), 1.5);
  assert.equal(hours("1h"), 1);
  assert.equal(hours("1H30"), 1.5);
  assert.equal(hours("1h05"), 1 + 5 / 60);
  assert.equal(hours("1h30min"), 1.5);
  assert.equal(hours("01:30"), 1.5);
  assert.equal(hours("1:30:00"), 1.5);
  assert.equal(hours("0:45:36"), 0.76);
});

Deno.test("parseDuration: minutes", () => {
  assert.equal(hours("90 min"), 1.5);
  assert.equal(hours("90mn"), 1.5);
  assert.equal(hours("45 minutes"), 0.75);
  assert.equal(hours("1 minute"), 1 / 60);
});

Deno.test("parseDuration: Excel time cells read as Date", () => {
  assert.equal(hours(new Date(Date.UTC(1899, 11, 30, 1, 30))), 1.5);
  assert.equal(hours(new Date(Date.UTC(1899, 11, 31, 2, 15))), 2.25);
  assert.equal(hours(new Date(Date.UTC(1900, 0, 0, 0, 45))), 0.75);
  assert.deepEqual(parseDuration(new Date(Date.UTC(2024, 0, 1, 1, 30))), {
    ok: false,
    reason: "« 2024-01-01T01:30:00.000Z » est une date, pas une durée",
  });
});

Deno.test("parseDuration: errors in French", () => {
  assert.deepEqual(parseDuration(-1), {
    ok: false,
    reason: "« -1 » : une durée ne peut pas être négative",
  });
  assert.deepEqual(parseDuration("-1,5"), {
    ok: false,
    reason: "« -1,5 » : une durée ne peut pas être négative",
  });
  // The Accorderie's exports write negative cheques as « -01:30 »: negative, not unreadable.
  for (const typed of ["-01:30", "-1h30", "\u22120:45", "- 90 min"]) {
    assert.deepEqual(parseDuration(typed), {
      ok: false,
      reason: `« ${typed} » : une durée ne peut pas être négative`,
    });
  }
  assert.deepEqual(parseDuration("30"), {
    ok: false,
    reason: "« 30 » : une durée de plus de 24 h n'est pas acceptée",
  });
  assert.deepEqual(parseDuration("1h75"), {
    ok: false,
    reason: "« 1h75 » : les minutes et secondes doivent être inférieures à 60",
  });
  assert.deepEqual(parseDuration("une heure"), {
    ok: false,
    reason: "« une heure » n'est pas une durée reconnue (exemples : 1,5 ou 1h30 ou 90 min)",
  });
  assert.deepEqual(parseDuration(""), { ok: false, reason: "valeur vide" });
  assert.deepEqual(parseDuration(null), { ok: false, reason: "valeur vide" });
  assert.equal(parseDuration(NaN).ok, false);
  assert.equal(parseDuration(true).ok, false);
  assert.equal(parseDuration("2000 min").ok, false);
});

Deno.test("parseClockTime: text forms", () => {
  const cases: [string, string][] = [
    ["14:30", "14:30"],
    ["14h30", "14:30"],
    ["14H30", "14:30"],
    ["9h", "09:00"],
    ["9 h 05", "09:05"],
    ["14:30:00", "14:30"],
    ["0:00", "00:00"],
  ];
  for (const [input, expected] of cases) {
    assert.deepEqual(parseClockTime(input), { ok: true, value: expected }, input);
  }
});

Deno.test("parseClockTime: Date and day fractions", () => {
  assert.deepEqual(parseClockTime(new Date(Date.UTC(1899, 11, 30, 14, 30))), {
    ok: true,
    value: "14:30",
  });
  // Excel float noise: 14:29:59.999 rounds to 14:30.
  assert.deepEqual(parseClockTime(new Date(Date.UTC(1899, 11, 30, 14, 29, 59, 999))), {
    ok: true,
    value: "14:30",
  });
  assert.deepEqual(parseClockTime(new Date(Date.UTC(2024, 2, 15, 8, 5))), {
    ok: true,
    value: "08:05",
  });
  assert.deepEqual(parseClockTime(0.5), { ok: true, value: "12:00" });
  assert.deepEqual(parseClockTime(0.75), { ok: true, value: "18:00" });
  assert.deepEqual(parseClockTime(14.5 / 24), { ok: true, value: "14:30" });
  assert.deepEqual(parseClockTime(0), { ok: true, value: "00:00" });
});

Deno.test("parseClockTime: errors", () => {
  assert.deepEqual(parseClockTime("25:00"), {
    ok: false,
    reason: "« 25:00 » n'est pas une heure valide",
  });
  assert.equal(parseClockTime("14:75").ok, false);
  assert.deepEqual(parseClockTime("midi"), {
    ok: false,
    reason: "« midi » n'est pas une heure reconnue (exemples : 14:30 ou 14h30)",
  });
  assert.equal(parseClockTime(1.5).ok, false);
  assert.equal(parseClockTime(-0.1).ok, false);
  assert.deepEqual(parseClockTime(null), { ok: false, reason: "valeur vide" });
  assert.equal(parseClockTime(new Date(NaN)).ok, false);
});
