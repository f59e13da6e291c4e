import assert from "node:assert/strict";
import { loadQfBandsSync, qfBandOf, qfBandsFromCsv } from "./qf_bands.ts";

Deno.test("the reference file holds the CAF-style bands", () => {
  assert.deepEqual(loadQfBandsSync(), [
    { min: 0, max: 400, label: "0-400" },
    { min: 401, max: 700, label: "401-700" },
    { min: 701, max: 1000, label: "701-1000" },
    { min: 1001, max: 1500, label: "1001-1500" },
    { min: 1501, max: null, label: "> 1500" },
  ]);
});

Deno.test("a QF amount, as typed, maps to its band", () => {
  const bands = loadQfBandsSync();
  const band = (amount: number | string | null) => qfBandOf(bands, amount).band;
  assert.equal(band("612"), "401-700");
  assert.equal(band("612,50 €"), "401-700");
  assert.equal(band(612.5), "401-700");
  assert.equal(band("0"), "0-400");
  assert.equal(band("400"), "0-400");
  assert.equal(band("400,99"), "0-400"); // rounded down to the euro, as the CAF does
  assert.equal(band("401"), "401-700");
  assert.equal(band("1 000"), "701-1000");
  assert.equal(band("1500"), "1001-1500");
  assert.equal(band("1501"), "> 1500");
  assert.equal(band("3 250,00 €"), "> 1500");
  assert.deepEqual(qfBandOf(bands, ""), { band: null, warning: null });
  assert.deepEqual(qfBandOf(bands, null), { band: null, warning: null });
  assert.deepEqual(qfBandOf(bands, "inconnu"), {
    band: null,
    warning: "quotient familial illisible : tranche laissée vide",
  });
  assert.equal(qfBandOf(bands, "-5").warning, "quotient familial négatif : tranche laissée vide");
});

Deno.test("the officer's own bands are used; gaps and bad files are explained in French", () => {
  const bands = qfBandsFromCsv("min;max;label\r\n0;550;A\r\n600;;B\r\n");
  assert.equal(qfBandOf(bands, "550").band, "A");
  assert.equal(qfBandOf(bands, "700").band, "B");
  assert.match(qfBandOf(bands, "575").warning!, /hors des tranches/);
  assert.throws(() => qfBandsFromCsv("min;max;label\n0;500;A\n400;800;B\n"), {
    message: "qf_bands.csv ligne 3 : la tranche « B » chevauche la précédente (« A »)",
  });
  assert.throws(() => qfBandsFromCsv("min;max;label\nzéro;500;A\n"), /ligne 2 : minimum « zéro » illisible/);
  assert.throws(() => qfBandsFromCsv("min;max;label\n0;500;\n"), /ligne 2 : libellé de tranche manquant/);
  assert.throws(() => qfBandsFromCsv("min;max;label\n"), /aucune tranche/);
});
