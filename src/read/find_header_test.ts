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

// A federation extract: a title, a theme row (themes written once, merged across), a field row;
// « Année » is merged down over both header rows.
const EXTRACT: CellRow[] = [
  { line: 1, cells: ["Extraction fédération 2025", null, null, null, null, null] },
  { line: 2, cells: ["Identification", null, "Année", "Activités", null, "Remarque"] },
  { line: 3, cells: ["Code structure", "Nom", null, "Nombre d'ateliers", "Heures", null] },
  { line: 4, cells: ["demo", "Centre Démo", 2024, 12, 340, null] },
];
const EXTRACT_ALIASES = {
  structure: ["Code structure"],
  year: ["Année"],
  workshops: ["Activités - Nombre d'ateliers"],
  hours: ["Heures"],
};

Deno.test("findHeader: a header on two rows joins theme and field, data starts below it", () => {
  assert.deepEqual(findHeader(EXTRACT, EXTRACT_ALIASES, ["structure", "year"]), {
    index: 2,
    // « Activités - Nombre d'ateliers » joined; « Heures » alone; « Année » from the upper row.
    columns: { structure: 0, year: 2, workshops: 3, hours: 4 },
    unknown: [{ column: 1, header: "Identification - Nom" }, { column: 5, header: "Remarque" }],
    titles: [
      "Code structure",
      "Identification - Nom",
      "Année",
      "Activités - Nombre d'ateliers",
      "Heures",
      "Remarque",
    ],
  });
  // Neither header row alone holds both required fields: the pair is the only reading.
  assert.equal(findHeader([EXTRACT[1]], EXTRACT_ALIASES, ["structure", "year"]), null);
  assert.equal(findHeader([EXTRACT[2]], EXTRACT_ALIASES, ["structure", "year"]), null);
});

Deno.test("findHeader: the field alone matches too, when no alias names the theme", () => {
  const aliases = { ...EXTRACT_ALIASES, workshops: ["Nombre d'ateliers"] };
  assert.equal(findHeader(EXTRACT, aliases, ["structure", "year"])?.columns.workshops, 3);
});

Deno.test("findHeader: a one-row header keeps its row even above a data row or under a title", () => {
  const rows: CellRow[] = [
    { line: 1, cells: ["Liste des présences"] },
    { line: 2, cells: ["Nom", "Jour", "Heures"] },
    // Data values equal to aliases must not turn the first data row into a second header row.
    { line: 3, cells: ["Commentaire", "Date", "Durée"] },
  ];
  assert.deepEqual(findHeader(rows, ALIASES, ["nom"]), {
    index: 1,
    columns: { nom: 0, date: 1, duree: 2 },
    unknown: [],
  });
});
