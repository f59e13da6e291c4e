/**
 * Noethys `individus` under its database column names: no sex column there, `IDcivilite` codes it
 * (1 Monsieur, 2 Mademoiselle, 3 Madame, 4 Garçon, 5 Fille; 6–9 organisations).
 */
import assert from "node:assert/strict";
import { withInbox } from "../tests/support/with_inbox.ts";
import { noethysSex } from "./people.ts";

const FIXTURE = new URL("../tests/fixtures/people/noethys_individus.csv", import.meta.url);

Deno.test("noethysSex: the sex column first, else the Noethys civility code", () => {
  assert.deepEqual(["1", "2", "3", "4", "5", "7", " 3 "].map((c) => noethysSex(null, c)), [
    "H",
    "F",
    "F",
    "H",
    "F",
    null,
    "F",
  ]);
  assert.equal(noethysSex("Féminin", "1"), "Féminin");
  assert.equal(noethysSex(null, null), null);
});

Deno.test("Noethys individus table: sex from IDcivilite, an organisation refused on its line", async () => {
  await withInbox("noethys_individus_", async ({ ingest, query }) => {
    const [r] = await ingest("individus.csv", await Deno.readFile(FIXTURE));
    assert.equal(r.format, "noethys-individus");
    assert.deepEqual([r.status, r.rowsRead, r.rowsLoaded, r.rowsRejected], ["partial", 5, 4, 1]);
    const errors = r.issues.filter((i) => i.severity === "erreur");
    assert.deepEqual(errors.map((e) => [e.line, e.column, e.message]), [
      [6, "prenom", "valeur obligatoire manquante"],
    ]);
    const rows = await query(
      "SELECT birth_year, sex, commune_insee FROM stg_people ORDER BY source_line",
    );
    assert.deepEqual(rows.map((x) => [x.birth_year, x.sex, x.commune_insee]), [
      [1986, "F", "26362"],
      [2015, "H", "26362"],
      [1979, "H", "26058"],
      [2017, "F", "26058"],
    ]);
  });
});

Deno.test("Noethys ExportTexte of the list of individuals (untitled id column) loads as people", async () => {
  const name = "ExportTexte_20250115101530.txt";
  await withInbox("noethys_liste_individus_", async ({ ingest, query }) => {
    const [r] = await ingest(
      name,
      await Deno.readFile(new URL(`../tests/fixtures/people/${name}`, import.meta.url)),
    );
    assert.equal(r.format, "noethys-individus");
    assert.deepEqual([r.status, r.rowsRead, r.rowsLoaded, r.rowsRejected], ["loaded", 5, 5, 0]);
    // The list's other columns are named in the warnings, never their values.
    assert.deepEqual(
      r.issues.map((i) => [i.line, i.column, i.value]),
      ["Age", "Rue", "Tél. domicile", "Tél. mobile", "Email", "Recherche"].map((c) => [1, c, null]),
    );
    const rows = await query("SELECT birth_year, commune_insee FROM stg_people ORDER BY source_line");
    assert.deepEqual(rows.map((x) => [x.birth_year, x.commune_insee]), [
      [1986, "26362"],
      [2015, "26362"],
      [1979, "26058"],
      [2017, "26058"],
      [null, "26362"],
    ]);
    // Pseudonymised: no name of the list reaches the warehouse.
    const [{ n }] = await query(
      "SELECT count(*) AS n FROM stg_people WHERE contains(CAST(stg_people AS VARCHAR), 'BENALI')",
    );
    assert.equal(n, 0);
  });
});
