import assert from "node:assert/strict";
import { runsTimeBank } from "./plausibility.ts";

Deno.test("a structure runs a time bank when its registry name or id says so", () => {
  const yes = [
    { id: "accorderie", name: "L'Accorderie", type: "EVS" },
    { id: "bdt-valence", name: "Banque de temps du Polygone", type: "EVS" },
    { id: "cs-crest", name: "Centre social – SEL de Crest", type: "Centre social" },
  ];
  const no = [
    { id: "ors", name: "Maison de quartier des Ors", type: "Centre social" },
    { id: "conseil", name: "Espace Selon nous", type: "EVS" }, // « sel » inside a word is not a SEL
    { id: "temps-libre", name: "Le Temps des cerises", type: "EVS" },
  ];
  for (const s of yes) assert.equal(runsTimeBank(s), true, s.name);
  for (const s of no) assert.equal(runsTimeBank(s), false, s.name);
});
