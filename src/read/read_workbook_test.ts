import assert from "node:assert/strict";
import writeXlsxFile from "write-excel-file/node";
import { readWorkbook } from "./read_workbook.ts";

async function makeWorkbook(): Promise<Uint8Array> {
  const presences = [
    [null],
    [{ value: "Présences – mars 2024", type: String }],
    [null],
    ["Nom", "Date", "Heures", "Remarque", "Total"],
    [
      "Dupont",
      { value: new Date(Date.UTC(2024, 2, 15)), type: Date, format: "dd/mm/yyyy" },
      1.5,
      { value: "=pas une formule", type: String },
      { value: "=C5*2", type: "Formula" },
    ],
    [null],
    [
      "  Martin ",
      { value: new Date(Date.UTC(1899, 11, 30, 14, 30)), type: Date, format: "hh:mm" },
      { value: 45292, type: Number, format: "dd/mm/yyyy" },
      null,
      null,
    ],
    [null],
  ];
  const sheets = [
    { sheet: "Présences", data: presences },
    { sheet: "Notes", data: [["seule cellule"]] },
  ];
  // deno-lint-ignore no-explicit-any
  const buffer = await (writeXlsxFile as any)(sheets).toBuffer();
  return new Uint8Array(buffer);
}

Deno.test("readWorkbook: all sheets, Excel row numbers, typed cells", async () => {
  const sheets = await readWorkbook(await makeWorkbook());
  assert.deepEqual(sheets.map((s) => s.sheet), ["Présences", "Notes"]);

  const rows = sheets[0].rows;
  // Leading and inner empty rows are kept; the trailing one is dropped.
  assert.deepEqual(rows.map((r) => r.line), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(rows[0].cells, [null, null, null, null, null]);
  assert.deepEqual(rows[1].cells, ["Présences – mars 2024", null, null, null, null]);
  assert.deepEqual(rows[3].cells, ["Nom", "Date", "Heures", "Remarque", "Total"]);
  assert.deepEqual(rows[4].cells, [
    "Dupont",
    new Date(Date.UTC(2024, 2, 15)),
    1.5,
    "=pas une formule",
    // write-excel-file stores no cached result, and read-excel-file does not evaluate.
    null,
  ]);
  assert.deepEqual(rows[6].cells, [
    "Martin",
    new Date(Date.UTC(1899, 11, 30, 14, 30)),
    new Date(Date.UTC(2024, 0, 1)),
    null,
    null,
  ]);
  assert.deepEqual(sheets[1].rows, [{ line: 1, cells: ["seule cellule"] }]);
});

Deno.test("readWorkbook: accepts a Uint8Array view into a larger buffer", async () => {
  const bytes = await makeWorkbook();
  const padded = new Uint8Array(bytes.length + 8);
  padded.set(bytes, 4);
  const sheets = await readWorkbook(padded.subarray(4, 4 + bytes.length));
  assert.equal(sheets.length, 2);
});

Deno.test("readWorkbook: non-xlsx bytes give a French error", async () => {
  await assert.rejects(
    () => readWorkbook(new TextEncoder().encode("Nom;Date\nDupont;01/02/2024\n")),
    /Classeur Excel \(\.xlsx\) illisible/,
  );
});

Deno.test("readWorkbook: rows absent from the XML (as Excel writes them) keep their numbers", async () => {
  // Fixture: sheet1.xml holds only <row r="3"> (A3 = "a", C3 = 3); rows 1–2 are not written.
  const bytes = await Deno.readFile(
    new URL("./testdata/missing_leading_rows.xlsx", import.meta.url),
  );
  const [sheet] = await readWorkbook(bytes);
  assert.deepEqual(sheet.rows, [
    { line: 1, cells: [null, null, null] },
    { line: 2, cells: [null, null, null] },
    { line: 3, cells: ["a", null, 3] },
  ]);
});
