import assert from "node:assert/strict";
import { readTables } from "../src/ingest/read_tables.ts";
import { matchHeader, validateTable } from "../src/ingest/validate_table.ts";
import type { LoadContext } from "../src/ingest/loader_spec.ts";
import { loadQpvLookup } from "../src/ingest/qpv_reference.ts";
import { pseudonym } from "../src/privacy/pseudonymise.ts";
import { attendanceSheetLoader } from "./attendance_sheet.ts";
import { withInbox } from "../tests/support/with_inbox.ts";

const KEY = new Uint8Array(32).fill(7);

async function context(structureId = "accorderie"): Promise<LoadContext> {
  return { structureId, pseudonym: (parts) => pseudonym(KEY, parts), qpvOf: await loadQpvLookup() };
}

/** Validates a sheet typed as CSV with the émargement loader; rows per table. */
async function load(lines: string[], ctx?: LoadContext) {
  const [table] = await readTables("emargement.csv", new TextEncoder().encode(lines.join("\n") + "\n"));
  const header = matchHeader(attendanceSheetLoader, table);
  assert.ok(header, "header recognised");
  const result = validateTable(attendanceSheetLoader, table, header);
  const c = ctx ?? await context();
  const rows = result.records.flatMap(({ record }) => attendanceSheetLoader.toRows(record as never, c));
  return {
    ...result,
    visits: rows.filter((r) => r.table === "stg_attendance").map((r) => r.row),
    people: rows.filter((r) => r.table === "stg_people").map((r) => r.row),
  };
}

const HEADER = "Date;Nom;Prénom;Année de naissance;Quartier;Atelier;Durée";

Deno.test("durations typed by hand: 1h30, 01:30, 1,5, 2h, 2, 45 min", async () => {
  const { visits, issues } = await load([
    "Feuille d'émargement – ateliers",
    "",
    HEADER,
    "04/03/2024;MARTIN;Julie;1980;Les Ors;Couture;1h30",
    "05/03/2024;MARTIN;Julie;1980;Les Ors;Couture;01:30",
    "06/03/2024;MARTIN;Julie;1980;Les Ors;Couture;1,5",
    "07/03/2024;MARTIN;Julie;1980;Les Ors;Couture;2h",
    "08/03/2024;MARTIN;Julie;1980;Les Ors;Couture;2",
    "09/03/2024;MARTIN;Julie;1980;Les Ors;Couture;45 min",
  ]);
  assert.deepEqual(issues, []);
  assert.deepEqual(visits.map((v) => v.hours), [1.5, 1.5, 1.5, 2, 2, 0.75]);
  assert.deepEqual(visits.map((v) => v.visit_date), [
    "2024-03-04",
    "2024-03-05",
    "2024-03-06",
    "2024-03-07",
    "2024-03-08",
    "2024-03-09",
  ]);
  for (const v of visits) {
    assert.deepEqual([v.state, v.is_presence, v.activity_label], ["present", true, "Couture"]);
  }
});

Deno.test("a bad duration rejects the row; a bad birth year only warns", async () => {
  const { visits, people, issues, rowsRejected } = await load([
    HEADER,
    "04/03/2024;MARTIN;Julie;1980;Les Ors;Couture;longtemps",
    "04/03/2024;DURAND;Paul;vers 1960;Les Ors;Couture;2",
  ]);
  assert.equal(rowsRejected, 1);
  assert.equal(visits.length, 1);
  assert.deepEqual(issues.map((i) => [i.line, i.column, i.severity]), [
    [2, "Durée", "erreur"],
    [3, "Année de naissance", "avertissement"],
  ]);
  assert.equal(people[0].birth_year, null);
});

Deno.test("the person pseudonym is stable across spellings and loads, distinct otherwise", async () => {
  const { people, visits } = await load([
    HEADER,
    "04/03/2024;Lefèvre;Hélène;1975;;Couture;2",
    "05/03/2024; LEFEVRE ;helene;1975;;Couture;2",
    "06/03/2024;Lefèvre;Hélène;1976;;Couture;2",
    "07/03/2024;Lefèvre;Hélène;;;Couture;2",
  ]);
  const refs = people.map((p) => p.person_ref);
  assert.equal(refs[0], refs[1]);
  assert.equal(new Set(refs).size, 3);
  assert.deepEqual(visits.map((v) => v.person_ref), refs);
  assert.match(String(refs[0]), /^[A-Za-z0-9_-]{20}$/);
  // No name is kept anywhere in the rows.
  assert.ok(!JSON.stringify([people, visits]).toLowerCase().includes("lef"));
  // The same line loaded again gives the same pseudonyms; another structure, others.
  const again = await load([HEADER, "04/03/2024;Lefèvre;Hélène;1975;;Couture;2"]);
  assert.equal(again.people[0].person_ref, refs[0]);
  assert.equal(again.visits[0].record_ref, visits[0].record_ref);
  const elsewhere = await load([HEADER, "04/03/2024;Lefèvre;Hélène;1975;;Couture;2"], await context("ors"));
  assert.notEqual(elsewhere.people[0].person_ref, refs[0]);
});

