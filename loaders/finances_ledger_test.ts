/**
 * Analytic general ledgers: a Windows-1252 export (title row, non-breaking spaces in amounts, a
 * blank line, « Total général », a line really repeated, impossible lines) and a workbook giving
 * only the fiscal year.
 */
import { withInbox } from "../tests/support/with_inbox.ts";
import assert from "node:assert/strict";
import { encodeText } from "../src/sample/csv.ts";
import { buildWorkbook } from "../src/sample/xlsx.ts";
import { accountClassOf, publishableLabel } from "./finances_ledger.ts";

const FIXTURE = new URL("../tests/fixtures/finances/grand_livre_2024.csv", import.meta.url);

Deno.test("account classes follow the associations' chart of accounts", () => {
  assert.deepEqual(
    ["641100", "606", "706300", "741000", "864000", "870000", "871", "860", "512000", "401", "890"].map(
      accountClassOf,
    ),
    [
      "charge",
      "charge",
      "produit",
      "produit",
      "contribution_nature",
      "contribution_nature",
      "contribution_nature",
      "contribution_nature",
      "autre",
      "autre",
      "autre",
    ],
  );
});

Deno.test("a ledger export: entries kept with their class, impossible lines rejected with line and column", async () => {
  await withInbox("finances_ledger_", async ({ ingest, query }) => {
    const [r] = await ingest("grand_livre_2024.csv", await Deno.readFile(FIXTURE));
    assert.equal(r.kind, "finances");
    assert.equal(r.format, "grand-livre-analytique");
    assert.equal(r.status, "partial");
    // Lines 8 and 9 are the same purchase typed twice: two entries, not a duplicate.
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [12, 8, 4, 0]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((e) => [e.line, e.column, e.value, e.message]),
      [
        [
          11,
          "Crédit",
          "10,00",
          "débit (10,00 €) et crédit (10,00 €) renseignés sur la même ligne : une écriture est soit au débit, soit au crédit",
        ],
        [
          12,
          "Compte",
          "60A3",
          "numéro de compte « 60A3 » invalide : 3 à 8 chiffres attendus (par exemple 606100)",
        ],
        [
          13,
          "Débit",
          "-12,50",
          "un montant ne peut pas être négatif : saisissez-le dans l'autre colonne (débit ou crédit, charges ou produits)",
        ],
        [15, "Date", "30/02/2024", "« 30/02/2024 » : le 30 février 2024 n'existe pas"],
      ],
    );
    assert.deepEqual(r.issues.filter((i) => i.severity === "avertissement").map((w) => [w.line, w.message]), [
      [16, "ligne de total ignorée (les totaux sont recalculés)"],
    ]);
    const rows = await query(
      `SELECT source_line AS line, CAST(entry_date AS VARCHAR) AS day, fiscal_year AS fy, account,
         account_class AS class, debit, credit, section
       FROM stg_accounting_entries ORDER BY source_line`,
    );
    assert.deepEqual(rows, [
      {
        line: 3,
        day: "2024-01-15",
        fy: 2024,
        account: "641100",
        class: "charge",
        debit: 12345.67,
        credit: 0,
        section: "Animation globale",
      },
      {
        line: 4,
        day: "2024-01-31",
        fy: 2024,
        account: "706300",
        class: "produit",
        debit: 0,
        credit: 1250,
        section: "ALSH",
      },
      {
        line: 5,
        day: "2024-03-15",
        fy: 2024,
        account: "741000",
        class: "produit",
        debit: 0,
        credit: 70123.45,
        section: "Animation globale",
      },
      {
        line: 6,
        day: "2024-12-31",
        fy: 2024,
        account: "864000",
        class: "contribution_nature",
        debit: 3520,
        credit: 0,
        section: "ACF",
      },
      {
        line: 7,
        day: "2024-12-31",
        fy: 2024,
        account: "870000",
        class: "contribution_nature",
        debit: 0,
        credit: 3520,
        section: "ACF",
      },
      {
        line: 8,
        day: "2024-02-12",
        fy: 2024,
        account: "606300",
        class: "charge",
        debit: 45.9,
        credit: 0,
        section: "Couture",
      },
      {
        line: 9,
        day: "2024-02-12",
        fy: 2024,
        account: "606300",
        class: "charge",
        debit: 45.9,
        credit: 0,
        section: "Couture",
      },
      {
        line: 14,
        day: "2024-02-23",
        fy: 2024,
        account: "512000",
        class: "autre",
        debit: 0,
        credit: 1000,
        section: null,
      },
    ]);
    const [load] = await query(
      "SELECT CAST(period_start AS VARCHAR) AS s, CAST(period_end AS VARCHAR) AS e FROM loads WHERE load_id = $1",
      [r.loadId],
    );
    assert.deepEqual(load, { s: "2024-01-15", e: "2024-12-31" });
  });
});

