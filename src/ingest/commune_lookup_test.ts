import assert from "node:assert/strict";
import { communeInsee, communeLookupFrom, normalisePostcode, normaliseTown } from "./commune_lookup.ts";

Deno.test("postcode + town name give the INSEE code of the current commune", () => {
  assert.deepEqual(communeInsee("26100", "Romans-sur-Isère"), { code: "26281", warning: null });
  assert.deepEqual(communeInsee("26000", "Valence"), { code: "26362", warning: null });
  assert.deepEqual(communeInsee("26300", "Bourg-de-Péage"), { code: "26057", warning: null });
  // Spellings typed by hand.
  assert.equal(communeInsee("26100", "ROMANS SUR ISERE").code, "26281");
  assert.equal(communeInsee("26 300", "bourg de peage").code, "26057");
  assert.equal(communeInsee("26000", "Valence Cedex").code, "26362");
  assert.equal(communeInsee("26540", "Mours St Eusèbe").code, "26218");
});

Deno.test("a postcode shared by several communes is resolved by the town name", () => {
  // 26300 is Bourg-de-Péage, Alixan, Chatuzange-le-Goubet, Châteauneuf-sur-Isère…
  assert.equal(communeInsee("26300", "Alixan").code, "26004");
  assert.equal(communeInsee("26300", "Chatuzange le Goubet").code, "26088");
  assert.equal(communeInsee("26300", "Châteauneuf-sur-Isère").code, "26084");
  const missing = communeInsee("26300", null);
  assert.equal(missing.code, null);
  assert.equal(missing.warning?.field, "postcode");
  assert.match(
    missing.warning!.message,
    /^code postal « 26300 » commun à \d+ communes et ville absente : commune laissée vide$/,
  );
  const wrong = communeInsee("26300", "Paris");
  assert.equal(wrong.code, null);
  assert.equal(wrong.warning?.field, "town");
  // The town (personal data) is not repeated.
  assert.doesNotMatch(wrong.warning!.message, /Paris/);
});

Deno.test("a postcode alone that maps to one commune gives that commune", () => {
  assert.deepEqual(communeInsee("26100", null), { code: "26281", warning: null });
  assert.deepEqual(communeInsee("26000", ""), { code: "26362", warning: null });
  // A hamlet or a misspelt town under a one-commune postcode: the postcode decides.
  assert.equal(communeInsee("26100", "Romans s/ Isère").code, "26281");
  // Excel dropped the leading zero of 01000 (Bourg-en-Bresse).
  assert.equal(communeInsee("1000", "Bourg-en-Bresse").code, "01053");
});

Deno.test("a town alone is enough when no other commune bears its name", () => {
  assert.equal(communeInsee(null, "Bourg-de-Péage").code, "26057");
  const valence = communeInsee(null, "Valence"); // Drôme and Tarn-et-Garonne
  assert.equal(valence.code, null);
  assert.match(valence.warning!.message, /^ville portée par \d+ communes/);
});

Deno.test("unknown places give null with a warning, never an exception", () => {
  assert.deepEqual(communeInsee(null, null), { code: null, warning: null });
  assert.deepEqual(communeInsee("", "  "), { code: null, warning: null });
  assert.deepEqual(communeInsee("26999", null), {
    code: null,
    warning: { field: "postcode", message: "code postal « 26999 » inconnu : commune laissée vide" },
  });
  assert.deepEqual(communeInsee("abc", null).warning, {
    field: "postcode",
    message: "code postal illisible : commune laissée vide",
  });
  assert.equal(communeInsee("26999", "Nulle-Part-sur-Drôme").warning?.field, "town");
  // An unknown postcode with a known town still finds the town.
  assert.equal(communeInsee("26999", "Bourg-de-Péage").code, "26057");
});

Deno.test("a former commune (déléguée) maps to its current commune under the same postcode", () => {
  const lookup = communeLookupFrom([
    { code: "99001", nom: "Nouvelle", type: "commune-actuelle", codesPostaux: ["99100"] },
    { code: "99002", nom: "Autre", type: "commune-actuelle", codesPostaux: ["99100"] },
    { code: "99003", nom: "Ancienne", type: "commune-deleguee", chefLieu: "99001" },
    { code: "99004", nom: "Vieille", type: "commune-actuelle", codesPostaux: ["99200"] },
  ]);
  assert.equal(lookup("99100", "Ancienne").code, "99001");
  assert.equal(lookup("99100", "Autre").code, "99002");
  assert.equal(lookup("99200", null).code, "99004");
});

Deno.test("normalisation of towns and postcodes", () => {
  assert.equal(normaliseTown("St-Marcel-lès-Valence"), normaliseTown("Saint Marcel les Valence"));
  assert.equal(normaliseTown("VALENCE CEDEX 9"), "valence");
  assert.equal(normalisePostcode(" 26 100 "), "26100");
  assert.equal(normalisePostcode("2A004"), "2A004");
  assert.equal(normalisePostcode("261"), null);
});
