import assert from "node:assert/strict";
import { parseNumber } from "./parse_number.ts";

const value = (input: Parameters<typeof parseNumber>[0]) => {
  const result = parseNumber(input);
  if (!result.ok) throw new Error(`expected a number for ${input}: ${result.reason}`);
  return result.value;
};

Deno.test("parseNumber: numbers pass through", () => {
  assert.equal(value(12.5), 12.5);
  assert.equal(value(0), 0);
  assert.deepEqual(parseNumber(NaN), { ok: false, reason: "valeur numérique invalide" });
});

Deno.test("parseNumber: decimal comma and dot", () => {
  assert.equal(value("12,5"), 12.5);
  assert.equal(value("1234.5"), 1234.5);
  assert.equal(value(" 0,75 "), 0.75);
  assert.equal(value(",5"), 0.5);
  assert.equal(value("3,"), 3);
  assert.equal(value("-3"), -3);
  assert.equal(value("+3"), 3);
  assert.equal(value("\u22122,5"), -2.5);
});

Deno.test("parseNumber: thousands separators", () => {
  assert.equal(value("1 234,5"), 1234.5);
  assert.equal(value("1\u00a0234,5"), 1234.5);
  assert.equal(value("1\u202f234\u202f567"), 1234567);
  assert.equal(value("1.234,5"), 1234.5);
  assert.equal(value("1.234.567,89"), 1234567.89);
  assert.equal(value("1,234.5"), 1234.5);
  assert.equal(value("1,234,567"), 1234567);
  assert.equal(value("1.234.567"), 1234567);
});

Deno.test("parseNumber: lone dot with three digits", () => {
  assert.equal(value("1.234"), 1234);
  assert.equal(value("12.345"), 12345);
  // A leading zero cannot start a thousands group: this is a decimal.
  assert.equal(value("0.500"), 0.5);
  assert.equal(value("1234.567"), 1234.567);
  assert.equal(value("1.23"), 1.23);
});

Deno.test("parseNumber: units", () => {
  assert.equal(value("12,5 €"), 12.5);
  assert.equal(value("12,50€"), 12.5);
  assert.equal(value("€ 3"), 3);
  assert.equal(value("1 200 euros"), 1200);
  assert.equal(value("35 %"), 35);
  assert.equal(value("35%"), 35);
  assert.equal(value("-1 234,5 €"), -1234.5);
});

Deno.test("parseNumber: errors in French", () => {
  assert.deepEqual(parseNumber(""), { ok: false, reason: "valeur vide" });
  assert.deepEqual(parseNumber("  "), { ok: false, reason: "valeur vide" });
  assert.deepEqual(parseNumber(null), { ok: false, reason: "valeur vide" });
  assert.deepEqual(parseNumber("douze"), { ok: false, reason: "« douze » n'est pas un nombre" });
  for (const bad of ["(3)", "12 5", "1,2,3", "1.2.3", "1,2.3,4", "3-", "1e5", "--3", "-", "."]) {
    assert.equal(parseNumber(bad).ok, false, bad);
  }
  assert.deepEqual(parseNumber(true), { ok: false, reason: "« true » n'est pas un nombre" });
  assert.equal(parseNumber(new Date(0)).ok, false);
});
