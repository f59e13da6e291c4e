/**
 * What a user sees when an export is wrong: French messages naming the file, the line and their
 * own column header; good rows loaded, bad rows rejected, earlier loads untouched; files that
 * cannot be read are refused with a message saying what to do.
 */
import assert from "node:assert/strict";
import * as XLSX from "xlsx";
import { join } from "node:path";
import { encodeText } from "../../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { reportText } from "../../src/ingest/report_text.ts";

const KEY = new Uint8Array(32).fill(1);

const REGISTRY = "Identifiant;Nom;Type\ndemo;Centre social Démo;Centre social\n";

/** The first export: four valid consommations, Noethys headers. */
const FIRST = [
  "IDconso;IDindividu;date;heure_debut;heure_fin;etat",
  "1;10;04/03/2024;09:00;11:30;present",
  "2;10;05/03/2024;09:00;11:30;absentj",
  "3;11;05/03/2024;14:00;15:00;present",
  "4;12;06/03/2024;14:00;16:00;present",
].join("\r\n") + "\r\n";

/** A second export typed by hand in Excel (Windows-1252), with its own headers and bad cells. */
const SECOND = [
  "N° consommation;N° individu;Date de la consommation;Heure de début;Heure de fin;État",
  "5;10;11/03/2024;09:00;11:30;Présent", // line 2: good
  "6;11;pas de date;09:00;11:30;present", // line 3: text in a date column
  "7;12;12/03/2024;14:00;16:00;venu", // line 4: unknown état
  "8;13;12/03/2024;16:00;14:00;present", // line 5: ends before it starts
  "9;13;13/03/2024;10:00;12:00;Annulé", // line 6: good
].join("\r\n") + "\r\n";

