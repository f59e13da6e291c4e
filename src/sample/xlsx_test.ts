import assert from "node:assert/strict";
import readExcelFile from "read-excel-file/node";
import { Buffer } from "node:buffer";
import { buildWorkbook, dateCell, textCell } from "./xlsx.ts";
import { dayOf } from "./calendar.ts";

const sheets = () => [
  {
    name: "2017",
    rows: [["Titre"], [null], ["Date", "Durée"], [dateCell(dayOf(2017, 3, 15)), "1h30"]],
  },
  { name: "2018", rows: [["Date", "Durée"], [textCell("02/01/2018"), 1.5]] },
];

Deno.test("workbooks are byte-identical across runs (zip timestamps fixed)", async () => {
  const a = await buildWorkbook(sheets());
  await new Promise((r) => setTimeout(r, 2100)); // DOS time has a 2 s resolution
  const b = await buildWorkbook(sheets());
  assert.deepEqual(a, b);
});

Deno.test("workbooks keep sheet names, real dates and text dates", async () => {
  const parsed = await readExcelFile(Buffer.from(await buildWorkbook(sheets())));
  assert.deepEqual(parsed.map((s) => s.sheet), ["2017", "2018"]);
  const date = parsed[0].data[3][0];
  assert.ok(date instanceof Date);
  assert.equal(date.toISOString().slice(0, 10), "2017-03-15");
  assert.equal(parsed[1].data[1][0], "02/01/2018");
  assert.equal(parsed[1].data[1][1], 1.5);
});
