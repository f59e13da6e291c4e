import assert from "node:assert/strict";
import { findHeader } from "./find_header.ts";
import type { CellRow } from "./row.ts";

const ALIASES = {
  nom: ["Nom de famille"],
  date: ["Date de l'activité", "jour"],
  duree: ["Durée (h)", "heures"],
  commentaire: [],
};

Deno.test("findHeader: skips title rows and maps aliases", () => {
  const rows: CellRow[] = [
    { line: 1, cells: ["Centre social Les Tilleuls", null, null, null] },
    { line: 2, cells: [null, null, null, null] },
    { line: 3, cells: ["NOM DE FAMILLE", "Jour", "Heures", "Observation"] },
    { line: 4, cells: ["Dupont", "01/02/2024", 1.5, ""] },
  ];
  assert.deepEqual(findHeader(rows, ALIASES, ["nom", "date"]), {
    index: 2,
    columns: { nom: 0, date: 1, duree: 2 },
    unknown: [{ column: 3, header: "Observation" }],
  });
});

Deno.test("findHeader: the field name itself is an alias, compared normalised", () => {
  const rows: CellRow[] = [{ line: 1, cells: [" Durée ", "Commentaire", "NOM"] }];
  assert.deepEqual(findHeader(rows, ALIASES, ["nom", "duree"]), {
    index: 0,
    columns: { duree: 0, commentaire: 1, nom: 2 },
    unknown: [],
  });
});

Deno.test("findHeader: duplicate columns are reported in unknown", () => {
  const rows: CellRow[] = [{ line: 1, cells: ["Nom", "nom", "Date"] }];
  assert.deepEqual(findHeader(rows, ALIASES, ["nom"]), {
    index: 0,
    columns: { nom: 0, date: 2 },
    unknown: [{ column: 1, header: "nom" }],
  });
});

Deno.test("findHeader: null when a required field is missing or beyond maxScan", () => {
  const rows: CellRow[] = [
    { line: 1, cells: ["Titre"] },
    { line: 2, cells: ["Nom", "Date"] },
  ];
  assert.equal(findHeader(rows, ALIASES, ["nom", "duree"]), null);
  assert.equal(findHeader(rows, ALIASES, ["nom"], 1), null);
  assert.equal(findHeader([], ALIASES, ["nom"]), null);
});

Deno.test("findHeader: a row matching only some required fields is not the header", () => {
  const rows: CellRow[] = [
    { line: 1, cells: ["Nom : Centre social", ""] },
    { line: 2, cells: ["Nom", 2024] },
    { line: 3, cells: ["Nom", "Date"] },
  ];
  assert.equal(findHeader(rows, ALIASES, ["nom", "date"])?.index, 2);
});
