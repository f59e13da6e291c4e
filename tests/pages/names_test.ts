import assert from "node:assert/strict";
// @ts-types="./names.d.ts"
import { withArticle } from "../../pages/components/names.js";

Deno.test("structure names take their article inside a sentence", () => {
  assert.equal(withArticle("Maison de quartier des Ors"), "la Maison de quartier des Ors");
  assert.equal(withArticle("Maison de quartier des Ors", { capital: true }), "La Maison de quartier des Ors");
  assert.equal(withArticle("Centre social Le Polygone", { of: true }), "du Centre social Le Polygone");
  assert.equal(withArticle("Centre social d'Anneyron"), "le Centre social d'Anneyron");
  assert.equal(
    withArticle("Espace de vie sociale L'Escale", { of: true }),
    "de l'Espace de vie sociale L'Escale",
  );
  assert.equal(
    withArticle("Maison Citoyenne Noël Guichard", { of: true }),
    "de la Maison Citoyenne Noël Guichard",
  );
  // Already with an article, or an unknown first word: as it is.
  assert.equal(withArticle("L'Accorderie"), "L'Accorderie");
  assert.equal(withArticle("L'Accorderie", { of: true }), "de L'Accorderie");
  assert.equal(withArticle("Valence Romans Agglo"), "Valence Romans Agglo");
});
