import assert from "node:assert/strict";
import { join } from "node:path";
import { encodeText } from "../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../src/warehouse/connect.ts";
import { ingestPaths } from "../src/ingest/ingest_paths.ts";
import { testimoniesWorkbook } from "../tests/fixtures/partnerships/make_fixtures.ts";
import { parseDimensions } from "./testimonies.ts";

const KEY = new Uint8Array(32).fill(5);
const FIXTURES = new URL("../tests/fixtures/testimonies/", import.meta.url);
const REGISTRY = "Identifiant;Nom;Type\nsaint-nicolas;Maison de quartier Saint-Nicolas;Centre social\n" +
  "ors;Maison de quartier des Ors;Centre social\n";

/** Ingests `files` (path → bytes) with the registry into a fresh in-memory warehouse. */
async function ingest(files: Record<string, Uint8Array>) {
  const dir = await Deno.makeTempDir({ prefix: "testimonies_" });
  const wh = await openWarehouse(":memory:");
  try {
    await Deno.writeFile(join(dir, "structures.csv"), encodeText(REGISTRY, "utf-8"));
    for (const [path, bytes] of Object.entries(files)) {
      await Deno.mkdir(join(dir, path, ".."), { recursive: true });
      await Deno.writeFile(join(dir, path), bytes);
    }
    const reports = (await ingestPaths(wh.conn, { paths: [dir], key: KEY })).filter((r) =>
      r.kind === "testimonies"
    );
    const rows = await queryRows(
      wh.conn,
      `SELECT source_line, structure_id, CAST(testimony_date AS VARCHAR) AS date, text,
         array_to_string(dimensions, ';') AS dimensions, dimensions_unknown, consent, public
       FROM stg_testimonies ORDER BY structure_id, source_line`,
    );
    const loads = await queryRows(
      wh.conn,
      "SELECT CAST(period_start AS VARCHAR) AS s, CAST(period_end AS VARCHAR) AS e FROM loads WHERE kind = 'testimonies'",
    );
    return { reports, rows, loads };
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a workbook with a title: consent, redaction, inert text, French messages", async () => {
  const bytes = await Deno.readFile(new URL("paroles_habitants_2024.xlsx", FIXTURES));
  // The stored fixture is what the script builds.
  assert.deepEqual(bytes, await testimoniesWorkbook());
  const { reports, rows, loads } = await ingest({ "saint-nicolas/paroles_habitants_2024.xlsx": bytes });
  assert.equal(reports.length, 1);
  const [r] = reports;
  assert.equal(r.format, "recueil-temoignages");
  assert.equal(r.sheet, "Paroles 2024");
  assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate], [10, 6, 4, 0]);
  assert.deepEqual(r.issues.map((i) => [i.line, i.column, i.severity, i.message, i.value]), [
    [
      9,
      "Dimensions",
      "avertissement",
      "dimension « bonheur » inconnue (attendu : cohésion sociale, épanouissement, gouvernance, environnement, richesses produites) : conservée à part",
      "environnement; bonheur",
    ],
    [
      11,
      "Date",
      "erreur",
      "« pas de date » n'est pas une date reconnue (format attendu : jj/mm/aaaa)",
      "pas de date",
    ],
    [12, "Consentement", "erreur", "« peut-être » n'est ni « oui » ni « non »", "peut-être"],
    [13, "Témoignage", "erreur", "valeur obligatoire manquante", null],
    [14, "Consentement", "erreur", "valeur obligatoire manquante", null],
  ]);
  assert.deepEqual(rows, [
    {
      source_line: 4,
      structure_id: "saint-nicolas",
      date: "2024-03-05",
      text: "Moi c'est [prénom], je viens à la couture depuis deux ans : ici je me sens utile.",
      dimensions: "cohesion_sociale;epanouissement",
      dimensions_unknown: null,
      consent: true,
      public: "45-59 ans",
    },
    {
      source_line: 5,
      structure_id: "saint-nicolas",
      date: "2024-03-12",
      text: "Grâce à [nom] j'ai trouvé un stage. [prénom] remercie toute l'équipe, [prénom] aussi.",
      dimensions: "gouvernance;richesses_produites",
      dimensions_unknown: null,
      consent: true,
      public: "60 ans et plus",
    },
    {
      source_line: 6,
      structure_id: "saint-nicolas",
      date: "2024-03-19",
      // A formula-like cell is plain text, stored as typed.
      text: "=SOMME(A1)",
      dimensions: "epanouissement",
      dimensions_unknown: null,
      consent: true,
      public: null,
    },
    {
      source_line: 7,
      structure_id: "saint-nicolas",
      date: "2024-04-02",
      // HTML is stored as typed: pages must escape it.
      text: "<b>Super</b> sortie au Vercors <script>alert(1)</script>",
      dimensions: "cohesion_sociale;environnement",
      dimensions_unknown: null,
      consent: true,
      public: "Famille",
    },
    {
      source_line: 8,
      structure_id: "saint-nicolas",
      date: "2024-04-09",
      text: null, // no consent: the line is kept and counted, its text is not
      dimensions: "cohesion_sociale",
      dimensions_unknown: null,
      consent: false,
      public: "30-44 ans",
    },
    {
      source_line: 9,
      structure_id: "saint-nicolas",
      date: "2024-04-16",
      text: "Le jardin m'a redonné confiance, merci.",
      dimensions: "environnement",
      dimensions_unknown: "bonheur",
      consent: true,
      public: null,
    },
  ]);
  assert.deepEqual(loads, [{ s: "2024-03-05", e: "2024-04-16" }]);
  // Neither the authors nor the refused text reach the report or the warehouse.
  const everything = JSON.stringify([r, rows]);
  for (
    const name of ["Fatima", "Jean-Pierre", "JEAN-PIERRE", "Martin", "Nadia", "Rosa", "Omar", "Ali", "Karim"]
  ) {
    assert.ok(!everything.includes(name), name);
  }
  assert.ok(!everything.includes("reste entre nous"));
});

