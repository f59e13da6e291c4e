import assert from "node:assert/strict";
// @ts-types="./notebook_labels.d.ts"
import {
  categoryOrder,
  columnKind,
  columnLabel,
  dictionaryLabels,
  labelFromDescription,
  sortByMeaning,
} from "../../pages/components/notebook_labels.js";

// The published-table dictionary as marts.json writes it (two tables sharing `year`).
const CATALOGUE = {
  tables: [
    {
      columns: [
        { name: "year", label: "Année", description: "année civile" },
        { name: "age_band", label: "Tranche d'âge", description: "tranche d'âge (âge atteint dans l'année)" },
        { name: "maturity", description: "maturité 1–4 (moyenne des domaines)" },
      ],
    },
    { columns: [{ name: "year", label: "Année de l'auto-évaluation", description: "année" }] },
  ],
};

Deno.test("age bands in age order (regression: « 6-11 ans » came after « 26-59 ans »)", () => {
  assert.deepEqual(
    categoryOrder([
      "0-5 ans",
      "12-17 ans",
      "18-25 ans",
      "26-59 ans",
      "6-11 ans",
      "60 ans et plus",
      "inconnu",
    ]),
    ["0-5 ans", "6-11 ans", "12-17 ans", "18-25 ans", "26-59 ans", "60 ans et plus", "inconnu"],
  );
  assert.deepEqual(categoryOrder(["18 ans et plus", "moins de 6 ans", "6-17 ans"]), [
    "moins de 6 ans",
    "6-17 ans",
    "18 ans et plus",
  ]);
});

Deno.test("weekdays from Monday, months in calendar order, other text alphabetically", () => {
  assert.deepEqual(categoryOrder(["samedi", "dimanche", "lundi à vendredi", "mardi"]), [
    "lundi à vendredi",
    "mardi",
    "samedi",
    "dimanche",
  ]);
  assert.deepEqual(categoryOrder(["mars 2024", "décembre 2023", "janvier 2024", "février 2024"]), [
    "décembre 2023",
    "janvier 2024",
    "février 2024",
    "mars 2024",
  ]);
  assert.deepEqual(categoryOrder(["octobre", "avril", "août"]), ["avril", "août", "octobre"]);
  assert.deepEqual(categoryOrder(["Épanouissement", "cohésion sociale", "Gouvernance"]), [
    "cohésion sociale",
    "Épanouissement",
    "Gouvernance",
  ]);
});

Deno.test("sortByMeaning sorts rows column after column, stable", () => {
  const rows = [
    { jours: "samedi", age_band: "6-11 ans", n: 1 },
    { jours: "lundi à vendredi", age_band: "60 ans et plus", n: 2 },
    { jours: "samedi", age_band: "0-5 ans", n: 3 },
    { jours: "lundi à vendredi", age_band: "26-59 ans", n: 4 },
    { jours: "lundi à vendredi", age_band: "26-59 ans", n: 5 },
  ];
  assert.deepEqual(sortByMeaning(rows, ["jours", "age_band"]).map((r) => r.n), [4, 5, 2, 3, 1]);
});

Deno.test("column headers from the published-table dictionary (regression: `age_band`, `volunteer_hours` shown)", () => {
  const dictionary = dictionaryLabels(CATALOGUE);
  assert.equal(columnLabel("age_band", dictionary), "Tranche d'âge");
  // The first table defining a column gives its header.
  assert.equal(columnLabel("year", dictionary), "Année");
  // Without a published label: the description's first clause.
  assert.equal(columnLabel("maturity", dictionary), "Maturité 1–4");
  // Not in the dictionary: the short labels, then the notebook's own, then the name made readable.
  assert.equal(columnLabel("volunteer_hours", dictionary), "Heures de bénévolat");
  assert.equal(columnLabel("jours", dictionary, { jours: "Jours" }), "Jours");
  assert.equal(columnLabel("heures_par_benevole", dictionary), "Heures par benevole");
  assert.equal(
    labelFromDescription("écart relatif à la référence (0,1 = +10 %)"),
    "Écart relatif à la référence",
  );
});

Deno.test("how a column's numbers read: years, relative changes, shares", () => {
  assert.equal(columnKind("year"), "year");
  assert.equal(columnKind("change_rel"), "change");
  assert.equal(columnKind("qpv_share"), "share");
  assert.equal(columnKind("part"), "share");
  assert.equal(columnKind("participants"), "number");
  assert.equal(columnKind("partenaires"), "number");
});
