import assert from "node:assert/strict";
import { normaliseIdentity, pseudonym } from "./pseudonymise.ts";

const key = new Uint8Array(32).fill(7);

Deno.test("normaliseIdentity folds case, accents, apostrophes and spaces", () => {
  assert.equal(normaliseIdentity(" Hélène  N’Diaye "), "helene ndiaye");
  assert.equal(normaliseIdentity("CŒURDACIER"), "coeurdacier");
  assert.equal(normaliseIdentity("Jean-Noël"), "jeannoel");
});

Deno.test("pseudonym is stable, keyed and reveals nothing of the name", () => {
  const a = pseudonym(key, ["Lefèvre", "Zoé", "2012-03-04"]);
  assert.equal(a, pseudonym(key, ["LEFEVRE ", "zoe", "2012-03-04"]));
  assert.equal(a.length, 20);
  assert.notEqual(a, pseudonym(new Uint8Array(32).fill(8), ["Lefèvre", "Zoé", "2012-03-04"]));
  assert.notEqual(a, pseudonym(key, ["Lefèvre", "Zoé", "2012-03-05"]));
  // parts are kept apart: ["ab","c"] and ["a","bc"] differ.
  assert.notEqual(pseudonym(key, ["ab", "c"]), pseudonym(key, ["a", "bc"]));
  assert.doesNotMatch(a, /lef|zoe/i);
});
