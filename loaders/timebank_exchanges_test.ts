/**
 * Time-bank exchanges: a Windows-1252 export with a title row, blank lines, a totals row and
 * durations typed as HH:MM, 1h30 or 1,5; the rules of an exchange (a date, two different members,
 * more than 0 and at most 12 hours) reported with line and column; names never kept, and members
 * named or numbered in the exchanges link to the members list.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import { categoryOf } from "./timebank_exchanges.ts";

const KEY = new Uint8Array(32).fill(5);
const FIXTURES = new URL("../tests/fixtures/timebank/", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\naccorderie;L'Accorderie;EVS\n";

async function ingest(files: string[]) {
  const dir = await Deno.makeTempDir({ prefix: "timebank_exchanges_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "accorderie"), { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  for (const f of files) await Deno.copyFile(new URL(f, FIXTURES), join(inbox, "accorderie", f));
  const wh = await openWarehouse(":memory:");
  try {
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
    const rows = await queryRows(
      wh.conn,
      `SELECT source_line, CAST(exchange_date AS VARCHAR) AS exchange_date, giver_ref, receiver_ref, service,
         category, hours, exchange_ref FROM stg_timebank_exchanges ORDER BY source_line`,
    );
    const members = await queryRows(wh.conn, "SELECT member_ref FROM stg_timebank_members");
    const issues = await queryRows(wh.conn, "SELECT * FROM load_issues");
    return { reports, rows, members: members.map((m) => m.member_ref), issues };
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a Windows-1252 exchanges export: rules checked with line and column, names never kept", async () => {
  const { reports, rows, issues } = await ingest(["echanges_2024.csv"]);
  const [r] = reports.filter((x) => x.file === "accorderie/echanges_2024.csv");
  assert.equal(r.kind, "timebank_exchanges");
  assert.equal(r.format, "echanges-accorderie");
  assert.equal(r.status, "partial");
  assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [13, 6, 6, 1]);
  assert.deepEqual(
    r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.value, i.message]),
    [
      [
        8,
        "Accordeur qui reçoit",
        null,
        "l'accordeur qui offre est aussi celui qui reçoit : un échange se fait entre deux accordeurs",
      ],
      [9, "Durée", "00:00", "durée nulle : un échange compte au moins quelques minutes"],
      [
        10,
        "Durée",
        "14:00",
        "durée de plus de 12 h : un échange aussi long est sans doute une erreur de saisie ou plusieurs chèques temps",
      ],
      [11, "Date", null, "valeur obligatoire manquante"],
      [12, "Date", "31/02/2024", "« 31/02/2024 » : le 31 février 2024 n'existe pas"],
      [13, "Accordeur qui offre", null, "accordeur qui offre manquant : indiquez son nom ou son numéro"],
    ],
  );
  assert.deepEqual(
    r.issues.filter((i) => i.severity === "avertissement").map((i) => [i.line, i.column, i.message]),
    [
      [
        14,
        "Catégorie",
        "catégorie « Loisirs créatifs » inconnue : l'échange est classé « autre » (attendu : accompagnement, administratif, bien-être, bricolage, couture, cuisine, garde, informatique, jardinage, langues, ménage, soutien scolaire, transport, autre)",
      ],
      [18, null, "ligne de total ignorée (les totaux sont recalculés)"],
      [16, null, "ligne en double dans le fichier (même contenu que la ligne 4) : comptée une seule fois"],
    ],
  );
  assert.deepEqual(
    rows.map((x) => [x.source_line, x.exchange_date, x.service, x.category, x.hours]),
    [
      [4, "2024-01-08", "Aide pour remplir un dossier CAF", "administratif", 1.5],
      [5, "2024-01-15", "Réparation d'une chaise", "bricolage", 2],
      [6, "2024-01-22", "Ourlets d'un pantalon", "couture", 1.5],
      [7, "2024-02-05", "Confitures maison", "cuisine", 0.75],
      [14, "2024-03-11", "Initiation au tricot", "autre", 1.5],
      [15, "2024-03-18", "Réglages du smartphone", "informatique", 1.25],
    ],
  );
  // « 0034 » and « 34 » are one member; « Odile Lefèvre » and « LEFÈVRE Odile » too.
  assert.deepEqual([rows[0].giver_ref, rows[0].receiver_ref], [rows[1].receiver_ref, rows[1].giver_ref]);
  assert.deepEqual([rows[2].giver_ref, rows[2].receiver_ref], [rows[3].receiver_ref, rows[3].giver_ref]);
  assert.ok(rows.every((x) => x.giver_ref !== x.receiver_ref));
  assert.equal(new Set(rows.map((x) => x.exchange_ref)).size, 6);
  const stored = JSON.stringify([rows, issues]).toLowerCase();
  for (
    const name of ["dupont", "martine", "benali", "karim", "lefèvre", "odile", "roux", "jeanne", "lucie"]
  ) {
    assert.ok(!stored.includes(name), name);
  }
});

Deno.test("exchanges link to the members list by number or by name", async () => {
  const { reports, rows, members } = await ingest(["accordeurs.csv", "echanges_2024.csv"]);
  assert.deepEqual(reports.map((x) => [x.file, x.kind]), [
    ["structures.csv", "structures"],
    ["accorderie/accordeurs.csv", "timebank_members"],
    ["accorderie/echanges_2024.csv", "timebank_exchanges"],
  ]);
  const known = new Set(members);
  for (const x of rows) {
    assert.ok(known.has(x.giver_ref), `giver of line ${x.source_line}`);
    assert.ok(known.has(x.receiver_ref), `receiver of line ${x.source_line}`);
  }
});

Deno.test("exchanges in the Accorderie's words (Offreur, Demandeur, HH:MM) are recognised; negative, zero and self-exchanges refused on their line", async () => {
  const { reports, rows, issues } = await ingest(["echanges_offreur_demandeur.csv"]);
  const [r] = reports.filter((x) => x.file === "accorderie/echanges_offreur_demandeur.csv");
  assert.deepEqual([r.kind, r.format, r.status], ["timebank_exchanges", "echanges-accorderie", "partial"]);
  assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [8, 5, 3]);
  assert.deepEqual(r.issues.map((i) => [i.line, i.column, i.value, i.severity, i.message]), [
    [5, "Durée", "-01:00", "erreur", "« -01:00 » : une durée ne peut pas être négative"],
    [6, "Durée", "00:00", "erreur", "durée nulle : un échange compte au moins quelques minutes"],
    [
      7,
      "Demandeur",
      null,
      "erreur",
      "l'accordeur qui offre est aussi celui qui reçoit : un échange se fait entre deux accordeurs",
    ],
  ]);
  assert.deepEqual(rows.map((x) => [x.source_line, x.exchange_date, x.category, x.hours]), [
    [2, "2025-01-06", "administratif", 1.5],
    [3, "2025-01-13", "bricolage", 2],
    [4, "2025-01-20", "langues", 0.75],
    [8, "2025-02-17", "transport", 1.5],
    [9, "2025-02-24", "couture", 1.5],
  ]);
  // Offreur gives, Demandeur receives: line 2 and line 3 are the same two members, swapped.
  assert.deepEqual([rows[0].giver_ref, rows[0].receiver_ref], [rows[1].receiver_ref, rows[1].giver_ref]);
  const stored = JSON.stringify([rows, issues]).toLowerCase();
  for (const name of ["dupont", "martine", "benali", "karim", "lucie"]) {
    assert.ok(!stored.includes(name), name);
  }
});

Deno.test("category spellings", () => {
  const categories: [string, string | null][] = [
    ["Bricolage", "bricolage"],
    ["BRICOLAGE", "bricolage"],
    ["Informatique / numérique", "informatique"],
    ["Jardin", "jardinage"],
    ["Démarches administratives", "administratif"],
    ["Soutien scolaire", "soutien scolaire"],
    ["Covoiturage", "transport"],
    ["Loisirs créatifs", null],
  ];
  for (const [typed, category] of categories) assert.equal(categoryOf(typed), category, typed);
});