Deno.test("bad cells, unknown structures and unreadable files are explained in French", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "bad_input_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(join(inbox, "demo"), { recursive: true });
  await Deno.mkdir(join(inbox, "inconnu"), { recursive: true });
  const wh = await openWarehouse(":memory:");
  const { conn } = wh;
  const write = (path: string, bytes: Uint8Array) => Deno.writeFile(join(inbox, path), bytes);
  // The whole inbox each time, as the officer would: files already loaded are skipped.
  const ingest = async (path: string) =>
    (await ingestPaths(conn, { paths: [inbox], key: KEY })).filter((r) => r.file === path);
  const query = (sql: string, params: unknown[] = []) => queryRows(conn, sql, params);
  try {
    await write("structures.csv", encodeText(REGISTRY, "utf-8"));
    const [registry] = await ingest("structures.csv");
    assert.equal(registry.status, "loaded");
    assert.equal(registry.rowsLoaded, 1);

    await write("demo/consommations_mars.csv", encodeText(FIRST, "utf-8"));
    const [first] = await ingest("demo/consommations_mars.csv");
    assert.equal(first.status, "loaded");
    assert.equal(first.structureId, "demo");
    assert.deepEqual([first.rowsRead, first.rowsLoaded, first.rowsRejected], [4, 4, 0]);

    await t.step("bad cells: line, user's header, French reason; good rows loaded", async () => {
      await write("demo/saisie_mars.csv", encodeText(SECOND, "windows-1252"));
      const reports = await ingest("demo/saisie_mars.csv");
      assert.equal(reports.length, 1);
      const [r] = reports;
      assert.equal(r.status, "partial");
      assert.equal(r.format, "noethys-consommations");
      assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [5, 2, 3]);
      const errors = r.issues.filter((i) => i.severity === "erreur");
      assert.deepEqual(errors.map((e) => [e.line, e.column]), [
        [3, "Date de la consommation"],
        [4, "État"],
        [5, "Heure de fin"],
      ]);
      assert.match(
        errors[0].message,
        /« pas de date » n'est pas une date reconnue \(format attendu : jj\/mm\/aaaa\)/,
      );
      assert.match(errors[1].message, /état « venu » inconnu/);
      assert.equal(errors[2].message, "l'heure de fin n'est pas après l'heure de début");

      const text = reportText(reports);
      assert.match(text, /^demo\/saisie_mars\.csv — noethys-consommations : 2 lignes chargées, 3 rejetées$/m);
      for (const [line, column] of [[3, "Date de la consommation"], [4, "État"], [5, "Heure de fin"]]) {
        assert.ok(
          text.includes(`erreur demo/saisie_mars.csv ligne ${line}, colonne « ${column} » : `),
          `${line} ${column}\n${text}`,
        );
      }
      // The issues are kept with the load.
      const stored = await query(
        "SELECT line, column_name, severity FROM load_issues WHERE load_id = $1 ORDER BY line",
        [r.loadId],
      );
      assert.deepEqual(stored, [
        { line: 3, column_name: "Date de la consommation", severity: "erreur" },
        { line: 4, column_name: "État", severity: "erreur" },
        { line: 5, column_name: "Heure de fin", severity: "erreur" },
      ]);
      const loaded = await query(
        "SELECT source_line, record_ref, state, is_presence FROM stg_attendance WHERE load_id = $1 ORDER BY 1",
        [r.loadId],
      );
      assert.deepEqual(loaded, [
        { source_line: 2, record_ref: "noethys:5", state: "present", is_presence: true },
        { source_line: 6, record_ref: "noethys:9", state: "annule", is_presence: false },
      ]);
    });

    await t.step("the first file's rows are all still there", async () => {
      const rows = await query(
        "SELECT record_ref, source_line, hours FROM stg_attendance WHERE load_id = $1 ORDER BY source_line",
        [first.loadId],
      );
      assert.deepEqual(rows, [
        { record_ref: "noethys:1", source_line: 2, hours: 2.5 },
        { record_ref: "noethys:2", source_line: 3, hours: 2.5 },
        { record_ref: "noethys:3", source_line: 4, hours: 1 },
        { record_ref: "noethys:4", source_line: 5, hours: 2 },
      ]);
      const [{ n }] = await query("SELECT count(*) AS n FROM stg_attendance");
      assert.equal(n, 6);
    });

    await t.step("a corrected export replaces rows instead of doubling them", async () => {
      const corrected = FIRST.replace(
        "3;11;05/03/2024;14:00;15:00;present",
        "3;11;05/03/2024;14:00;15:00;absenti",
      );
      assert.notEqual(corrected, FIRST);
      await write("demo/consommations_mars_corrige.csv", encodeText(corrected, "utf-8"));
      const [r] = await ingest("demo/consommations_mars_corrige.csv");
      assert.equal(r.status, "loaded");
      assert.deepEqual([r.rowsLoaded, r.rowsReplaced, r.rowsDuplicate], [4, 4, 0]);
      const [{ n }] = await query("SELECT count(*) AS n FROM stg_attendance");
      assert.equal(n, 6);
      const rows = await query(
        "SELECT record_ref, state, is_presence, load_id FROM stg_attendance WHERE record_ref = 'noethys:3'",
      );
      assert.deepEqual(rows, [{
        record_ref: "noethys:3",
        state: "absenti",
        is_presence: false,
        load_id: r.loadId,
      }]);
      const [{ old }] = await query("SELECT count(*) AS old FROM stg_attendance WHERE load_id = $1", [
        first.loadId,
      ]);
      assert.equal(old, 0);
    });

    await t.step("a folder whose structure is not in the registry is refused", async () => {
      await write("inconnu/consommations.csv", encodeText(FIRST.replaceAll(";10;", ";99;"), "utf-8"));
      const [r] = await ingest("inconnu/consommations.csv");
      assert.equal(r.status, "rejected");
      assert.equal(r.structureId, "inconnu");
      assert.equal(r.rowsLoaded, 0);
      assert.equal(r.issues.length, 1);
      assert.equal(r.issues[0].severity, "erreur");
      assert.match(r.issues[0].message, /^structure « inconnu » absente du registre des structures/);
      const [{ n }] = await query("SELECT count(*) AS n FROM stg_attendance WHERE structure_id = 'inconnu'");
      assert.equal(n, 0);
    });

    await t.step("a damaged .xls workbook is refused: save it as .xlsx", async () => {
      // The start of an OLE2 compound file, as Excel 97-2003 writes it.
      await write(
        "demo/presences.xls",
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      );
      const [r] = await ingest("demo/presences.xls");
      assert.equal(r.status, "rejected");
      assert.match(r.issues[0].message, /illisible .* enregistrez-le au format \.xlsx/);
      assert.match(reportText([r]), /demo\/presences\.xls : refusé/);
      // Windows often writes the ending in capitals: the file is still reported, not skipped.
      await write("demo/ANCIEN.XLS", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      const [upper] = await ingest("demo/ANCIEN.XLS");
      assert.equal(upper?.status, "rejected");
      assert.match(upper.issues[0].message, /enregistrez-le au format \.xlsx/);
    });

    await t.step("a real Excel 97-2003 workbook loads like any other", async () => {
      const sheet = XLSX.utils.aoa_to_sheet([
        ["Export des consommations"],
        [
          "IDconso",
          "IDindividu",
          "IDinscription",
          "IDactivite",
          "date",
          "heure_debut",
          "heure_fin",
          "etat",
          "quantite",
        ],
        [9001, 4, 1, 7, new Date(Date.UTC(2024, 4, 6)), "09:00", "11:30", "present", 1],
        [9002, 5, 1, 7, "07/05/2024", "09:00", "11:00", "absentj", 1],
      ], { cellDates: true });
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, "Mai");
      await write("demo/mai.xls", new Uint8Array(XLSX.write(book, { type: "array", bookType: "biff8" })));
      const [r] = await ingest("demo/mai.xls");
      assert.equal(r.status, "loaded");
      assert.equal(r.sheet, "Mai");
      assert.deepEqual([r.rowsRead, r.rowsLoaded], [2, 2]);
      const rows = await query(
        "SELECT strftime(visit_date, '%Y-%m-%d') AS d, hours, is_presence FROM stg_attendance WHERE record_ref IN ('noethys:9001', 'noethys:9002') ORDER BY d",
      );
      assert.deepEqual(rows, [
        { d: "2024-05-06", hours: 2.5, is_presence: true },
        { d: "2024-05-07", hours: 2, is_presence: false },
      ]);
    });

    await t.step("a CSV with no known header is « type d'export non reconnu »", async () => {
      await write("demo/notes.csv", encodeText("Remarque;Auteur\nSalle fermée;Julie\n", "utf-8"));
      const [r] = await ingest("demo/notes.csv");
      assert.equal(r.status, "rejected");
      assert.equal(r.rowsLoaded, 0);
      assert.match(r.issues[0].message, /^type d'export non reconnu/);
    });

    await t.step("refused files leave no load behind", async () => {
      const loads = await query("SELECT file_name, rows_loaded FROM loads ORDER BY load_id");
      assert.deepEqual(loads, [
        { file_name: "structures.csv", rows_loaded: 1 },
        { file_name: "demo/consommations_mars.csv", rows_loaded: 4 },
        { file_name: "demo/saisie_mars.csv", rows_loaded: 2 },
        { file_name: "demo/consommations_mars_corrige.csv", rows_loaded: 4 },
        { file_name: "demo/mai.xls", rows_loaded: 2 },
      ]);
    });
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
