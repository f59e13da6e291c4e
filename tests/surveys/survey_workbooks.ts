/**
 * Test support: builds small .xlsx exports of survey tools from rows written in the test (a
 * `Date` becomes a real date cell, as in a Google Sheet or a Kobo XLSX export; numbers stay
 * numbers, text stays text).
 */
import writeExcelFile from "write-excel-file/node";

/** A cell of a test workbook. */
export type TestCell = string | number | Date | null;

/** Builds an .xlsx workbook, sheets in the given order. */
export async function surveyWorkbook(sheets: { name: string; rows: TestCell[][] }[]): Promise<Uint8Array> {
  const data = sheets.map(({ name, rows }) => ({
    sheet: name,
    data: rows.map((row) =>
      row.map((cell) => {
        if (cell === null) return null;
        if (cell instanceof Date) return { value: cell, type: Date, format: "dd/mm/yyyy hh:mm:ss" };
        if (typeof cell === "number") return { value: cell, type: Number };
        return { value: cell, type: String };
      })
    ),
  }));
  // deno-lint-ignore no-explicit-any
  const buffer = await writeExcelFile(data as any).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}

/** A CSV fixture's rows (quoted fields, `,` or `;`), for building the same export as XLSX. */
export function csvRows(text: string, delimiter = ","): TestCell[][] {
  const rows: TestCell[][] = [];
  for (const line of text.split(/\r?\n/).filter((l) => l !== "")) {
    const cells: TestCell[] = [];
    let field = "";
    let quoted = false;
    let wasQuoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (field += '"', i++);
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') (quoted = true, wasQuoted = true);
      else if (ch === delimiter) {
        cells.push(field === "" && !wasQuoted ? null : field);
        field = "";
        wasQuoted = false;
      } else field += ch;
    }
    cells.push(field === "" && !wasQuoted ? null : field);
    rows.push(cells);
  }
  return rows;
}
