import assert from "node:assert/strict";
import { normaliseHeader } from "./normalise_header.ts";

Deno.test("normaliseHeader: examples from French exports", () => {
  assert.equal(normaliseHeader("Date d'agrément"), "datedagrement");
  assert.equal(normaliseHeader("Durée (h)"), "dureeh");
  assert.equal(normaliseHeader(" IDindividu "), "idindividu");
  assert.equal(normaliseHeader("N° Allocataire CAF"), "nallocatairecaf");
  assert.equal(normaliseHeader("Œuvre / Cæcilia"), "oeuvrecaecilia");
  assert.equal(normaliseHeader("Âge\u00a0— Garçon"), "agegarcon");
  assert.equal(normaliseHeader("Date d’agrément"), "datedagrement");
  assert.equal(normaliseHeader(""), "");
});
