import assert from "node:assert/strict";
import { nameParts, redactNames } from "./redact_text.ts";

Deno.test("given names are replaced whatever their case and accents, whole words only", () => {
  assert.equal(
    redactNames("Moi c'est Hélène, et HELENE revient mardi ; helene aussi.", ["Hélène"]),
    "Moi c'est [prénom], et [prénom] revient mardi ; [prénom] aussi.",
  );
  // Not inside a longer word.
  assert.equal(redactNames("Léandre et Léa", ["Léa"]), "Léandre et [prénom]");
  assert.equal(redactNames("Alice, Ali et Alibaba", ["Ali"]), "Alice, [prénom] et Alibaba");
  // Typed without its accent, or with one the list does not have.
  assert.equal(redactNames("Merci Noe et Noé !", ["Noé"]), "Merci [prénom] et [prénom] !");
  assert.equal(redactNames("Bravo Zoe", ["Zoé"]), "Bravo [prénom]");
  assert.equal(redactNames("Bravo Zoé", ["Zoe"]), "Bravo [prénom]");
});

Deno.test("surnames with ligatures, apostrophes and hyphens; longest first", () => {
  assert.equal(
    redactNames("Famille Cœurdacier et COEURDACIER", ["Cœurdacier"]),
    "Famille [prénom] et [prénom]",
  );
  assert.equal(redactNames("Awa N'Diaye et N’DIAYE", ["N’Diaye"]), "Awa [prénom] et [prénom]");
  assert.equal(
    redactNames("Jean-Pierre est venu, puis Jean Pierre, puis Jean.", ["Jean", "Jean-Pierre"]),
    "[prénom] est venu, puis [prénom], puis [prénom].",
  );
  assert.equal(redactNames("Marie-Thérèse et marie-therese", ["Marie-Thérèse"]), "[prénom] et [prénom]");
});

Deno.test("a civility followed by a name becomes « [nom] », even without any name given", () => {
  assert.equal(
    redactNames("M. Dupont et Mme Martin m'ont aidée, Madame Marie Lefèvre aussi.", []),
    "[nom] et [nom] m'ont aidée, [nom] aussi.",
  );
  assert.equal(redactNames("Monsieur N’Diaye, Mlle Roux", []), "[nom], [nom]");
  // A civility without a capitalised name is ordinary text.
  assert.equal(
    redactNames("Monsieur le maire est venu, madame la directrice aussi.", []),
    "Monsieur le maire est venu, madame la directrice aussi.",
  );
  // Combined with the author's own name.
  assert.equal(redactNames("Fatima, avec Mme Martin", ["Fatima", "Martin"]), "[prénom], avec [nom]");
});

Deno.test("text is otherwise unchanged: HTML and formula-like text stay as typed", () => {
  assert.equal(redactNames("=SOMME(A1) <b>merci</b>", ["Léa"]), "=SOMME(A1) <b>merci</b>");
  assert.equal(redactNames("rien à cacher", []), "rien à cacher");
  // Initials and empty names are ignored; regex characters in a name are literal.
  assert.equal(redactNames("B. est venu", ["B", "", " "]), "B. est venu");
  assert.equal(redactNames("Zoé (x) et Zo.é", ["Zo.é"]), "Zoé (x) et [prénom]");
});

Deno.test("nameParts: words of an author cell, hyphenated parts, no initials", () => {
  assert.deepEqual(nameParts("Jean-Pierre B."), ["Jean-Pierre", "Jean", "Pierre"]);
  assert.deepEqual(nameParts(" Fatima  Benali "), ["Fatima", "Benali"]);
  assert.deepEqual(nameParts(null), []);
  assert.deepEqual(nameParts("Léa"), ["Léa"]);
});
