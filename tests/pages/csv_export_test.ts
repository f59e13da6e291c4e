import assert from "node:assert/strict";
// @ts-types="./csv_export.d.ts"
import { neutraliseCell, toCsv } from "../../pages/components/csv_export.js";

Deno.test("neutraliseCell keeps formula-like text inert", () => {
  assert.equal(neutraliseCell("=SOMME(A1)"), "'=SOMME(A1)");
  assert.equal(neutraliseCell("+33 6 12"), "'+33 6 12");
  assert.equal(neutraliseCell("-3"), "'-3");
  assert.equal(neutraliseCell("@cmd"), "'@cmd");
  assert.equal(neutraliseCell("Atelier cuisine"), "Atelier cuisine");
  assert.equal(neutraliseCell(-3), -3);
});

Deno.test("toCsv writes a French Excel CSV: BOM, ;, decimal comma, quoting", () => {
  const csv = toCsv([
    { Structure: "Maison de quartier des Ors", Participants: "< 5", Part: 0.442, Note: 'dit "bien"; =1+1' },
    { Structure: "L'Accorderie", Participants: 333, Part: null, Note: "<b>html</b>" },
  ]);
  assert.equal(
    csv,
    "\ufeffStructure;Participants;Part;Note\r\n" +
      'Maison de quartier des Ors;< 5;0,442;"dit ""bien""; =1+1"\r\n' +
      "L'Accorderie;333;;<b>html</b>\r\n",
  );
  assert.equal(toCsv([{ a: "=x" }]), "\ufeffa\r\n'=x\r\n");
});
