import assert from "node:assert/strict";
import { parseDelimited } from "./parse_delimited.ts";

Deno.test("parseDelimited: simple rows with line numbers", () => {
  assert.deepEqual(parseDelimited("a;b\n1;2\n", ";"), [
    { line: 1, cells: ["a", "b"] },
    { line: 2, cells: ["1", "2"] },
  ]);
});

Deno.test("parseDelimited: keeps blank lines and empty fields", () => {
  assert.deepEqual(parseDelimited("a;b\n\n;2;\n", ";"), [
    { line: 1, cells: ["a", "b"] },
    { line: 2, cells: [""] },
    { line: 3, cells: ["", "2", ""] },
  ]);
});

Deno.test("parseDelimited: CRLF, CR and LF endings", () => {
  const expected = [
    { line: 1, cells: ["a", "b"] },
    { line: 2, cells: ["c", "d"] },
    { line: 3, cells: ["e"] },
  ];
  assert.deepEqual(parseDelimited("a,b\r\nc,d\r\ne", ","), expected);
  assert.deepEqual(parseDelimited("a,b\rc,d\re\r", ","), expected);
  assert.deepEqual(parseDelimited("a,b\nc,d\ne\n", ","), expected);
});

Deno.test("parseDelimited: quotes with doubled quotes, delimiters and newlines", () => {
  const text = 'nom;note\n"Dupont; Jean";"il a dit ""oui""\r\npuis ""non"""\nfin;"x"\n';
  assert.deepEqual(parseDelimited(text, ";"), [
    { line: 1, cells: ["nom", "note"] },
    { line: 2, cells: ["Dupont; Jean", 'il a dit "oui"\r\npuis "non"'] },
    { line: 4, cells: ["fin", "x"] },
  ]);
});

Deno.test("parseDelimited: empty quoted field and quotes in the middle of a field", () => {
  assert.deepEqual(parseDelimited('"";a"b;"c"d', ";"), [
    { line: 1, cells: ["", 'a"b', "cd"] },
  ]);
});

Deno.test("parseDelimited: unterminated quote runs to the end", () => {
  assert.deepEqual(parseDelimited('a;"b\nc', ";"), [{ line: 1, cells: ["a", "b\nc"] }]);
});

Deno.test("parseDelimited: tab delimiter, leading BOM, empty text", () => {
  assert.deepEqual(parseDelimited("\uFEFFx\ty", "\t"), [{ line: 1, cells: ["x", "y"] }]);
  assert.deepEqual(parseDelimited("", ";"), []);
  assert.throws(() => parseDelimited("a", ";;"));
});

Deno.test("parseDelimited: 1,000,000 rows of 9 fields in a few seconds", () => {
  const line = 'abc;12,5;01/02/2024;"x;y";;Dupont;1h30;42;fin';
  const text = (line + "\r\n").repeat(1_000_000);
  const started = performance.now();
  const rows = parseDelimited(text, ";");
  const elapsed = performance.now() - started;
  assert.equal(rows.length, 1_000_000);
  assert.deepEqual(rows[999_999], {
    line: 1_000_000,
    cells: ["abc", "12,5", "01/02/2024", "x;y", "", "Dupont", "1h30", "42", "fin"],
  });
  assert.ok(elapsed < 10_000, `too slow: ${elapsed} ms`);
});