Deno.test("a corrected ledger sent again replaces the first, repeated lines kept, nothing doubled", async () => {
  await withInbox("finances_ledger_", async ({ ingest, query }) => {
    const bytes = await Deno.readFile(FIXTURE);
    const [first] = await ingest("grand_livre_2024.csv", bytes);
    const text = new TextDecoder("windows-1252").decode(bytes).replace("12\u00a0345,67", "12\u00a0345,76");
    const [second] = await ingest("grand_livre_2024 (corrigé).csv", encodeText(text, "windows-1252"));
    assert.deepEqual([second.rowsLoaded, second.rowsReplaced], [8, 7]);
    assert.deepEqual(second.superseded, [first.loadId]);
    const [{ n, debit }] = await query(
      "SELECT count(*) AS n, sum(debit) AS debit FROM stg_accounting_entries",
    );
    assert.deepEqual([Number(n), Math.round(Number(debit) * 100) / 100], [8, 15957.56]);
  });
});

Deno.test("a ledger workbook with only the fiscal year: numeric accounts, « 2023/2024 » exercise", async () => {
  await withInbox("finances_ledger_", async ({ ingest, query }) => {
    const workbook = await buildWorkbook([{
      name: "Grand livre",
      rows: [
        ["Grand livre analytique", null, null, null, null, null],
        ["Exercice", "N° compte", "Libellé écriture", "Code analytique", "Montant débit", "Montant crédit"],
        ["2023/2024", 641100, "Salaires", "AG", 20000.5, null],
        ["2023/2024", 741000, "PS CAF animation globale", "AG", null, 68000],
        ["2023/2024", 860000, "Mise à disposition de locaux", "AG", 4800, null],
        ["2023/2024", 12, "Compte trop court", "AG", 1, null],
        ["2023/2024", 606300, "Sans montant", "AG", null, null],
        [null, 606300, "Sans exercice", "AG", 10, null],
        ["Total général", null, null, null, 24811.5, 68000],
      ],
    }]);
    const [r] = await ingest("grand_livre.xlsx", workbook);
    assert.equal(r.format, "grand-livre-analytique");
    assert.equal(r.sheet, "Grand livre");
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [6, 3, 3]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((e) => [e.line, e.column, e.message]),
      [
        [6, "N° compte", "numéro de compte « 12 » invalide : 3 à 8 chiffres attendus (par exemple 606100)"],
        [7, "Montant débit", "ni débit ni crédit : ligne sans montant"],
        [8, "date", "ni date ni exercice : indiquez la date de l'écriture ou l'exercice"],
      ],
    );
    const rows = await query(
      `SELECT entry_date, fiscal_year AS fy, account, account_class AS class, debit, credit
       FROM stg_accounting_entries ORDER BY source_line`,
    );
    assert.deepEqual(rows, [
      { entry_date: null, fy: 2024, account: "641100", class: "charge", debit: 20000.5, credit: 0 },
      { entry_date: null, fy: 2024, account: "741000", class: "produit", debit: 0, credit: 68000 },
      { entry_date: null, fy: 2024, account: "860000", class: "contribution_nature", debit: 4800, credit: 0 },
    ]);
  });
});

Deno.test("ledger labels that may name people are dropped or masked", () => {
  assert.equal(publishableLabel("641100", "Salaire mars Dupont Jean"), null);
  assert.equal(publishableLabel("625100", "Remboursement frais Martin"), null);
  assert.equal(
    publishableLabel("606300", "Fournitures atelier, facture de Mme Martin"),
    "Fournitures atelier, facture de [nom]",
  );
  assert.equal(publishableLabel("706000", null), null);
});
