/**
 * Time-bank members: a UTF-8 BOM list with a title row, a blank line and a totals row; sexes and
 * income bands in their many spellings; names only become a pseudonym, never stored.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import { incomeBandOf, memberNumberOf, nameKey, sexOf } from "./timebank_members.ts";

const KEY = new Uint8Array(32).fill(5);
const FIXTURE = new URL("../tests/fixtures/timebank/accordeurs.csv", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\naccorderie;L'Accorderie;EVS\n";

Deno.test("a members list: title, blank and totals rows skipped, bad lines rejected, names never kept", async () => {
  const dir = await Deno.makeTempDir({ prefix: "timebank_members_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "accorderie"), { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  await Deno.copyFile(FIXTURE, join(inbox, "accorderie", "accordeurs.csv"));
  const wh = await openWarehouse(":memory:");
  try {
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
    const [r] = reports.filter((x) => x.file === "accorderie/accordeurs.csv");
    assert.equal(r.kind, "timebank_members");
    assert.equal(r.format, "adherents-accorderie");
    assert.equal(r.status, "partial");
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [11, 8, 2, 1]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.value, i.message]),
      [
        [10, "Nom", null, "accordeur sans nom ni numéro : impossible de l'identifier"],
        [12, "Année de naissance", null, "année de naissance invalide"],
      ],
    );
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "avertissement").map((i) => [i.line, i.column, i.message]),
      [
        [8, "Sexe", "sexe « ? » non reconnu (attendu : F, H ou autre) : laissé vide"],
        [11, "Date d'adhésion", "« 31/13/2024 » : le mois 13 n'existe pas : valeur laissée vide"],
        [15, null, "ligne de total ignorée (les totaux sont recalculés)"],
        [13, null, "ligne en double dans le fichier (même contenu que la ligne 4) : comptée une seule fois"],
      ],
    );
    const rows = await queryRows(
      wh.conn,
      `SELECT source_line, member_ref, CAST(joined_on AS VARCHAR) AS joined_on, sex, birth_year, income_band,
         neighbourhood, lives_in_qpv FROM stg_timebank_members ORDER BY source_line`,
    );
    assert.deepEqual(
      rows.map((x) => [
        x.source_line,
        x.joined_on,
        x.sex,
        x.birth_year,
        x.income_band,
        x.neighbourhood,
        x.lives_in_qpv,
      ]),
      [
        [3, "2019-03-15", "F", 1958, "Moins de 800 €", "La Monnaie", true],
        [4, "2021-09-02", "H", 1987, "1200 - 1800 €", "Les Balmes", false],
        [5, "2023-01-10", "F", 2001, "800 à 1200 €", "Centre ancien", true],
        [6, "2018-05-05", "F", 1949, null, "Jacquemart", false],
        [7, "2020-11-20", "F", 1972, "Plus de 1800 €", null, null],
        [8, "2024-02-01", null, 1995, null, "La Presle", false],
        [9, "2024-03-01", "H", 1980, null, "Les Ors", false],
        [11, null, "H", 1999, null, null, null],
      ],
    );
    assert.equal(new Set(rows.map((x) => x.member_ref)).size, 8);
    assert.ok(rows.every((x) => /^[A-Za-z0-9_-]{20}$/.test(String(x.member_ref))));
    const stored = JSON.stringify([rows, await queryRows(wh.conn, "SELECT * FROM load_issues")])
      .toLowerCase();
    for (
      const name of ["dupont", "martine", "benali", "karim", "lefèvre", "odile", "garnier", "sophie", "blanc"]
    ) {
      assert.ok(!stored.includes(name), name);
    }
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("member numbers, names, sexes and income bands as typed", () => {
  assert.equal(memberNumberOf(" 0042 "), "42");
  assert.equal(memberNumberOf("a-17"), "A-17");
  assert.equal(nameKey("DUPONT", "Martine"), nameKey("Martine Dupont"));
  assert.equal(nameKey("Lefèvre  Odile"), nameKey("ODILE", "LEFEVRE"));
  assert.notEqual(nameKey("Martin Lucie"), nameKey("Martine Lucie"));
  const sexes: [string, string | null][] = [
    ["F", "F"],
    ["femme", "F"],
    ["Féminin", "F"],
    ["H", "H"],
    ["M", "H"],
    ["Homme", "H"],
    ["autre", "autre"],
    ["?", null],
  ];
  for (const [typed, sex] of sexes) assert.equal(sexOf(typed), sex, typed);
  const bands: [string, string | null][] = [
    ["moins de 800€", "Moins de 800 €"],
    ["1 200 – 1 800 €", "1200 - 1800 €"],
    ["1200-1800 euros", "1200 - 1800 €"],
    ["  RSA / minima sociaux ", "RSA / minima sociaux"],
    ["  ", null],
  ];
  for (const [typed, band] of bands) assert.equal(incomeBandOf(typed), band, typed);
});