Deno.test("an identical line has the same record_ref (counted once), a different duration not", async () => {
  const { visits } = await load([
    HEADER,
    "04/03/2024;MARTIN;Julie;1980;;Couture;2",
    "04/03/2024;MARTIN;Julie;1980;;Couture;2h",
    "04/03/2024;MARTIN;Julie;1980;;Couture;2,5",
    "04/03/2024;MARTIN;Julie;1980;;Cuisine;2",
  ]);
  const refs = visits.map((v) => v.record_ref);
  assert.equal(refs[0], refs[1]);
  assert.equal(new Set(refs).size, 3);
  assert.ok(refs.every((r) => String(r).startsWith("feuille:")));
});

Deno.test("the QPV flag comes from the Quartier column and data/reference/qpv_quartiers.csv", async () => {
  const { people } = await load([
    HEADER,
    "04/03/2024;A;Anne;1980;Centre ancien;Couture;2",
    "04/03/2024;B;Bruno;1980;centre  ANCIEN;Couture;2",
    "04/03/2024;C;Chloé;1980;La Monnaie;Couture;2",
    "04/03/2024;D;David;1980;Saint-Nicolas;Couture;2",
    "04/03/2024;E;Emma;1980;Les Ors;Couture;2",
    "04/03/2024;F;Farid;1980;Bourg-de-Péage;Couture;2",
    "04/03/2024;G;Gaëlle;1980;;Couture;2",
  ]);
  assert.deepEqual(people.map((p) => p.lives_in_qpv), [true, true, true, true, false, false, null]);
  assert.deepEqual(people.map((p) => p.birth_year), [1980, 1980, 1980, 1980, 1980, 1980, 1980]);
  for (const p of people) assert.equal(p.person_key, p.person_ref);
});

const NUMBERED = new URL("../tests/fixtures/attendance/emargement_numeros_adherents.csv", import.meta.url);
const MEMBER_LIST = new URL("../tests/fixtures/attendance/liste_adherents_2024-2025.csv", import.meta.url);
const UNKNOWN_MEMBER =
  "N° adhérent inconnu dans la liste des adhérents de Centre social Démo : ce numéro ne " +
  "figure dans aucune liste d'adhésions chargée ; corrigez-le (faute de frappe ?) ou videz la case et gardez nom et prénom";

Deno.test("a sign-in sheet's N° adhérent links attendance to the member list; unknown numbers (12697, 999) refused on their line", async () => {
  await withInbox("emargement_adherents_", async ({ ingest, query }) => {
    const [list] = await ingest("adherents.csv", await Deno.readFile(MEMBER_LIST));
    assert.deepEqual([list.format, list.rowsLoaded], ["liste-adhesions", 3]);
    const [r] = await ingest("emargement.csv", await Deno.readFile(NUMBERED));
    assert.deepEqual([r.kind, r.format, r.status], ["attendance", "feuille-emargement", "partial"]);
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [6, 4, 2]);
    // The column is read, not « ignorée ».
    assert.deepEqual(r.issues.filter((i) => i.message.startsWith("colonne inconnue")), []);
    assert.deepEqual(r.issues.map((i) => [i.line, i.column, i.value, i.severity, i.message]), [
      [6, "N° adhérent", null, "erreur", UNKNOWN_MEMBER],
      [7, "N° adhérent", null, "erreur", UNKNOWN_MEMBER],
    ]);
    // Lines 3, 4 and 5 (a member's second visit) belong to listed members.
    const linked = await query(
      `SELECT a.source_line, m.membership_type FROM stg_attendance a
       LEFT JOIN stg_memberships m USING (structure_id, person_ref) ORDER BY a.source_line`,
    );
    assert.deepEqual(linked.map((x) => [x.source_line, x.membership_type]), [
      [3, "familiale"],
      [4, "individuelle"],
      [5, "familiale"],
      [8, null],
    ]);
    // Only the unnumbered line writes a person: a member's richer row is never overwritten.
    const [{ n }] = await query("SELECT count(*) AS n FROM stg_people");
    assert.equal(Number(n), 1);
    const stored = JSON.stringify(await query("SELECT * FROM load_issues"));
    for (const number of ["1267", "12697", "999"]) assert.ok(!stored.includes(number), number);
  });
});

Deno.test("a sign-in sheet with N° adhérent before any member list: loaded, one warning for the file", async () => {
  await withInbox("emargement_sans_liste_", async ({ ingest }) => {
    const [r] = await ingest("emargement.csv", await Deno.readFile(NUMBERED));
    assert.deepEqual([r.status, r.rowsRead, r.rowsLoaded, r.rowsRejected], ["loaded", 6, 6, 0]);
    assert.deepEqual(r.issues.map((i) => [i.line, i.column, i.severity, i.message]), [
      [
        null,
        "N° adhérent",
        "avertissement",
        "aucune liste des adhérents de Centre social Démo n'est chargée : les N° adhérent de cette feuille ne " +
        "sont pas vérifiés ; chargez d'abord la liste des adhésions de la structure pour qu'ils le soient",
      ],
    ]);
  });
});
