/**
 * FEC (fichier des écritures comptables) written from the decree's layout (art. A47 A-1 LPF): a
 * tab-separated UTF-8 file with Debit/Credit and a pipe-separated ISO-8859-15 file with
 * Montant/Sens, both carrying people's names in the entry and auxiliary-account labels.
 */
import assert from "node:assert/strict";
import { withInbox } from "../tests/support/with_inbox.ts";
import { fecDate } from "./finances_fec.ts";

const DIR = new URL("../tests/fixtures/finances/fec/", import.meta.url);
const NAMES = ["MARTIN", "Sandrine", "BENALI", "Karim", "Benali", "LEFEBVRE", "Lefebvre", "Marie-Hélène"];

/** The tables of the warehouse with a VARCHAR cell holding one of `needles`. */
async function tablesHolding(
  query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>,
  needles: readonly string[],
): Promise<string[]> {
  const columns = await query(
    `SELECT table_name, list(column_name) AS cols FROM information_schema.columns
     WHERE data_type = 'VARCHAR' AND table_schema = 'main' GROUP BY table_name`,
  );
  const found: string[] = [];
  for (const { table_name, cols } of columns) {
    const text = (cols as string[]).map((c) => `coalesce("${c}", '')`).join(" || chr(1) || ");
    const [{ n }] = await query(
      `SELECT count(*) AS n FROM "${table_name}" WHERE regexp_matches(${text}, $1)`,
      [needles.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|")],
    );
    if (Number(n) > 0) found.push(String(table_name));
  }
  return found;
}

Deno.test("FEC dates are AAAAMMJJ; an impossible day is refused", () => {
  assert.equal(fecDate("20240315"), "2024-03-15");
  assert.equal(fecDate("15/03/2024"), "2024-03-15");
  assert.equal(fecDate("20240431"), null);
});

Deno.test("a tab-separated FEC with Debit/Credit loads into the accounting entries, by class", async () => {
  await withInbox("fec_", async ({ ingest, query }) => {
    const bytes = await Deno.readFile(new URL("123456789FEC20241231.txt", DIR));
    const [r] = await ingest("123456789FEC20241231.txt", bytes);
    assert.deepEqual([r.kind, r.format, r.status], ["finances", "fec", "partial"]);
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [14, 12, 2]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column]),
      [[14, "EcritureDate"], [15, "Credit"]],
    );
    // No « colonne inconnue »: the 18 columns of the decree are all known.
    assert.deepEqual(r.issues.filter((i) => i.severity === "avertissement"), []);
    const [totals] = await query(
      `SELECT round(sum(debit - credit) FILTER (WHERE account_class = 'charge'), 2) AS charges,
              round(sum(credit - debit) FILTER (WHERE account_class = 'produit'), 2) AS produits,
              round(sum(debit) FILTER (WHERE account_class = 'contribution_nature'), 2) AS nature,
              count(*) FILTER (WHERE account_class = 'autre') AS bilan,
              min(entry_date)::VARCHAR AS first, max(fiscal_year) AS year
       FROM stg_accounting_entries`,
    );
    // 245,80 + 2 150,00 ; 36,50 + 70 123,45 ; 18 400 ; six balance-sheet lines.
    assert.deepEqual(
      [totals.charges, totals.produits, totals.nature, Number(totals.bilan), totals.first, totals.year],
      [2395.8, 70159.95, 18400, 6, "2024-01-01", 2024],
    );
    const labels = await query(
      "SELECT account, label FROM stg_accounting_entries WHERE account IN ('641100', '706300', '411000')",
    );
    assert.deepEqual(
      labels.map((l) => [l.account, l.label]).sort(),
      [["411000", null], ["641100", null], ["706300", "Participation des familles"]],
    );
  });
});

Deno.test("a pipe-separated ISO-8859-15 FEC with Montant/Sens: signs from D/C, names never stored", async () => {
  await withInbox("fec_sens_", async ({ ingest, query }) => {
    for (const name of ["123456789FEC20241231.txt", "987654321FEC20241231.txt"]) {
      await ingest(name, await Deno.readFile(new URL(name, DIR)));
    }
    const [r] = await ingest(
      "987654321FEC20241231.txt",
      await Deno.readFile(new URL("987654321FEC20241231.txt", DIR)),
    );
    assert.equal(r.status, "unchanged");
    const [load] = await query(
      "SELECT format, rows_loaded, rows_rejected FROM loads WHERE file_name = 'demo/987654321FEC20241231.txt'",
    );
    assert.deepEqual([load.format, load.rows_loaded, load.rows_rejected], ["fec-montant-sens", 4, 1]);
    const rows = await query(
      `SELECT account, debit, credit FROM stg_accounting_entries
       WHERE account IN ('606100', '756000', '530000') ORDER BY account`,
    );
    assert.deepEqual(rows.map((x) => [x.account, x.debit, x.credit]), [
      ["530000", 15, 0],
      ["606100", 312.4, 0],
      ["756000", 0, 15],
    ]);
    const [issue] = await query(
      "SELECT line, column_name AS col, message FROM load_issues WHERE severity = 'erreur' AND message LIKE 'sens%'",
    );
    assert.deepEqual([issue.line, issue.col], [6, "Sens"]);
    assert.deepEqual(await tablesHolding(query, NAMES), []);
    // The check itself finds what is there.
    assert.deepEqual(await tablesHolding(query, ["Participation des familles"]), ["stg_accounting_entries"]);
  });
});
