/**
 * Labelled people exports of management software (AIGA/iNoé, Arpège/Concerto), ingested end to
 * end: detection beside Noethys individus and sign-in sheets, exact minimised rows, French
 * messages with line and column, and no name, birth date, address, e-mail or CAF number kept.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";

const KEY = new Uint8Array(32).fill(3);
const FIXTURE = new URL("../tests/fixtures/people/aiga_adherents_2024.csv", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\nautre;EVS Autre;EVS\n";
const NOETHYS = [
  "IDindividu;IDfamille;nom;prenom;date_naiss;cp_resid;ville_resid;secteur",
  "10;1;Martin;Julie;14/05/1982;26100;Romans-sur-Isère;Centre ancien",
  "11;1;Martin;Léo;02/02/2012;26100;Romans-sur-Isère;Centre ancien",
].join("\r\n") + "\r\n";
const SHEET = [
  "Date;Nom;Prénom;Année de naissance;Quartier;Atelier;Durée",
  "04/03/2024;MARTIN;Julie;1982;Centre ancien;Couture;2",
].join("\r\n") + "\r\n";

/** Strings of the fixture that must never reach the warehouse (lower case). */
const PERSONAL = [
  "martin",
  "julie",
  "diaye",
  "moussa",
  "lefèvre",
  "lefevre",
  "hélène",
  "durand",
  "garcia",
  "inès",
  "chloé",
  "14/05/1982",
  "1982-05-14",
  "03/11/2015",
  "2015-11-03",
  "22/07/1975",
  "1975-07-22",
  "jacquemart",
  "tilleuls",
  "champ de mars",
  "chemin des vignes",
  "rue neuve",
  "impasse des lilas",
  "1234567",
  "7654321",
  "2223334",
  "9990001",
  "@example",
  "612,50",
  "612.5",
];

