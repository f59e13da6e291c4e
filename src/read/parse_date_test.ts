import assert from "node:assert/strict";
import { parseDate, parseMonth } from "./parse_date.ts";

Deno.test("parseDate: Date objects use UTC parts", () => {
  assert.deepEqual(parseDate(new Date(Date.UTC(2024, 2, 15))), { ok: true, value: "2024-03-15" });
  assert.deepEqual(parseDate(new Date(Date.UTC(2024, 2, 15, 23, 30))), {
    ok: true,
    value: "2024-03-15",
  });
  assert.deepEqual(parseDate(new Date(NaN)), { ok: false, reason: "date invalide" });
});

Deno.test("parseDate: Excel serials as numbers and numeric text", () => {
  assert.deepEqual(parseDate(45292), { ok: true, value: "2024-01-01" });
  assert.deepEqual(parseDate(43101), { ok: true, value: "2018-01-01" });
  assert.deepEqual(parseDate(1), { ok: true, value: "1900-01-01" });
  assert.deepEqual(parseDate(61), { ok: true, value: "1900-03-01" });
  assert.deepEqual(parseDate("45292"), { ok: true, value: "2024-01-01" });
  assert.deepEqual(parseDate("45292,5"), { ok: true, value: "2024-01-01" });
  assert.deepEqual(parseDate(60), {
    ok: false,
    reason: "« 60 » correspond au 29/02/1900, qui n'existe pas (bogue d'Excel)",
  });
  assert.equal(parseDate(0).ok, false);
  assert.equal(parseDate(200000).ok, false);
});

Deno.test("parseDate: day-first numeric formats", () => {
  const cases: [string, string][] = [
    ["15/03/2024", "2024-03-15"],
    ["5/3/2024", "2024-03-05"],
    ["15-03-2024", "2024-03-15"],
    ["15.03.2024", "2024-03-15"],
    ["15/03/24", "2024-03-15"],
    ["15/03/69", "2069-03-15"],
    ["15/03/70", "1970-03-15"],
    [" 29/02/2024 ", "2024-02-29"],
    ["15/03/2024 00:00:00", "2024-03-15"],
    ["15/03/2024 14:30", "2024-03-15"],
  ];
  for (const [input, expected] of cases) {
    assert.deepEqual(parseDate(input), { ok: true, value: expected }, input);
  }
});

Deno.test("parseDate: ISO formats", () => {
  assert.deepEqual(parseDate("2024-03-15"), { ok: true, value: "2024-03-15" });
  assert.deepEqual(parseDate("2024-03-15T10:20:00.000Z"), { ok: true, value: "2024-03-15" });
  assert.deepEqual(parseDate("2024-03-15 10:20:00"), { ok: true, value: "2024-03-15" });
  assert.deepEqual(parseDate("2024-3-5"), { ok: true, value: "2024-03-05" });
});

Deno.test("parseDate: French long form", () => {
  assert.deepEqual(parseDate("3 mars 2024"), { ok: true, value: "2024-03-03" });
  assert.deepEqual(parseDate("1er mars 2024"), { ok: true, value: "2024-03-01" });
  assert.deepEqual(parseDate("15 août 2023"), { ok: true, value: "2023-08-15" });
  assert.deepEqual(parseDate("15 Déc. 2023"), { ok: true, value: "2023-12-15" });
  assert.deepEqual(parseDate("vendredi 15 mars 2024"), { ok: true, value: "2024-03-15" });
  assert.deepEqual(parseDate("15-mars-24"), { ok: true, value: "2024-03-15" });
});

Deno.test("parseDate: impossible dates and garbage give French reasons", () => {
  assert.deepEqual(parseDate("31/02/2024"), {
    ok: false,
    reason: "« 31/02/2024 » : le 31 février 2024 n'existe pas",
  });
  assert.deepEqual(parseDate("29/02/2023"), {
    ok: false,
    reason: "« 29/02/2023 » : le 29 février 2023 n'existe pas",
  });
  assert.deepEqual(parseDate("15/13/2024"), {
    ok: false,
    reason: "« 15/13/2024 » : le mois 13 n'existe pas",
  });
  assert.deepEqual(parseDate("demain"), {
    ok: false,
    reason: "« demain » n'est pas une date reconnue (format attendu : jj/mm/aaaa)",
  });
  assert.deepEqual(parseDate(""), { ok: false, reason: "valeur vide" });
  assert.deepEqual(parseDate(null), { ok: false, reason: "valeur vide" });
  assert.equal(parseDate(true).ok, false);
  assert.equal(parseDate("15/03-2024").ok, false);
  assert.equal(parseDate("3 march 2024").ok, false);
  assert.equal(parseDate("00/03/2024").ok, false);
});

Deno.test("parseMonth: month forms", () => {
  const cases: [Parameters<typeof parseMonth>[0], string][] = [
    ["mars 2024", "2024-03"],
    ["Mars 2024", "2024-03"],
    ["janv. 2024", "2024-01"],
    ["févr 2024", "2024-02"],
    ["fevrier 2024", "2024-02"],
    ["août 2024", "2024-08"],
    ["aout 2024", "2024-08"],
    ["sept. 2024", "2024-09"],
    ["déc. 2024", "2024-12"],
    ["déc.-24", "2024-12"],
    ["03/2024", "2024-03"],
    ["3/2024", "2024-03"],
    ["2024-03", "2024-03"],
    ["15/03/2024", "2024-03"],
    ["1er mars 2024", "2024-03"],
    ["2024-03-15T00:00:00Z", "2024-03"],
    [new Date(Date.UTC(2024, 2, 31)), "2024-03"],
    [45292, "2024-01"],
  ];
  for (const [input, expected] of cases) {
    assert.deepEqual(parseMonth(input), { ok: true, value: expected }, String(input));
  }
});

Deno.test("parseMonth: errors", () => {
  assert.deepEqual(parseMonth("13/2024"), {
    ok: false,
    reason: "« 13/2024 » : le mois 13 n'existe pas",
  });
  assert.deepEqual(parseMonth("printemps 2024"), {
    ok: false,
    reason: "« printemps 2024 » n'est pas un mois reconnu (format attendu : mars 2024 ou 03/2024)",
  });
  assert.deepEqual(parseMonth(""), { ok: false, reason: "valeur vide" });
  assert.equal(parseMonth("31/02/2024").ok, false);
});

Deno.test("parseDate: 'dd.mm' without a year is not read as a serial", () => {
  assert.equal(parseDate("15.03").ok, false);
});
