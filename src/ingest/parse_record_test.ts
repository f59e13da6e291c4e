import assert from "node:assert/strict";
import type { FieldSpec } from "./loader_spec.ts";
import { parseRecord } from "./parse_record.ts";

const FIELDS: Record<string, FieldSpec> = {
  day: { type: "date", aliases: [] },
  month: { type: "month", aliases: [], optional: true },
  hours: { type: "duration", aliases: [], optional: true },
  start: { type: "time", aliases: [], optional: true },
  amount: { type: "number", aliases: [], optional: true },
  member: { type: "flag", aliases: [], optional: true },
  label: { type: "text", aliases: [], optional: true },
};
const COLUMNS = { day: 0, month: 1, hours: 2, start: 3, amount: 4, member: 5, label: 6 };
const HEADERS = ["Date de l'atelier", "Mois", "Durée", "Début", "Montant", "Adhérent", "Remarque"];

Deno.test("parseRecord types every cell", () => {
  const { record, issues } = parseRecord(
    ["12/03/2024", "mars 2024", "1h30", "14h05", "1 234,5", "Oui", "  salle B  "],
    COLUMNS,
    HEADERS,
    FIELDS,
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(record, {
    day: "2024-03-12",
    month: "2024-03",
    hours: 1.5,
    start: "14:05",
    amount: 1234.5,
    member: true,
    label: "salle B",
  });
});

Deno.test("parseRecord takes spreadsheet values as they come", () => {
  const { record, issues } = parseRecord(
    [new Date(Date.UTC(2024, 2, 12)), 45352, 2.25, 0.75, 12, false, new Date(Date.UTC(2023, 0, 31))],
    COLUMNS,
    HEADERS,
    FIELDS,
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(record, {
    day: "2024-03-12",
    month: "2024-03", // Excel serial 45352 is 01/03/2024
    hours: 2.25,
    start: "18:00",
    amount: 12,
    member: false,
    label: "2023-01-31",
  });
});

Deno.test("an empty mandatory cell is an error named by the user's header; optional ones are null", () => {
  const { record, issues } = parseRecord(["  ", "", null, "", "", "", ""], COLUMNS, HEADERS, FIELDS);
  assert.deepEqual(issues, [{
    column: "Date de l'atelier",
    value: null,
    message: "valeur obligatoire manquante",
  }]);
  assert.deepEqual(Object.values(record), [null, null, null, null, null, null, null]);
  // Cells missing at the end of a short line are empty too.
  assert.deepEqual(parseRecord([], COLUMNS, HEADERS, FIELDS).issues.map((i) => i.column), [
    "Date de l'atelier",
  ]);
});

Deno.test("a field without a column is null and not reported", () => {
  const { record, issues } = parseRecord(["Atelier"], { label: 0 }, ["Remarque"], FIELDS);
  assert.deepEqual(issues, []);
  assert.equal(record.day, null);
  assert.equal(record.label, "Atelier");
});

Deno.test("bad values: errors for strict fields, warnings for lenient ones", () => {
  const fields: Record<string, FieldSpec> = {
    ...FIELDS,
    amount: { type: "number", aliases: [], optional: true, lenient: true },
  };
  const { record, issues } = parseRecord(
    ["31/02/2024", "", "beaucoup", "", "douze", "peut-être", ""],
    COLUMNS,
    HEADERS,
    fields,
  );
  assert.deepEqual(issues.map((i) => ({ ...i, warning: i.warning === true })), [
    {
      column: "Date de l'atelier",
      value: "31/02/2024",
      message: "« 31/02/2024 » : le 31 février 2024 n'existe pas",
      warning: false,
    },
    {
      column: "Durée",
      value: "beaucoup",
      message: "« beaucoup » n'est pas une durée reconnue (exemples : 1,5 ou 1h30 ou 90 min)",
      warning: false,
    },
    {
      column: "Montant",
      value: "douze",
      message: "« douze » n'est pas un nombre : valeur laissée vide",
      warning: true,
    },
    {
      column: "Adhérent",
      value: "peut-être",
      message: "« peut-être » n'est ni « oui » ni « non »",
      warning: false,
    },
  ]);
  assert.equal(record.day, null);
  assert.equal(record.amount, null);
});

Deno.test("a personal value is never repeated in a message", () => {
  const fields: Record<string, FieldSpec> = {
    birth: { type: "date", aliases: [], optional: true, lenient: true, personal: true },
  };
  const { record, issues } = parseRecord(["31/02/1987"], { birth: 0 }, ["date_naiss"], fields);
  assert.equal(record.birth, null);
  assert.deepEqual(issues, [{
    column: "date_naiss",
    value: null,
    message: "date illisible ou impossible (donnée personnelle, valeur non reproduite) : valeur laissée vide",
    warning: true,
  }]);
  assert.doesNotMatch(JSON.stringify(issues), /1987/);
});
