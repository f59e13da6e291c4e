import assert from "node:assert/strict";
import { setAsideOf } from "./set_aside_columns.ts";

Deno.test("setAsideOf reads the header and the category of a column set aside, nothing else", () => {
  assert.deepEqual(
    setAsideOf(
      "colonne « Quand est votre anniversaire ? » écartée : elle contient des dates de naissance (données personnelles, jamais chargées)",
    ),
    { column: "Quand est votre anniversaire ?", category: "dates de naissance" },
  );
  assert.deepEqual(
    setAsideOf(
      "colonne « identite/q0_prenom » écartée : elle identifie la personne qui répond, ses réponses ne sont jamais chargées",
    ),
    { column: "identite/q0_prenom", category: "identité (d'après le nom de la colonne)" },
  );
  assert.equal(setAsideOf("colonne inconnue « Remarque » : valeurs conservées à part (démonstration)"), null);
  assert.equal(
    setAsideOf(
      "colonne technique « _geolocation » ignorée : métadonnée de l'outil d'enquête, jamais chargée",
    ),
    null,
  );
});
