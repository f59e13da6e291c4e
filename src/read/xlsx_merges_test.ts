import assert from "node:assert/strict";
import writeXlsxFile from "write-excel-file/node";
import { mergedRange, readXlsxMerges } from "./xlsx_merges.ts";
import { zipEntries, zipText } from "./zip_entries.ts";
import { readWorkbook } from "./read_workbook.ts";

async function workbook(): Promise<Uint8Array> {
  const sheets = [
    {
      sheet: "Séances",
      data: [
        [{ value: "Comptages 2025", type: String, span: 3 }, null, null],
        ["Évènement", "Date", "Adultes"],
        [{ value: "Café des parents", type: String, rowSpan: 3 }, "07/01/2025", 8],
        [null, "14/01/2025", 6],
        [null, "21/01/2025", 9],
      ],
    },
    { sheet: "Notes", data: [["sans fusion"]] },
  ];
  // deno-lint-ignore no-explicit-any
  return new Uint8Array(await (writeXlsxFile as any)(sheets).toBuffer());
}

Deno.test("mergedRange: Excel references to 1-based lines and 0-based columns", () => {
  assert.deepEqual(mergedRange("A3:A5"), { firstLine: 3, lastLine: 5, firstColumn: 0, lastColumn: 0 });
  assert.deepEqual(mergedRange("AB10:C2"), { firstLine: 2, lastLine: 10, firstColumn: 2, lastColumn: 27 });
  assert.equal(mergedRange("A3"), null);
});

Deno.test("readXlsxMerges: the <mergeCells> of each sheet, by sheet name", async () => {
  const bytes = await workbook();
  const entries = zipEntries(bytes);
  // The fixture really holds the element the reader looks for.
  assert.match(await zipText(bytes, entries.get("xl/worksheets/sheet1.xml")!), /<mergeCells count="2">/);
  const merges = await readXlsxMerges(bytes);
  assert.deepEqual([...merges.keys()], ["Séances"]);
  assert.deepEqual(merges.get("Séances"), [
    { firstLine: 1, lastLine: 1, firstColumn: 0, lastColumn: 2 },
    { firstLine: 3, lastLine: 5, firstColumn: 0, lastColumn: 0 },
  ]);
});

Deno.test("readWorkbook: sheets carry their merged ranges", async () => {
  const [seances, notes] = await readWorkbook(await workbook());
  assert.equal(seances.merges?.length, 2);
  assert.equal(notes.merges, undefined);
  // The merged cells themselves stay empty: filling is the ingest's decision (data area only).
  assert.deepEqual(seances.rows[3].cells, [null, "14/01/2025", 6]);
});
