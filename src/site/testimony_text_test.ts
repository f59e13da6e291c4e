import assert from "node:assert/strict";
import { cleanTestimony, distinctTestimonies } from "./testimony_text.ts";

Deno.test("a testimony never starts with the sheet's list marker (« + », « -> »)", () => {
  assert.equal(cleanTestimony("+ J'échange des heures de bricolage"), "J'échange des heures de bricolage");
  assert.equal(cleanTestimony("-> Je me sens utile !"), "Je me sens utile !");
  assert.equal(cleanTestimony("• Merci à l'équipe"), "Merci à l'équipe");
  assert.equal(cleanTestimony("- « Je reviens chaque mardi »"), "« Je reviens chaque mardi »");
  // A dash inside the quote stays.
  assert.equal(cleanTestimony("Ateliers parents-enfants : super"), "Ateliers parents-enfants : super");
});

Deno.test("the same testimony is published once, at its most recent date", () => {
  const rows = [
    {
      structure_id: "ors",
      month: "2024-05",
      text: "+ L'épicerie solidaire m'aide à boucler la fin du mois !",
    },
    { structure_id: "ors", month: "2024-03", text: "Mon fils a découvert le théâtre." },
    {
      structure_id: "saint-nicolas",
      month: "2023-11",
      text: "L'épicerie solidaire m'aide à boucler la fin du mois",
    },
    { structure_id: "ors", month: "2023-02", text: "   " },
  ];
  const out = distinctTestimonies(rows);
  assert.deepEqual(out.map((r) => [r.structure_id, r.month, r.text]), [
    ["ors", "2024-05", "L'épicerie solidaire m'aide à boucler la fin du mois !"],
    ["ors", "2024-03", "Mon fils a découvert le théâtre."],
  ]);
});
