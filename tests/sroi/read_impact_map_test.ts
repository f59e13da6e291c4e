/**
 * Reading impact maps as they arrive: odd header spellings, CSV files, and bad input with
 * messages naming the sheet, the spreadsheet row and the column as typed.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeWindows1252 } from "../../src/read/decode_text.ts";
import { buildWorkbook, textCell } from "../../src/sample/xlsx.ts";
import { formatIssue, SroiInputError } from "../../src/sroi/issues.ts";
import { parseImpactMap, readImpactMap } from "../../src/sroi/read_impact_map.ts";
import { buildReport } from "../../src/sroi/sroi_report.ts";
import { tables } from "./support.ts";

function messages(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SroiInputError) return error.issues.map(formatIssue);
    throw error;
  }
  assert.fail("an SroiInputError was expected");
}

async function asyncMessages(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SroiInputError) return error.issues.map(formatIssue);
    throw error;
  }
  assert.fail("an SroiInputError was expected");
}

Deno.test("French headers in odd spellings are recognised", () => {
  const header = [
    "PARTIE-PRENANTE",
    "changement",
    "INDICATEUR",
    "Quantite",
    "duree en annees",
    "Debut",
    "proxy financier en euros",
    "Source du Proxy",
    "AUBAINE (%)",
    "Deplacement",
    "Attribution (%)",
    "decroissance %",
    "Proxy (min)",
    "PROXY MAX €",
    "Quantité minimum",
  ];
  const map = parseImpactMap(tables(
    [["Parents", "Confiance", "", 10, 3, 1, 1000, "", 0.2, 0, 0.25, 0.1, 800, 1200, 8]],
    [["CAF", "", 5000]],
    { rate: 0.035, horizon: 5 },
    header,
  ));
  const line = map.lines[0];
  assert.equal(line.deadweight, 0.2);
  assert.equal(line.dropOff, 0.1);
  assert.deepEqual(line.ranges, { proxy: { min: 800, max: 1200 }, quantity: { min: 8, max: 10 } });
  assert.deepEqual(map.warnings, []);
  assert.equal(buildReport(map, { iterations: 10, seed: 1 }).pv, 15221.5);
});

Deno.test("merged stakeholder cells are carried down; a quantity may be a catalogue indicator id", () => {
  const map = parseImpactMap(
    tables(
      [
        ["Parents", "Confiance", "", "participants_uniques", 1, 1, 10, "", 0, 0, 0, 0],
        [null, "Temps libéré", "", 4, 1, 1, 10, "", 0, 0, 0, 0],
      ],
      [["CAF", "", 100]],
    ),
    { resolve: (id) => id === "participants_uniques" ? 42 : null },
  );
  assert.equal(map.lines[0].quantity, 42);
  assert.equal(map.lines[0].quantityIndicator, "participants_uniques");
  assert.equal(map.lines[1].stakeholder, "Parents");
});

Deno.test("bad cells: text in a number cell, a percentage above 100 %, an unknown indicator", () => {
  const found = messages(() =>
    parseImpactMap(tables(
      [
        ["Parents", "Confiance", "", 10, 3, 1, "beaucoup", "", "120 %", 0, 0, 0],
        ["Aînés", "Liens", "", "nb_seniors", "trois", 3, 100, "", 0, 0, 0, 0],
        ["Aînés", "", "", 5, 1, 1, 100, "", 0, 0, -0.2, 0],
      ],
      [["CAF", "", "mille"]],
      { rate: "abc" },
    ))
  );
  assert.deepEqual(found, [
    "Feuille « impacts », ligne 2, colonne « Proxy financier (€) » : « beaucoup » n'est pas un nombre",
    "Feuille « impacts », ligne 2, colonne « Aubaine % » : « 120 % » dépasse 100 %",
    "Feuille « impacts », ligne 3, colonne « Quantité » : indicateur inconnu : « nb_seniors » n'est pas un " +
    "nombre ni l'identifiant d'un indicateur du catalogue",
    "Feuille « impacts », ligne 3, colonne « Durée (années) » : « trois » : un nombre entier d'années entre " +
    "1 et 50 est attendu",
    "Feuille « impacts », ligne 3, colonne « Début (1 = pendant l'action, 2 = après) » : « 3 » : indiquez 1 " +
    "(pendant l'action) ou 2 (après l'action)",
    "Feuille « impacts », ligne 4, colonne « Changement » : valeur manquante",
    "Feuille « impacts », ligne 4, colonne « Attribution % » : « -0.2 » est négatif : un pourcentage va de 0 à 100 %",
    "Feuille « investissements », ligne 2, colonne « Montant (€) » : « mille » n'est pas un nombre",
    "Feuille « parametres », ligne 2, colonne « taux d'actualisation » : « abc » n'est pas un pourcentage",
  ]);
});

Deno.test("a range whose minimum is above the value is refused", () => {
  const header = [...tables([], []).impacts.rows[0].cells as string[], "Proxy min"];
  const found = messages(() =>
    parseImpactMap(tables([["P", "C", "", 1, 1, 1, 100, "", 0, 0, 0, 0, 150]], [["CAF", "", 10]], {}, header))
  );
  assert.deepEqual(found, [
    "Feuille « impacts », ligne 2, colonne « Proxy min » : le minimum dépasse la valeur retenue (proxy financier (€))",
  ]);
});

Deno.test("missing header columns are named", () => {
  const found = messages(() =>
    parseImpactMap(
      tables([["P", "C", 1]], [["CAF", "", 10]], {}, ["Partie prenante", "Changement", "Quantité"]),
    )
  );
  assert.deepEqual(found, [
    "Feuille « impacts » : en-tête introuvable : la carte d'impact doit avoir les colonnes « durée (années) », " +
    "« proxy financier (€) »",
  ]);
});

Deno.test("a workbook without the investissements sheet is refused; without parametres, defaults", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sroi_read_" });
  const impacts = {
    name: "Impacts",
    rows: [
      ["Partie prenante", "Changement", "Quantité", "Durée (années)", "Proxy financier (€)"].map(textCell),
      [textCell("Parents"), textCell("Confiance"), 10, 1, 100],
    ],
  };
  const onlyImpacts = join(dir, "sans_investissements.xlsx");
  await Deno.writeFile(onlyImpacts, await buildWorkbook([impacts]));
  assert.deepEqual(await asyncMessages(readImpactMap(onlyImpacts)), [
    "Classeur « sans_investissements.xlsx » : feuille « investissements » introuvable (feuilles présentes : Impacts)",
  ]);

  const noParameters = join(dir, "sans_parametres.xlsx");
  await Deno.writeFile(
    noParameters,
    await buildWorkbook([impacts, {
      name: "Investissements",
      rows: [["Nature", "Montant"].map(textCell), [textCell("subvention"), 500]],
    }]),
  );
  const map = await readImpactMap(noParameters);
  assert.deepEqual(map.parameters, { discountRate: 0.035, horizonYears: 5 });
  assert.match(map.warnings.join("\n"), /feuille « parametres » absente/);

  const broken = join(dir, "abime.xlsx");
  await Deno.writeTextFile(broken, "pas un classeur");
  const [message] = await asyncMessages(readImpactMap(broken));
  assert.match(message, /^Classeur « abime\.xlsx » : Classeur Excel \(\.xlsx\) illisible/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("CSV: a ; file from Excel (Windows-1252, decimal commas) with investissements.csv beside it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sroi_csv_" });
  const impacts = [
    "Partie prenante;Changement;Indicateur;Quantité;Durée (années);Début;Proxy financier (€);Source du proxy;" +
    "Aubaine %;Déplacement %;Attribution %;Décroissance %",
    "Parents;Confiance;;10;3;1;1 000,00 €;tarif;20 %;0 %;25 %;10 %",
    ";;;;;;;;;;;",
  ].join("\r\n");
  await Deno.writeFile(join(dir, "impacts.csv"), encodeWindows1252(impacts));
  const alone = await readImpactMap(join(dir, "impacts.csv"));
  assert.equal(alone.investments.length, 0);
  assert.match(
    alone.warnings.join("\n"),
    /Pas de fichier « investissements\.csv » à côté de « impacts\.csv »/,
  );
  assert.equal(buildReport(alone, { iterations: 10, seed: 1 }).ratio, null);

  await Deno.writeFile(
    join(dir, "Investissements.csv"),
    encodeWindows1252(
      "Partie prenante;Nature;Montant (€)\r\nCAF;prestation;3 000\r\nBénévoles;temps;2 000,00\r\n",
    ),
  );
  await Deno.writeTextFile(
    join(dir, "parametres.csv"),
    "Paramètre;Valeur\nTaux d'actualisation;3,5 %\nHorizon;5\n",
  );
  const map = await readImpactMap(join(dir, "impacts.csv"));
  const report = buildReport(map, { iterations: 10, seed: 1 });
  // Same figures as worked example 1.
  assert.equal(report.inputs_total, 5000);
  assert.equal(report.pv, 15221.5);
  assert.equal(report.ratio, 3.0443);
  assert.deepEqual(map.warnings, []);
  await Deno.remove(dir, { recursive: true });
});
