/**
 * Budgets per action: a Windows-1252 sheet typed by hand (title, empty separator row, amounts
 * with non-breaking spaces, « Total général », a line sent twice, impossible lines).
 */
import { withInbox } from "../tests/support/with_inbox.ts";
import assert from "node:assert/strict";

const FIXTURE = new URL("../tests/fixtures/finances/budget_actions_2025.csv", import.meta.url);

Deno.test("a budget per action: planned and actual amounts kept, impossible lines rejected", async () => {
  await withInbox("finances_budget_", async ({ ingest, query }) => {
    const [r] = await ingest("budget_actions_2025.csv", await Deno.readFile(FIXTURE));
    assert.equal(r.kind, "finances");
    assert.equal(r.format, "budget-actions");
    assert.equal(r.status, "partial");
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [7, 3, 3, 1]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((e) => [e.line, e.column, e.value, e.message]),
      [
        [
          7,
          "Charges prévues",
          "-300",
          "un montant ne peut pas être négatif : saisissez-le dans l'autre colonne (débit ou crédit, charges ou produits)",
        ],
        [8, "Année", "25", "année « 25 » illisible : écrivez l'année sur 4 chiffres (2024)"],
        [9, "Charges prévues", "", "aucun montant : indiquez au moins les charges ou les produits prévus"],
      ],
    );
    assert.deepEqual(r.issues.filter((i) => i.severity === "avertissement").map((w) => [w.line, w.message]), [
      [11, "ligne de total ignorée (les totaux sont recalculés)"],
      [10, "ligne en double dans le fichier (même contenu que la ligne 4) : comptée une seule fois"],
    ]);
    const rows = await query(
      `SELECT source_line AS line, action, year, planned_costs AS costs, planned_income AS income,
         actual_costs AS actual FROM stg_budgets ORDER BY source_line`,
    );
    assert.deepEqual(rows, [
      { line: 4, action: "Animation globale", year: 2025, costs: 185400, income: 185400, actual: null },
      {
        line: 5,
        action: "Accueil de loisirs (ALSH)",
        year: 2025,
        costs: 92350.5,
        income: 88000,
        actual: 90120.75,
      },
      { line: 6, action: "Atelier couture", year: 2025, costs: 4200, income: 3900, actual: null },
    ]);
  });
});
