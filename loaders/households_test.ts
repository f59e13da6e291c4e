/**
 * Noethys `familles` ingested end to end: exact household rows (QF band, commune, children),
 * French messages with line and column, and no CAF number, e-mail or QF amount kept.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";

const KEY = new Uint8Array(32).fill(5);
const FIXTURE = new URL("../tests/fixtures/people/noethys_familles.csv", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n";
const NOETHYS_PEOPLE = [
  "IDindividu;IDfamille;nom;prenom;date_naiss;cp_resid;ville_resid;secteur",
  "10;101;Martin;Julie;14/05/1982;26100;Romans-sur-Isère;Centre ancien",
].join("\r\n") + "\r\n";
const PERSONAL = [
  "1234567",
  "7654321",
  "2223334",
  "5556667",
  "@example",
  "famille.martin",
  "dupont",
  "612,5",
  "612.5",
  "1 250",
  "1250",
];

Deno.test("Noethys familles: households with QF band and commune, nothing personal kept", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "households_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "demo"), { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  await Deno.writeFile(join(inbox, "demo", "familles.csv"), await Deno.readFile(FIXTURE));
  await Deno.writeFile(join(inbox, "demo", "individus.csv"), encodeText(NOETHYS_PEOPLE, "windows-1252"));
  const wh = await openWarehouse(":memory:");
  const query = (sql: string, params: unknown[] = []) => queryRows(wh.conn, sql, params);
  try {
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: KEY });
    const families = reports.find((r) => r.file === "demo/familles.csv")!;
    const people = reports.find((r) => r.file === "demo/individus.csv")!;

    await t.step("familles and individus are told apart", () => {
      assert.deepEqual([families.kind, families.format], ["households", "noethys-familles"]);
      assert.deepEqual([people.kind, people.format], ["people", "noethys-individus"]);
    });

    await t.step("title row skipped, the line without IDfamille rejected", () => {
      assert.equal(families.status, "partial");
      assert.deepEqual([families.rowsRead, families.rowsLoaded, families.rowsRejected], [6, 5, 1]);
    });

    await t.step("French messages with line and column", () => {
      assert.deepEqual(
        families.issues.map((i) => [i.line, i.column, i.severity, i.value, i.message]),
        [
          [
            6,
            "quotient",
            "avertissement",
            null,
            "nombre illisible (donnée personnelle, valeur non reproduite) : valeur laissée vide",
          ],
          [
            6,
            "cp",
            "avertissement",
            "26300",
            "code postal « 26300 » commun à 12 communes et ville absente : commune laissée vide",
          ],
          [7, "nbre_enfants", "avertissement", "deux", "« deux » n'est pas un nombre : valeur laissée vide"],
          [8, "IDfamille", "erreur", null, "valeur obligatoire manquante"],
        ],
      );
    });

    await t.step("exact household rows", async () => {
      const rows = await query(
        `SELECT source_line, structure_id, qf_band, commune_insee, children, length(household_ref) AS ref_length
         FROM stg_households WHERE load_id = $1 ORDER BY source_line`,
        [families.loadId],
      );
      const row = (
        source_line: number,
        qf_band: string | null,
        commune_insee: string | null,
        children: number | null,
      ) => ({
        source_line,
        structure_id: "demo",
        qf_band,
        commune_insee,
        children,
        ref_length: 20,
      });
      assert.deepEqual(rows, [
        row(3, "401-700", "26281", 2),
        row(4, "1001-1500", "26057", 3),
        row(5, null, "26362", 0),
        row(6, null, null, 1),
        row(7, "0-400", "26281", null),
      ]);
      const [{ n }] = await query("SELECT count(DISTINCT household_ref) AS n FROM stg_households");
      assert.equal(n, 5);
    });

    await t.step("no CAF number, e-mail or QF amount in any warehouse table", async () => {
      const tables = await query("SELECT table_name FROM duckdb_tables() ORDER BY 1");
      assert.ok(tables.some((r) => r.table_name === "stg_households"));
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