Deno.test("a UTF-8 CSV with BOM and commas: author's name in any spelling, leading + - @", async () => {
  const bytes = await Deno.readFile(new URL("temoignages_numerique.csv", FIXTURES));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const { reports, rows } = await ingest({ "ors/temoignages_numerique.csv": bytes });
  assert.deepEqual([reports[0].rowsLoaded, reports[0].rowsRejected, reports[0].issues.length], [4, 0, 0]);
  assert.deepEqual(rows.map((x) => [x.source_line, x.text, x.dimensions, x.consent, x.public]), [
    [
      2,
      "[prénom] : « les ateliers numériques, ça m'a changé la vie »",
      "epanouissement;richesses_produites",
      true,
      "Seniors",
    ],
    [3, "+33 6 00 00 00 00 : appelez-moi, [prénom]", "cohesion_sociale", true, "Seniors"],
    [4, "-_- trop bien, signé [prénom]", "", true, "Jeunes"],
    [5, "@tout le monde : merci à [nom]", "gouvernance", true, null],
  ]);
});

Deno.test("dimensions: separators, accents and case, unknown labels kept apart", () => {
  assert.deepEqual(parseDimensions("Cohésion sociale; ÉPANOUISSEMENT / gouvernance, Environnement"), {
    codes: ["cohesion_sociale", "epanouissement", "gouvernance", "environnement"],
    unknown: [],
  });
  assert.deepEqual(parseDimensions("richesses produites et cohesion sociale ; cohésion sociale"), {
    codes: ["richesses_produites", "cohesion_sociale"],
    unknown: [],
  });
  assert.deepEqual(parseDimensions("bonheur; Lien social"), {
    codes: ["cohesion_sociale"],
    unknown: ["bonheur"],
  });
  assert.deepEqual(parseDimensions(null), { codes: [], unknown: [] });
});