async function ingestInbox() {
  const dir = await Deno.makeTempDir({ prefix: "people_labelled_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "demo"), { recursive: true });
  await Deno.mkdir(join(inbox, "autre"), { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  await Deno.writeFile(join(inbox, "demo", "adherents_2024.csv"), await Deno.readFile(FIXTURE));
  await Deno.writeFile(join(inbox, "demo", "emargement.csv"), encodeText(SHEET, "windows-1252"));
  await Deno.writeFile(join(inbox, "autre", "individus.csv"), encodeText(NOETHYS, "windows-1252"));
  const wh = await openWarehouse(":memory:");
  const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
  return { dir, wh, reports };
}

Deno.test("labelled people export: detection, minimised rows, French messages, nothing personal kept", async (t) => {
  const { dir, wh, reports } = await ingestInbox();
  const query = (sql: string, params: unknown[] = []) => queryRows(wh.conn, sql, params);
  const report = (file: string) => {
    const found = reports.filter((r) => r.file === file);
    assert.equal(found.length, 1, file);
    return found[0];
  };
  try {
    await t.step("Noethys individus, a sign-in sheet and a labelled export each get their format", () => {
      assert.deepEqual(
        ["autre/individus.csv", "demo/emargement.csv", "demo/adherents_2024.csv"].map((f) => {
          const r = report(f);
          return [r.kind, r.format];
        }),
        [
          ["people", "noethys-individus"],
          ["attendance", "feuille-emargement"],
          ["people", "logiciel-gestion-individus"],
        ],
      );
    });

    const labelled = report("demo/adherents_2024.csv");

    await t.step("the title row is skipped; one row rejected, the others loaded", () => {
      assert.equal(labelled.status, "partial");
      assert.deepEqual([labelled.rowsRead, labelled.rowsLoaded, labelled.rowsRejected], [6, 5, 1]);
    });

    await t.step("French messages name the line and the user's column, never a personal value", () => {
      assert.deepEqual(
        labelled.issues.map((i) => [i.line, i.column, i.severity, i.value, i.message]),
        [
          [
            5,
            "Date de naissance",
            "avertissement",
            null,
            "date illisible ou impossible (donnée personnelle, valeur non reproduite) : valeur laissée vide",
          ],
          [
            5,
            "Quotient familial",
            "avertissement",
            null,
            "nombre illisible (donnée personnelle, valeur non reproduite) : valeur laissée vide",
          ],
          [
            6,
            "Code postal",
            "avertissement",
            "26300",
            "code postal « 26300 » commun à 12 communes et ville absente : commune laissée vide",
          ],
          [7, "Nom", "erreur", null, "valeur obligatoire manquante"],
          [8, "Sexe", "avertissement", "X", "sexe « X » non reconnu (F ou H attendu) : laissé vide"],
          [
            8,
            "Ville",
            "avertissement",
            null,
            "ville non reconnue et code postal absent ou inconnu : commune laissée vide",
          ],
        ],
      );
    });

    await t.step("exact minimised rows: birth year, sex, commune, QPV flag, QF band", async () => {
      const rows = await query(
        `SELECT source_line, birth_year, sex, postcode, commune_insee, lives_in_qpv, qf_band,
           person_key = person_ref AS unlinked
         FROM stg_people WHERE load_id = $1 ORDER BY source_line`,
        [labelled.loadId],
      );
      assert.deepEqual(rows, [
        {
          source_line: 3,
          birth_year: 1982,
          sex: "F",
          postcode: "26100",
          commune_insee: "26281",
          lives_in_qpv: true,
          qf_band: "401-700",
          unlinked: false,
        },
        {
          source_line: 4,
          birth_year: 2015,
          sex: "H",
          postcode: "26300",
          commune_insee: "26088",
          lives_in_qpv: null,
          qf_band: "1001-1500",
          unlinked: false,
        },
        {
          source_line: 5,
          birth_year: null,
          sex: "F",
          postcode: "26000",
          commune_insee: "26362",
          lives_in_qpv: true,
          qf_band: null,
          unlinked: true,
        },
        {
          source_line: 6,
          birth_year: null,
          sex: "H",
          postcode: "26300",
          commune_insee: null,
          lives_in_qpv: null,
          qf_band: "> 1500",
          unlinked: true,
        },
        {
          source_line: 8,
          birth_year: 1975,
          sex: null,
          postcode: "26999",
          commune_insee: null,
          lives_in_qpv: null,
          qf_band: "401-700",
          unlinked: false,
        },
      ]);
    });

    await t.step("same person_key as Noethys for the same name and birth date", async () => {
      const rows = await query(
        `SELECT structure_id, source_line, person_key FROM stg_people
         WHERE structure_id IN ('demo', 'autre') AND (source_line = 3 AND load_id = $1 OR structure_id = 'autre')
         ORDER BY structure_id DESC, source_line`,
        [labelled.loadId],
      );
      assert.deepEqual(rows.map((r) => [r.structure_id, r.source_line]), [["demo", 3], ["autre", 2], [
        "autre",
        3,
      ]]);
      assert.equal(rows[0].person_key, rows[1].person_key);
      assert.notEqual(rows[0].person_key, rows[2].person_key);
      // The Noethys people of Romans get their commune too.
      const [{ communes }] = await query(
        "SELECT list(DISTINCT commune_insee) AS communes FROM stg_people WHERE structure_id = 'autre'",
      );
      assert.deepEqual(communes, ["26281"]);
    });

    await t.step("no name, birth date, address, e-mail or CAF number in any warehouse table", async () => {
      const tables = await query("SELECT table_name FROM duckdb_tables() ORDER BY 1");
      assert.ok(tables.some((r) => r.table_name === "load_issues"));
      for (const { table_name } of tables) {
        const text = JSON.stringify(await query(`SELECT * FROM "${table_name}"`)).toLowerCase();
        for (const s of PERSONAL) assert.ok(!text.includes(s), `« ${s} » found in ${table_name}`);
      }
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
