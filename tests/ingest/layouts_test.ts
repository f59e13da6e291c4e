/**
 * End to end: a volunteering sheet of a layout no loader knows (`Bénévole ID;Jour;Nb heures;Pôle`
 * and a `STRUCT` column coded `A3`) is refused without a « correspondance », loads with the
 * example mapping shipped in data/correspondances/, and a bad mapping refuses the files it fits
 * while the other files load.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { reportJson } from "../../src/ingest/load_report.ts";
import { reportText } from "../../src/ingest/report_text.ts";
import { PROJECT_ROOT } from "../../src/paths.ts";
import { pseudonym } from "../../src/privacy/pseudonymise.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const KEY = new Uint8Array(32).fill(7);
const FIXTURES = join(PROJECT_ROOT, "tests", "fixtures", "layouts");
const SHEET = "heures_benevoles_autre_logiciel.csv";
const EXAMPLE = join(PROJECT_ROOT, "data", "correspondances", "exemple_benevolat.csv");
const REGISTRY = `Identifiant;Nom;Type
ors;Maison de quartier des Ors;Centre social
saint-nicolas;Maison de quartier Saint-Nicolas;Centre social
noel-guichard;Maison Citoyenne Noël Guichard;EVS
accorderie;Accorderie de Romans;EVS
`;
/** A volunteering sheet the loaders know, to show the other files still load. */
const KNOWN_SHEET =
  "Bénévole;Date;Heures;Mission\nMarie Dupont;05/03/2025;2;Accueil\nAli Benali;06/03/2025;3;Accueil\n";

