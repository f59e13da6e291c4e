/**
 * Funders tables: a Windows-1252 sheet (title, amounts with non-breaking spaces, a blank line,
 * « Total général », an unknown funder, impossible lines) and a workbook.
 */
import { withInbox } from "../tests/support/with_inbox.ts";
import assert from "node:assert/strict";
import { buildWorkbook } from "../src/sample/xlsx.ts";
import { funderTypeOf } from "./finances_funders.ts";

const FIXTURE = new URL("../tests/fixtures/finances/financeurs_2024.csv", import.meta.url);

Deno.test("funder variants map to a funder type", () => {
  const cases: [string, string | null][] = [
    ["CAF de l'Isère", "CAF"],
    ["Caisse d'Allocations Familiales", "CAF"],
    ["Prestation de service animation globale", "CAF"],
    ["Ville de Grenoble", "commune"],
    ["Mairie", "commune"],
    ["Grenoble-Alpes Métropole", "commune"],
    ["CCAS", "commune"],
    ["Conseil départemental de l'Isère", "département"],
    ["CD38", "département"],
    ["Département", "département"],
    ["Région Auvergne-Rhône-Alpes", "région"],
    ["État – politique de la ville", "État"],
    ["Politique de la Ville", "État"],
    ["Préfecture de l'Isère", "État"],
    ["ANCT", "État"],
    ["SDJES", "État"],
    ["FONJEP", "FONJEP"],
    ["Fonjep (poste)", "FONJEP"],
    ["Union européenne – FSE+", "Europe"],
    ["FEDER", "Europe"],
    ["Fondation de France", "fondation"],
    ["Participations des familles", "usagers"],
    ["Usagers", "usagers"],
    ["Cotisations des adhérents", "usagers"],
    ["Amicale des pêcheurs", null],
  ];
  assert.deepEqual(cases.map(([funder]) => [funder, funderTypeOf(funder)]), cases);
});

Deno.test("a funders sheet: funder types derived, unknown funder kept as « autre », bad amounts rejected", async () => {
  await withInbox("finances_funders_", async ({ ingest, query }) => {
    const [r] = await ingest("financeurs_2024.csv", await Deno.readFile(FIXTURE));
    assert.equal(r.kind, "finances");
    assert.equal(r.format, "financeurs");
    assert.equal(r.status, "partial");
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [11, 9, 2, 0]);
    assert.deepEqual(r.issues.map((i) => [i.severity, i.line, i.column, i.value, i.message]), [
      [
        "avertissement",
        11,
        "Financeur",
        "Amicale des pêcheurs",
        "financeur « Amicale des pêcheurs » non reconnu : classé « autre » (types connus : CAF, commune, département, région, État, FONJEP, Europe, fondation, usagers)",
      ],
      ["erreur", 13, "Montant", null, "valeur obligatoire manquante"],
      ["erreur", 14, "Montant", "abc", "« abc » n'est pas un nombre"],
      ["avertissement", 15, null, null, "ligne de total ignorée (les totaux sont recalculés)"],
    ]);
    const rows = await query(
      "SELECT source_line AS line, funder_type AS type, scheme, amount, year FROM stg_funding ORDER BY source_line",
    );
    assert.deepEqual(rows, [
      { line: 3, type: "CAF", scheme: "Prestation de service animation globale", amount: 72450, year: 2024 },
      { line: 4, type: "CAF", scheme: "Animation collective familles (ACF)", amount: 24180.5, year: 2024 },
      { line: 5, type: "commune", scheme: "Subvention de fonctionnement", amount: 45000, year: 2024 },
      { line: 6, type: "département", scheme: "Action sociale", amount: 12000, year: 2024 },
      { line: 7, type: "État", scheme: "Contrat de ville", amount: 8500, year: 2024 },
      { line: 8, type: "FONJEP", scheme: "Poste FONJEP", amount: 7164, year: 2024 },
      { line: 9, type: "fondation", scheme: "Projet jardin", amount: 5000, year: 2024 },
      { line: 10, type: "usagers", scheme: "ALSH", amount: 18230.4, year: 2024 },
      { line: 11, type: "autre", scheme: "Don", amount: 300, year: 2024 },
    ]);
  });
});

Deno.test("a funders workbook sent later updates the amounts of the same grants", async () => {
  await withInbox("finances_funders_", async ({ ingest, query }) => {
    await ingest("financeurs_2024.csv", await Deno.readFile(FIXTURE));
    const workbook = await buildWorkbook([{
      name: "2024",
      rows: [
        ["Organisme financeur", "Objet", "Montant (€)", "Exercice"],
        ["CAF de l'Isère", "Prestation de service animation globale", 73000, 2024],
        ["Europe FSE+", "Insertion", 9000, "2024"],
        ["Ville de Grenoble", "Subvention de fonctionnement", 0, 2024],
      ],
    }]);
    const [r] = await ingest("financeurs_notifies.xlsx", workbook);
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsReplaced], [3, 2, 1, 1]);
    assert.deepEqual(r.issues.map((i) => [i.line, i.column, i.message]), [
      [4, "Montant (€)", "montant nul : une ligne de financement a un montant"],
    ]);
    const rows = await query(
      "SELECT funder_type AS type, sum(amount) AS total FROM stg_funding GROUP BY ALL ORDER BY type",
    );
    assert.deepEqual(Object.fromEntries(rows.map((x) => [x.type, x.total])), {
      autre: 300,
      CAF: 97180.5,
      commune: 45000,
      département: 12000,
      État: 8500,
      Europe: 9000,
      fondation: 5000,
      FONJEP: 7164,
      usagers: 18230.4,
    });
  });
});
