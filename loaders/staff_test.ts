/**
 * Salaried staff and FTE: names only become a pseudonym; ETP typed as 0,8, 80 %, 100% or 1;
 * contracts in their many spellings; lines that cannot be a contract rejected with line and column.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { buildWorkbook, dateCell, textCell } from "../src/sample/xlsx.ts";
import { dayOf } from "../src/sample/calendar.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import { contractOf, fteOf } from "./staff.ts";
import { withInbox } from "../tests/support/with_inbox.ts";

const KEY = new Uint8Array(32).fill(5);
const FIXTURE = new URL("../tests/fixtures/staff/salaries_2025.csv", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n";

async function ingestOne(name: string, bytes: Uint8Array) {
  const dir = await Deno.makeTempDir({ prefix: "staff_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "demo"), { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  await Deno.writeFile(join(inbox, "demo", name), bytes);
  const wh = await openWarehouse(":memory:");
  try {
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
    const rows = await queryRows(
      wh.conn,
      `SELECT source_line, staff_ref, role, contract, fte, CAST(start_date AS VARCHAR) AS start_date,
         CAST(end_date AS VARCHAR) AS end_date, funding FROM stg_staff ORDER BY source_line`,
    );
    const issues = await queryRows(wh.conn, "SELECT * FROM load_issues");
    return { reports: reports.filter((r) => r.file === `demo/${name}`), rows, issues };
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a Windows-1252 staff table: FTE, contracts and dates checked, names never kept", async () => {
  const bytes = await Deno.readFile(FIXTURE);
  const { reports: [r], rows, issues } = await ingestOne("salaries_2025.csv", bytes);
  assert.equal(r.kind, "staff");
  assert.equal(r.format, "tableau-personnel");
  assert.equal(r.status, "partial");
  assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [15, 9, 5, 1]);
  assert.deepEqual(
    r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.message]),
    [
      [10, "ETP", "ETP « 1,2 » supérieur à 1 : une ligne par contrat, un temps plein vaut 1"],
      [
        11,
        "ETP",
        "ETP « 80 » supérieur à un temps plein : écrivez un ETP entre 0 et 1 (0,8) ou un pourcentage (80 %)",
      ],
      [
        12,
        "Type de contrat",
        "type de contrat « Intérim » inconnu (attendu : CDI, CDD, contrat aidé, apprentissage, contrat de professionnalisation, CEE, mise à disposition)",
      ],
      [13, "ETP", "ETP « 0 » : un poste a un ETP supérieur à 0"],
      [14, "Date de sortie", "la date de sortie est avant la date d'entrée"],
    ],
  );
  assert.deepEqual(r.issues.filter((i) => i.severity === "avertissement").map((i) => [i.line, i.message]), [
    [18, "ligne de total ignorée (les totaux sont recalculés)"],
    [16, "ligne en double dans le fichier (même contenu que la ligne 4) : comptée une seule fois"],
  ]);
  assert.deepEqual(
    rows.map((x) => [x.source_line, x.role, x.contract, x.fte, x.start_date, x.end_date, x.funding]),
    [
      [2, "Directrice", "CDI", 1, "2015-09-01", null, null],
      [3, "Animateur jeunesse", "CDI", 0.8, "2019-03-15", null, "FONJEP"],
      [4, "Référente familles", "CDI", 0.8, "2020-01-02", null, null],
      [5, "Médiateur", "contrat aidé", 1, "2022-06-01", "2025-05-31", "poste adulte-relais"],
      [6, "Agente d'accueil", "contrat aidé", 0.57, "2024-10-01", "2025-09-30", "État (PEC)"],
      [7, "Animateur ALSH", "CEE", 0.5, "2025-07-07", "2025-08-29", null],
      [8, "Apprentie BPJEPS", "apprentissage", 0.5, "2025-09-01", null, null],
      [9, "Comptable", "mise à disposition", 0.2, "2023-01-01", null, null],
      [17, "Agente d'accueil", "CDI", 0.57, "2025-10-01", null, null],
    ],
  );
  // One person, two contracts: one pseudonym; nine rows, eight people.
  assert.equal(rows[4].staff_ref, rows[8].staff_ref);
  assert.equal(new Set(rows.map((x) => x.staff_ref)).size, 8);
  assert.match(String(rows[0].staff_ref), /^[A-Za-z0-9_-]{20}$/);
  const stored = JSON.stringify([rows, issues]).toLowerCase();
  for (const name of ["durand", "hélène", "diaye", "martin", "roux", "petit", "simon"]) {
    assert.ok(!stored.includes(name), name);
  }
});

Deno.test("an Excel staff table: percentage cells, real dates, text dates, a full name column", async () => {
  const workbook = await buildWorkbook([{
    name: "Salariés",
    rows: [
      ["Effectif salarié au 31/12/2025", null, null, null, null, null],
      [null, null, null, null, null, null],
      ["Nom et prénom", "Fonction", "Contrat", "Équivalent temps plein", "Date d'embauche", "Fin de contrat"],
      ["Hélène DURAND", "Directrice", "CDI", 1, dateCell(dayOf(2015, 9, 1)), null],
      [
        "Moussa N’DIAYE",
        "Animateur",
        "CDD remplacement",
        { value: 0.6, type: Number, format: "0%" },
        textCell("01/02/2025"),
        dateCell(dayOf(2025, 7, 31)),
      ],
      [
        "Lucie BERNARD",
        "Apprentie",
        "Contrat d'apprentissage",
        textCell("50%"),
        dateCell(dayOf(2025, 9, 1)),
        null,
      ],
    ],
  }]);
  const { reports: [r], rows } = await ingestOne("effectif.xlsx", workbook);
  assert.equal(r.status, "loaded");
  assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [3, 3, 0]);
  assert.deepEqual(rows.map((x) => [x.source_line, x.contract, x.fte, x.start_date, x.end_date]), [
    [4, "CDI", 1, "2015-09-01", null],
    [5, "CDD", 0.6, "2025-02-01", "2025-07-31"],
    [6, "apprentissage", 0.5, "2025-09-01", null],
  ]);
});

Deno.test("FTE and contract spellings", () => {
  const ftes: [string, number][] = [["1", 1], ["0,5", 0.5], ["0.75", 0.75], ["50 %", 0.5], ["100%", 1], [
    "28,57 %",
    0.2857,
  ]];
  for (const [typed, fte] of ftes) assert.deepEqual(fteOf(typed), { fte }, typed);
  assert.deepEqual(fteOf("mi-temps"), {
    reason: "ETP « mi-temps » illisible : écrivez par exemple 0,5 ou 50 %",
  });
  assert.ok("reason" in fteOf("120 %"));
  const contracts: [string, string | null][] = [
    ["CDI", "CDI"],
    ["c.d.i.", "CDI"],
    ["CDI intermittent", "CDI"],
    ["CDD d'usage", "CDD"],
    ["CDD remplacement", "CDD"],
    ["Contrat aidé (PEC)", "contrat aidé"],
    ["PEC", "contrat aidé"],
    ["CUI-CAE", "contrat aidé"],
    ["Adulte-relais", "contrat aidé"],
    ["Apprenti", "apprentissage"],
    ["Contrat pro", "contrat de professionnalisation"],
    ["CEE", "CEE"],
    ["Mise à dispo", "mise à disposition"],
    ["MAD (commune)", "mise à disposition"],
    ["Stage", null],
  ];
  for (const [typed, contract] of contracts) assert.equal(contractOf(typed), contract, typed);
});

/** Staff list A of a structure, then the corrected list B of the same year without one line. */
const STAFF_A = [
  "Nom;Prénom;Poste;Type de contrat;ETP;Date d'entrée;Date de sortie",
  "DURAND;Hélène;Directrice;CDI;1;01/09/2015;",
  "MARTIN;Julie;Référente familles;CDI;0,8;02/01/2020;",
  "ROUX;Marc;Animateur;CDD;0,5;01/03/2025;31/08/2025",
];
const STAFF_B = [STAFF_A[0], STAFF_A[2].replace("0,8", "1"), STAFF_A[3]];
const staffCsv = (lines: string[]) => encodeText(lines.join("\r\n") + "\r\n", "utf-8");

// A staff list is the structure's register (`replaceScope`): B replaces A whole, the two lines
// it shares are updated by key and the director it no longer lists is removed.
Deno.test({
  name: "a corrected staff list replaces the earlier list of the structure whole",
  fn: async () => {
    await withInbox("staff_snapshot_", async ({ ingest, query }) => {
      const [a] = await ingest("salaries_a.csv", staffCsv(STAFF_A));
      const [b] = await ingest("salaries_b.csv", staffCsv(STAFF_B));
      assert.deepEqual(b.superseded, [a.loadId]);
      assert.equal(b.rowsReplaced, 3);
      assert.deepEqual(await query("SELECT role FROM stg_staff ORDER BY role"), [
        { role: "Animateur" },
        { role: "Référente familles" },
      ]);
    });
  },
});
