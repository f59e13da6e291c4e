import assert from "node:assert/strict";
import * as XLSX from "xlsx";
import { readLegacyWorkbook } from "./read_legacy_workbook.ts";

function xlsBytes(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ["Feuille d'émargement – atelier cuisine"],
    [],
    ["Date", "Nom", "Prénom", "Durée"],
    [new Date(Date.UTC(2024, 2, 12)), "Lefèvre", "Zoé", "1h30"],
    [new Date(Date.UTC(2024, 2, 19)), "N’Diaye", "Noël", 2],
  ], { cellDates: true });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Mars");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["vide"]]), "Notes");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "biff8" }));
}

Deno.test("readLegacyWorkbook reads every sheet of an .xls with Excel's row numbers", async () => {
  const [mars, notes] = await readLegacyWorkbook(xlsBytes());
  assert.equal(mars.sheet, "Mars");
  assert.deepEqual(mars.rows.map((r) => r.line), [1, 2, 3, 4, 5]);
  assert.deepEqual(mars.rows[1].cells, []);
  assert.deepEqual(mars.rows[2].cells, ["Date", "Nom", "Prénom", "Durée"]);
  assert.equal((mars.rows[3].cells[0] as Date).toISOString().slice(0, 10), "2024-03-12");
  assert.deepEqual(mars.rows[4].cells.slice(1), ["N’Diaye", "Noël", 2]);
  assert.equal(notes.sheet, "Notes");
});

Deno.test("readLegacyWorkbook refuses what is not an Excel 97-2003 file, in French", async () => {
  await assert.rejects(
    () => readLegacyWorkbook(new TextEncoder().encode("Date;Nom\n12/03/2024;Martin\n")),
    /n'est pas un classeur Excel 97-2003/,
  );
});

Deno.test("readLegacyWorkbook reports the merged cells of an .xls (MERGEDCELLS record)", async () => {
  const sheet = XLSX.utils.aoa_to_sheet([
    ["Évènement", "Date"],
    ["Atelier cuisine", "12/03/2024"],
    [null, "19/03/2024"],
  ]);
  sheet["!merges"] = [XLSX.utils.decode_range("A2:A3")];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Mars");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["vide"]]), "Notes");
  const bytes = new Uint8Array(XLSX.write(book, { type: "array", bookType: "biff8" }));
  const [mars, notes] = await readLegacyWorkbook(bytes);
  assert.deepEqual(mars.merges, [{ firstLine: 2, lastLine: 3, firstColumn: 0, lastColumn: 0 }]);
  assert.equal(notes.merges, undefined);
});
