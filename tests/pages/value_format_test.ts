import assert from "node:assert/strict";
// @ts-types="./value_format.d.ts"
import { formatValue } from "../../pages/components/value_format.js";

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

Deno.test("values read in their unit, singular below 2", () => {
  assert.equal(plain(formatValue(1, "actions")), "1 action");
  assert.equal(plain(formatValue(0, "séances")), "0 séance");
  assert.equal(plain(formatValue(1.5, "heures par ETP")), "1,5 heure par ETP");
  assert.equal(plain(formatValue(35, "actions")), "35 actions");
  assert.equal(plain(formatValue(1852, "personnes")), "1 852 personnes");
  assert.equal(plain(formatValue(26, "partenaires")), "26 partenaires");
  assert.equal(plain(formatValue(0.442, "part (0-1)")), "44,2 %");
  assert.equal(plain(formatValue(1.44, "€ par € CAF")), "1,44 € par € CAF");
  assert.equal(plain(formatValue(1, "ETP")), "1 ETP");
});
