import assert from "node:assert/strict";
import { structureLookup } from "./registry_lookup.ts";

Deno.test("registry lookup: SIRET, then a unique SIREN, then the name without case or accents", () => {
  const of = structureLookup([
    { id: "ors", name: "Maison de quartier des Ors", siret: "77556677800012" },
    { id: "saint-nicolas", name: "Maison de quartier Saint-Nicolas", siret: null },
    { id: "a", name: "Centre social A", siret: "11122233300011" },
    { id: "b", name: "Centre social B", siret: "11122233300029" },
  ]);
  assert.equal(of("775 566 778 00012", null), "ors");
  assert.equal(of("77556677800029", null), "ors");
  // Two structures share this SIREN: the SIREN alone decides nothing, the name still may.
  assert.equal(of("11122233300037", null), null);
  assert.equal(of("11122233300037", "CENTRE SOCIAL B"), "b");
  assert.equal(of(null, "maison de quartier saint nicolas"), "saint-nicolas");
  assert.equal(of("99999999999999", "Association sportive"), null);
});
