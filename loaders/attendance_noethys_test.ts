import assert from "node:assert/strict";
import { readTables } from "../src/ingest/read_tables.ts";
import { matchHeader, validateTable } from "../src/ingest/validate_table.ts";
import type { LoadContext } from "../src/ingest/loader_spec.ts";
import { attendanceNoethysLoader } from "./attendance_noethys.ts";

const CTX: LoadContext = {
  structureId: "ors",
  pseudonym: (parts) => parts.join("|"),
  qpvOf: () => null,
};

/** Validates a CSV text with the consommations loader and returns its rows and issues. */
async function load(lines: string[]) {
  const [table] = await readTables(
    "consommations.csv",
    new TextEncoder().encode(lines.join("\r\n") + "\r\n"),
  );
  const header = matchHeader(attendanceNoethysLoader, table);
  assert.ok(header, "header recognised");
  const result = validateTable(attendanceNoethysLoader, table, header);
  const rows = result.records.flatMap(({ record }) => attendanceNoethysLoader.toRows(record as never, CTX));
  return { ...result, rows: rows.map((r) => r.row) };
}

const HEADER = "IDconso;IDindividu;IDinscription;IDactivite;date;heure_debut;heure_fin;etat;quantite";

Deno.test("hours come from heure_debut and heure_fin", async () => {
  const { rows, issues } = await load([
    HEADER,
    "1;10;5;2;04/03/2024;09:00;11:30;present;1",
    "2;10;5;2;05/03/2024;14h;15h45;present;1",
    "3;11;5;2;05/03/2024;;;present;1",
    "4;11;5;2;06/03/2024;13:30;;present;1",
  ]);
  assert.deepEqual(issues, []);
  assert.deepEqual(rows.map((r) => r.hours), [2.5, 1.75, null, null]);
  assert.deepEqual(rows[0], {
    structure_id: "ors",
    record_ref: "noethys:1",
    person_ref: "noethys|ors|10",
    activity_label: "2",
    visit_date: "2024-03-04",
    hours: 2.5,
    state: "present",
    is_presence: true,
  });
});

Deno.test("an end not after the start rejects the row on the end column", async () => {
  const { rows, issues, rowsRejected } = await load([
    HEADER,
    "1;10;5;2;04/03/2024;11:00;09:00;present;1",
    "2;10;5;2;04/03/2024;11:00;11:00;present;1",
    "3;10;5;2;04/03/2024;08:00;09:00;present;1",
  ]);
  assert.equal(rowsRejected, 2);
  assert.deepEqual(rows.map((r) => r.record_ref), ["noethys:3"]);
  assert.deepEqual(issues.map((i) => [i.line, i.column, i.message]), [
    [2, "heure_fin", "l'heure de fin n'est pas après l'heure de début"],
    [3, "heure_fin", "l'heure de fin n'est pas après l'heure de début"],
  ]);
});

Deno.test("etat spellings map to Noethys states; only present is a visit", async () => {
  const spellings = [
    ["present", "present"],
    ["Présent", "present"],
    [" PRESENT ", "present"],
    ["absentj", "absentj"],
    ["absenti", "absenti"],
    ["Absent", "absenti"],
    ["reservation", "reservation"],
    ["attente", "attente"],
    ["refus", "refus"],
    ["annule", "annule"],
    ["Annulé", "annule"],
  ];
  const { rows, issues } = await load([
    HEADER,
    ...spellings.map(([etat], i) => `${i + 1};10;5;2;04/03/2024;09:00;10:00;${etat};1`),
  ]);
  assert.deepEqual(issues, []);
  assert.deepEqual(rows.map((r) => r.state), spellings.map(([, state]) => state));
  assert.deepEqual(rows.filter((r) => r.is_presence).map((r) => r.record_ref), [
    "noethys:1",
    "noethys:2",
    "noethys:3",
  ]);
});

Deno.test("an unknown etat is rejected with the list of known ones", async () => {
  const { rows, issues, rowsRead, rowsRejected } = await load([
    HEADER,
    "1;10;5;2;04/03/2024;09:00;10:00;venu;1",
    "2;10;5;2;04/03/2024;09:00;10:00;;1",
    "3;10;5;2;04/03/2024;09:00;10:00;present;1",
  ]);
  assert.deepEqual([rowsRead, rowsRejected, rows.length], [3, 2, 1]);
  assert.deepEqual(issues.map((i) => [i.line, i.column, i.severity]), [
    [2, "etat", "erreur"],
    [3, "etat", "erreur"],
  ]);
  assert.match(issues[0].message, /^état « venu » inconnu \(attendu : present, absentj, absenti/);
  assert.equal(issues[1].message, "valeur obligatoire manquante");
});
