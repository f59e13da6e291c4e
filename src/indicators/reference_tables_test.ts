import assert from "node:assert/strict";
import { communeRows, parseValorisation } from "./reference_tables.ts";

Deno.test("communes carry their population and the cluster flag", () => {
  const rows = communeRows(["26"]);
  assert.deepEqual(rows.find((c) => c.insee === "26281"), {
    insee: "26281",
    name: "Romans-sur-Isère",
    population: 33464,
    inCluster: true,
  });
  assert.equal(rows.find((c) => c.insee === "26198")?.inCluster, false); // Montélimar
  assert.equal(rows.filter((c) => c.inCluster).length, 54);
});

Deno.test("valorisation rates: French decimals, sorted, errors with line and column", () => {
  const header = "date_debut;smic_horaire_brut;coefficient_charges;source\n";
  assert.deepEqual(parseValorisation(header + "2026-01-01;12,02;1,45;décret\n01/11/2024;11,88;1,45;x"), {
    rates: [
      { start: "2024-11-01", smic: 11.88, coefficient: 1.45, source: "x" },
      { start: "2026-01-01", smic: 12.02, coefficient: 1.45, source: "décret" },
    ],
    issues: [],
  });
  const bad = parseValorisation(header + "2024-11-01;onze;0,5;x");
  assert.equal(bad.rates.length, 0);
  assert.match(bad.issues[0], /valorisation\.csv, ligne 2, colonne « smic_horaire_brut »/);
  assert.match(bad.issues[1], /ligne 2, colonne « coefficient_charges » : coefficient ≥ 1 attendu/);
});
