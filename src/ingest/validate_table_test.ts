import assert from "node:assert/strict";
import { z } from "zod";
import type { LoaderSpec } from "./loader_spec.ts";
import { matchHeader, validateTable } from "./validate_table.ts";
import type { RawTable } from "./read_tables.ts";

const schema = z.object({
  name: z.string(),
  colour: z.string(),
  count: z.number().int({ error: "nombre entier attendu" }),
});

const spec: LoaderSpec<z.infer<typeof schema>> = {
  kind: "demo",
  format: "demo",
  label: "démonstration",
  tables: { stg_demo: ["name"] },
  needsStructure: false,
  fields: {
    name: { type: "text", aliases: ["Nom"], required: true, personal: true },
    colour: { type: "text", aliases: ["Couleur"], required: true },
    count: { type: "number", aliases: ["Nombre"], required: true },
  },
  schema,
  warnings: (r) =>
    r.colour === "mauve" ? [{ field: "colour", message: "couleur inconnue : classée « autre »" }] : [],
  toRows: () => [],
};

const table: RawTable = {
  sheet: null,
  encoding: "utf-8",
  rows: [
    { line: 1, cells: ["Liste des ateliers"] },
    { line: 2, cells: ["Nom", "Couleur", "Nombre", "Remarque"] },
    { line: 3, cells: ["Alice", "bleu", "3", "ok"] },
    { line: 4, cells: ["Bob", "mauve", "2", ""] },
    { line: 5, cells: ["Chloé", "vert", "2,5", ""] },
    { line: 6, cells: ["", "", "", ""] },
    { line: 7, cells: ["Total", "", "7,5", ""] },
  ],
};

Deno.test("validateTable: header below a title, unknown column, warnings, zod errors, totals", () => {
  const header = matchHeader(spec as unknown as LoaderSpec, table)!;
  assert.equal(header.index, 1);
  const result = validateTable(spec as unknown as LoaderSpec, table, header);
  assert.equal(result.rowsRead, 3);
  assert.equal(result.rowsRejected, 1);
  assert.deepEqual(result.records.map((r) => r.line), [3, 4]);
  assert.deepEqual(
    result.issues.map((i) => [i.line, i.column, i.value, i.severity, i.message]),
    [
      [
        2,
        "Remarque",
        null,
        "avertissement",
        "colonne inconnue « Remarque » : ignorée pour ce type d'export (démonstration)",
      ],
      [4, "Couleur", "mauve", "avertissement", "couleur inconnue : classée « autre »"],
      [5, "Nombre", "2,5", "erreur", "nombre entier attendu"],
      [7, null, null, "avertissement", "ligne de total ignorée (les totaux sont recalculés)"],
    ],
  );
});

Deno.test("validateTable reports progress every 20 000 rows of a long table", () => {
  const rows = [{ line: 1, cells: ["Nom", "Couleur", "Nombre"] as (string | null)[] }];
  for (let i = 0; i < 45_000; i++) rows.push({ line: i + 2, cells: [`p${i}`, "bleu", "1"] });
  const long: RawTable = { sheet: null, encoding: "utf-8", rows };
  const seen: [number, number][] = [];
  const header = matchHeader(spec as unknown as LoaderSpec, long)!;
  const result = validateTable(
    spec as unknown as LoaderSpec,
    long,
    header,
    (done, total) => seen.push([done, total]),
  );
  assert.equal(result.records.length, 45_000);
  assert.deepEqual(seen, [[20_000, 45_000], [40_000, 45_000], [45_000, 45_000]]);
});
