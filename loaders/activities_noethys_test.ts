/**
 * Noethys' activities under Noethys' own names: the `activites` table (database column names) and
 * the « Liste des activités » exported as text (`ExportTexte_<date>.txt`, `;`, unquoted, UTF-8).
 */
import assert from "node:assert/strict";
import { withInbox } from "../tests/support/with_inbox.ts";

const FIXTURES = new URL("../tests/fixtures/activities/", import.meta.url);
const read = (name: string) => Deno.readFile(new URL(name, FIXTURES));

Deno.test("Noethys ExportTexte of the activities list loads as activities", async () => {
  await withInbox("noethys_export_texte_", async ({ ingest, query }) => {
    const name = "ExportTexte_20250114093512.txt";
    const [r] = await ingest(name, await read(name));
    assert.equal(r.kind, "activities");
    assert.equal(r.format, "noethys-activites");
    assert.equal(r.status, "loaded");
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [6, 6, 0]);
    // « Période de validité » is a known Noethys column: no warning for it.
    assert.deepEqual(r.issues, []);
    const rows = await query(
      "SELECT activity_id, label, sector, theme FROM stg_activities ORDER BY CAST(activity_id AS INTEGER)",
    );
    assert.deepEqual(rows.map((x) => [x.activity_id, x.label]), [
      ["3", "Accueil de loisirs 3-11 ans"],
      ["5", "Accompagnement à la scolarité"],
      ["7", 'Atelier cuisine "Saveurs du monde"'],
      ["8", "Café des parents"],
      ["11", "Sorties familles été 2025"],
      ["12", "Ateliers sociolinguistiques"],
    ]);
    // Noethys has no sector or theme: left empty, never guessed.
    assert.ok(rows.every((x) => x.sector === null && x.theme === null));
  });
});

Deno.test("Noethys `activites` table (IDactivite, nom, abrege, date_debut…) loads as activities", async () => {
  await withInbox("noethys_activites_", async ({ ingest, query }) => {
    const [r] = await ingest("activites.csv", await read("noethys_activites.csv"));
    assert.equal(r.kind, "activities");
    assert.equal(r.format, "noethys-activites");
    assert.deepEqual([r.status, r.rowsLoaded, r.rowsRejected], ["loaded", 4, 0]);
    assert.deepEqual(r.issues, []);
    const [cuisine] = await query("SELECT label FROM stg_activities WHERE activity_id = '7'");
    assert.equal(cuisine.label, "Atelier cuisine du monde");
  });
});

Deno.test("Noethys `groupes` table (IDgroupe, IDactivite, nom, abrege) is refused, not taken for activities", async () => {
  const text = "IDgroupe;IDactivite;nom;abrege;ordre;nbre_inscrits_max\n" +
    "1;3;Maternelles;MAT;1;16\n2;3;Élémentaires;ELEM;2;32\n";
  await withInbox("noethys_groupes_", async ({ ingest }) => {
    const [r] = await ingest("groupes.csv", new TextEncoder().encode(text));
    assert.equal(r.status, "rejected");
    assert.equal(r.rowsLoaded, 0);
    const errors = r.issues.filter((i) => i.severity === "erreur");
    assert.equal(errors[0].line, 2);
    assert.equal(errors[0].column, "IDgroupe");
    assert.match(errors[0].message, /autre table Noethys \(groupes ou unités\)/);
  });
});