/** A temporary inbox (registry at its root) and correspondances folder, with an in-memory warehouse. */
async function setUp() {
  const dir = await Deno.makeTempDir({ prefix: "layouts_" });
  const inbox = join(dir, "inbox");
  const layouts = join(dir, "correspondances");
  await Deno.mkdir(join(inbox, "saint-nicolas"), { recursive: true });
  await Deno.mkdir(layouts);
  await Deno.writeTextFile(join(inbox, "structures.csv"), REGISTRY);
  const wh = await openWarehouse(":memory:");
  return {
    inbox,
    layouts,
    ingest: () => ingestPaths(wh.conn, { paths: [inbox], key: KEY, layoutsDir: layouts }),
    query: (sql: string, params: unknown[] = []) => queryRows(wh.conn, sql, params),
    async close() {
      wh.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

Deno.test("a file of unknown layout is refused without its correspondance and loads with it", async (t) => {
  const env = await setUp();
  try {
    await Deno.copyFile(join(FIXTURES, SHEET), join(env.inbox, "saint-nicolas", SHEET));

    await t.step("without a correspondance: refused, nothing loaded", async () => {
      const [report] = (await env.ingest()).filter((r) => r.file === `saint-nicolas/${SHEET}`);
      assert.equal(report.status, "rejected");
      assert.equal(report.kind, null);
      assert.equal(report.layout, undefined);
      const [{ n }] = await env.query("SELECT count(*)::INTEGER AS n FROM stg_volunteering");
      assert.equal(n, 0);
    });

    await t.step(
      "with the example correspondance: loaded, values recoded, original line numbers",
      async () => {
        await Deno.copyFile(EXAMPLE, join(env.layouts, "exemple_benevolat.csv"));
        const reports = await env.ingest();
        const [report] = reports.filter((r) => r.file === `saint-nicolas/${SHEET}`);
        assert.equal(report.status, "partial");
        assert.equal(report.kind, "volunteering");
        assert.equal(report.structureId, "saint-nicolas");
        assert.deepEqual([report.rowsRead, report.rowsLoaded, report.rowsRejected], [5, 4, 1]);
        const layoutFile = join(env.layouts, "exemple_benevolat.csv");
        assert.equal(report.layout?.file, layoutFile);
        // The refused line is named by its original number and the user's own header.
        const errors = report.issues.filter((i) => i.severity === "erreur");
        assert.deepEqual(errors.map((i) => [i.line, i.column, i.value]), [[7, "Nb heures", "abc"]]);
        // Reports name the correspondance.
        const json = reportJson(reports) as { files: { path: string; layout: string | null }[] };
        assert.equal(json.files.find((f) => f.path === `saint-nicolas/${SHEET}`)?.layout, layoutFile);
        assert.match(
          reportText(reports),
          /heures_benevoles_autre_logiciel\.csv — suivi-benevolat \(correspondance .*exemple_benevolat\.csv\)/,
        );

        const rows = await env.query(
          `SELECT source_line, structure_id, volunteer_ref, CAST(activity_date AS VARCHAR) AS day, mission, hours
         FROM stg_volunteering ORDER BY source_line`,
        );
        const ref = (id: string) => pseudonym(KEY, ["benevole", "saint-nicolas", id]);
        assert.deepEqual(rows, [
          {
            source_line: 4,
            structure_id: "saint-nicolas",
            volunteer_ref: ref("B-0412"),
            day: "2025-03-14",
            mission: "Accompagnement scolaire",
            hours: 2.5,
          },
          {
            source_line: 5,
            structure_id: "saint-nicolas",
            volunteer_ref: ref("B-0413"),
            day: "2025-03-15",
            mission: "Accueil",
            hours: 3,
          },
          {
            source_line: 6,
            structure_id: "saint-nicolas",
            volunteer_ref: ref("B-0412"),
            day: "2025-03-21",
            mission: "Accompagnement scolaire",
            hours: 1.5,
          },
          {
            source_line: 8,
            structure_id: "saint-nicolas",
            volunteer_ref: ref("B-0413"),
            day: "2025-03-28",
            mission: "Jardin partagé",
            hours: 2,
          },
        ]);
        // The personal column mapped to a personal field is pseudonymised: its values are nowhere.
        const [{ leaks }] = await env.query(
          "SELECT count(*)::INTEGER AS leaks FROM stg_volunteering t WHERE CAST(t AS VARCHAR) LIKE '%B-04%'",
        );
        assert.equal(leaks, 0);
        const recorded = await env.query(
          `SELECT l.kind, l.structure_id, m.layout_file, length(m.layout_sha256)::INTEGER AS sha
         FROM loads l JOIN load_layouts m USING (load_id)`,
        );
        assert.deepEqual(recorded, [{
          kind: "volunteering",
          structure_id: "saint-nicolas",
          layout_file: layoutFile,
          sha: 64,
        }]);
      },
    );
  } finally {
    await env.close();
  }
});

Deno.test("at the root of the inbox, the recoded STRUCT column gives the file's structure", async () => {
  const env = await setUp();
  try {
    await Deno.copyFile(EXAMPLE, join(env.layouts, "exemple_benevolat.csv"));
    const text = (await Deno.readTextFile(join(FIXTURES, SHEET))).replaceAll(";A3", ";A1");
    await Deno.writeTextFile(join(env.inbox, "heures_ors.csv"), text);
    const [report] = (await env.ingest()).filter((r) => r.file === "heures_ors.csv");
    assert.equal(report.status, "partial");
    assert.equal(report.structureId, "ors");
    const rows = await env.query("SELECT DISTINCT structure_id FROM stg_volunteering");
    assert.deepEqual(rows, [{ structure_id: "ors" }]);
  } finally {
    await env.close();
  }
});

Deno.test("survey answers naming their centre in free text load under the registry's ids", async (t) => {
  const env = await setUp();
  try {
    await Deno.copyFile(join(FIXTURES, "reponses_google_forms.csv"), join(env.inbox, "reponses.csv"));
    await t.step(
      "without a correspondance: « Centre fréquenté » is not a structure column, refused",
      async () => {
        const [report] = (await env.ingest()).filter((r) => r.file === "reponses.csv");
        assert.equal(report.status, "rejected");
      },
    );
    await t.step("with it: each answer's centre recoded, then checked against the registry", async () => {
      await Deno.copyFile(
        join(FIXTURES, "correspondance_questionnaire.csv"),
        join(env.layouts, "questionnaire.csv"),
      );
      const [report] = (await env.ingest()).filter((r) => r.file === "reponses.csv");
      assert.equal(report.status, "loaded");
      assert.equal(report.format, "google-forms");
      assert.equal(report.rowsLoaded, 4);
      const rows = await env.query(
        "SELECT structure_id, count(*)::INTEGER AS n FROM stg_survey_responses GROUP BY ALL ORDER BY ALL",
      );
      assert.deepEqual(rows, [{ structure_id: "ors", n: 2 }, { structure_id: "saint-nicolas", n: 2 }]);
    });
  } finally {
    await env.close();
  }
});

Deno.test("a bad correspondance refuses the files it fits, naming its file, line and column; others load", async () => {
  const env = await setUp();
  try {
    await Deno.copyFile(join(FIXTURES, "correspondance_erronee.csv"), join(env.layouts, "logiciel_x.csv"));
    // An unreadable mapping (its header misspelt) fits no file: it is reported on its own.
    await Deno.writeTextFile(
      join(env.layouts, "illisible.csv"),
      "typ;colonne;champs\nbénévolat;Nb heures;Heures\n",
    );
    await Deno.copyFile(join(FIXTURES, SHEET), join(env.inbox, "saint-nicolas", SHEET));
    await Deno.writeTextFile(join(env.inbox, "saint-nicolas", "benevolat_mars.csv"), KNOWN_SHEET);
    const reports = await env.ingest();

    const [mapped] = reports.filter((r) => r.file === `saint-nicolas/${SHEET}`);
    assert.equal(mapped.status, "rejected");
    assert.equal(mapped.rowsLoaded, 0);
    const mappingFile = join(env.layouts, "logiciel_x.csv");
    assert.match(
      mapped.issues[0].message,
      /correspondance .*logiciel_x\.csv, qui n'est pas valable : rien n'est chargé avec elle/,
    );
    assert.equal(
      mapped.issues[1].message,
      `correspondance ${mappingFile}, ligne 4, colonne « champ » : champ « Heurs » inconnu pour le type « volunteering » ; champs possibles : « Bénévole », « Date de naissance », « Mois », « Date », « Mission », « Heures », « Structure »`,
    );

    // Each invalid mapping is also reported on its own, even one that fits no file.
    const [bad] = reports.filter((r) => r.file === mappingFile);
    assert.equal(bad.status, "rejected");
    assert.deepEqual(bad.issues.slice(1).map((i) => i.message), [mapped.issues[1].message]);
    const [unreadable] = reports.filter((r) => r.file === join(env.layouts, "illisible.csv"));
    assert.equal(unreadable.status, "rejected");
    assert.match(unreadable.issues[1].message, /illisible\.csv, ligne 1 : colonne « typ » inconnue/);

    const [other] = reports.filter((r) => r.file === "saint-nicolas/benevolat_mars.csv");
    assert.equal(other.status, "loaded");
    assert.equal(other.rowsLoaded, 2);
    const [{ n, lines }] = await env.query(
      "SELECT count(*)::INTEGER AS n, list(source_line ORDER BY source_line) AS lines FROM stg_volunteering",
    );
    assert.equal(n, 2);
    assert.deepEqual(lines, [2, 3]);
    const [{ m }] = await env.query("SELECT count(*)::INTEGER AS m FROM load_layouts");
    assert.equal(m, 0);
  } finally {
    await env.close();
  }
});

Deno.test("OBSERVATOIRE_CORRESPONDANCES points the ingest to another correspondances folder", async () => {
  const env = await setUp();
  const before = Deno.env.get("OBSERVATOIRE_CORRESPONDANCES");
  try {
    await Deno.copyFile(EXAMPLE, join(env.layouts, "exemple_benevolat.csv"));
    await Deno.copyFile(join(FIXTURES, SHEET), join(env.inbox, "saint-nicolas", SHEET));
    Deno.env.set("OBSERVATOIRE_CORRESPONDANCES", env.layouts);
    const wh = await openWarehouse(":memory:");
    try {
      const reports = await ingestPaths(wh.conn, { paths: [env.inbox], key: KEY });
      const [report] = reports.filter((r) => r.file === `saint-nicolas/${SHEET}`);
      assert.equal(report.rowsLoaded, 4);
    } finally {
      wh.close();
    }
  } finally {
    if (before === undefined) Deno.env.delete("OBSERVATOIRE_CORRESPONDANCES");
    else Deno.env.set("OBSERVATOIRE_CORRESPONDANCES", before);
    await env.close();
  }
});

Deno.test("a file its correspondance fits never takes the SQL path, which would skip the recoding", async () => {
  const env = await setUp();
  try {
    await Deno.writeTextFile(
      join(env.layouts, "etats_codes.csv"),
      "type;colonne du fichier;champ;valeur du fichier;devient\nprésences;etat;;P;present\n;etat;;AI;absenti\n",
    );
    await Deno.writeTextFile(
      join(env.inbox, "saint-nicolas", "consommations.csv"),
      "IDconso;IDindividu;IDactivite;date;heure_debut;heure_fin;etat\n" +
        "1;101;Atelier cuisine;12/03/2024;14:00;15:30;P\n2;102;Atelier cuisine;12/03/2024;14:00;15:30;AI\n" +
        "3;103;Atelier cuisine;19/03/2024;14:00;15:30;present\n",
    );
    const wh = await openWarehouse(":memory:");
    try {
      const reports = await ingestPaths(wh.conn, {
        paths: [env.inbox],
        key: KEY,
        layoutsDir: env.layouts,
        sqlPath: true,
      });
      const [report] = reports.filter((r) => r.file === "saint-nicolas/consommations.csv");
      assert.equal(report.status, "loaded");
      assert.equal(report.format, "noethys-consommations");
      const rows = await queryRows(
        wh.conn,
        "SELECT source_line, state FROM stg_attendance ORDER BY source_line",
      );
      assert.deepEqual(rows, [
        { source_line: 2, state: "present" },
        { source_line: 3, state: "absenti" },
        { source_line: 4, state: "present" },
      ]);
    } finally {
      wh.close();
    }
  } finally {
    await env.close();
  }
});

Deno.test("a file still missing a required column after its correspondance is refused, naming the correspondance", async () => {
  const env = await setUp();
  try {
    await Deno.writeTextFile(
      join(env.layouts, "incomplete.csv"),
      "type;colonne du fichier;champ\nbénévolat;Jour;Date\nbénévolat;Nb heures;Heures\n",
    );
    await Deno.copyFile(join(FIXTURES, SHEET), join(env.inbox, "saint-nicolas", SHEET));
    const [report] = (await env.ingest()).filter((r) => r.file === `saint-nicolas/${SHEET}`);
    assert.equal(report.status, "rejected");
    assert.equal(report.layout?.file, join(env.layouts, "incomplete.csv"));
    assert.match(
      report.issues.at(-1)!.message,
      /ce fichier a été lu avec la correspondance .*incomplete\.csv : vérifiez que ses colonnes y sont décrites/,
    );
  } finally {
    await env.close();
  }
});
