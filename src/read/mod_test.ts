import assert from "node:assert/strict";
import * as read from "./mod.ts";

Deno.test("mod: end-to-end on a messy Windows-1252 CSV", () => {
  const csv = [
    "Centre social – présences de mars",
    "",
    "Nom;Date de l'activité;Durée (h);Montant",
    "Hélène;01/03/2024;1h30;1 234,5 €",
    '"Dupont; Jean";2 mars 2024;0,75;12,5',
    "TOTAL;;2,25;1247",
  ].join("\r\n");
  const { text, encoding } = read.decodeText(read.encodeWindows1252(csv));
  assert.equal(encoding, "windows-1252");
  const delimiter = read.sniffDelimiter(text);
  assert.equal(delimiter, ";");
  const rows = read.parseDelimited(text, delimiter);
  const header = read.findHeader(
    rows,
    { nom: [], date: ["date de l'activité"], duree: ["durée (h)"], montant: [] },
    ["nom", "date", "duree"],
  );
  assert.deepEqual(header, {
    index: 2,
    columns: { nom: 0, date: 1, duree: 2, montant: 3 },
    unknown: [],
  });
  const data = rows.slice(header!.index + 1).filter((r) =>
    !read.isBlankRow(r.cells) && !read.isTotalsRow(r.cells)
  );
  assert.deepEqual(
    data.map((r) => ({
      line: r.line,
      nom: r.cells[0],
      date: read.parseDate(r.cells[1]),
      duree: read.parseDuration(r.cells[2]),
      montant: read.parseNumber(r.cells[3]),
    })),
    [
      {
        line: 4,
        nom: "Hélène",
        date: { ok: true, value: "2024-03-01" },
        duree: { ok: true, value: 1.5 },
        montant: { ok: true, value: 1234.5 },
      },
      {
        line: 5,
        nom: "Dupont; Jean",
        date: { ok: true, value: "2024-03-02" },
        duree: { ok: true, value: 0.75 },
        montant: { ok: true, value: 12.5 },
      },
    ],
  );
});
