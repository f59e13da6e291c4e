import assert from "node:assert/strict";
import { sniffDelimiter } from "./sniff_delimiter.ts";

Deno.test("sniffDelimiter: semicolon with decimal commas and a title row", () => {
  const text = "Export des présences – mars 2024\n\nNom;Durée;Montant\nAli;1,5;12,50\nBé;2;3,25\n";
  assert.equal(sniffDelimiter(text), ";");
});

Deno.test("sniffDelimiter: comma separated with quoted decimal commas", () => {
  const text = 'nom,montant,date\n"Dupont, Jean","12,5",01/02/2024\nMartin,3,02/02/2024\n';
  assert.equal(sniffDelimiter(text), ",");
});

Deno.test("sniffDelimiter: tab separated (Excel 'Texte Unicode')", () => {
  const text = "Nom\tHeures\tCommentaire\nAli\t1,5\tvu, revu, corrigé\nBob\t2\tok\n";
  assert.equal(sniffDelimiter(text), "\t");
});

Deno.test("sniffDelimiter: pipe separated", () => {
  assert.equal(sniffDelimiter("a|b|c\n1|2|3\n4|5|6"), "|");
});

Deno.test("sniffDelimiter: ignores separators inside quotes, even across lines", () => {
  const text = 'a;b\n"x,y,z\nmore, text";1\n"p,q";2\n';
  assert.equal(sniffDelimiter(text), ";");
});

Deno.test("sniffDelimiter: ties and empty input prefer semicolon", () => {
  assert.equal(sniffDelimiter("a;b,c\n1;2,3"), ";");
  assert.equal(sniffDelimiter(""), ";");
  assert.equal(sniffDelimiter("une seule colonne\nsans séparateur"), ";");
});

Deno.test("sniffDelimiter: only looks at the first 20 non-empty lines", () => {
  const head = Array.from({ length: 20 }, (_, i) => `${i},x`).join("\n");
  const tail = Array.from({ length: 100 }, (_, i) => `${i};x;y`).join("\n");
  assert.equal(sniffDelimiter(`${head}\n\n\n${tail}`), ",");
});
