/**
 * Head counts of open events, from a Windows-1252 sheet typed by hand (titles above the header,
 * blank lines, a totals row, a decimal comma, impossible counts and dates) and from a workbook.
 */
import { withInbox } from "../tests/support/with_inbox.ts";
import assert from "node:assert/strict";
import { buildWorkbook, dateCell, textCell } from "../src/sample/xlsx.ts";
import { dayOf } from "../src/sample/calendar.ts";

const FIXTURE = new URL("../tests/fixtures/headcounts/comptages_2025.csv", import.meta.url);

Deno.test("a typed head-count sheet: counts kept, impossible lines rejected with line and column", async () => {
  await withInbox("headcounts_", async ({ ingest, query }) => {
    const [r] = await ingest("comptages_2025.csv", await Deno.readFile(FIXTURE));
    assert.equal(r.kind, "headcounts");
    assert.equal(r.format, "comptage-evenements");
    assert.equal(r.status, "partial");
    assert.deepEqual(
      [r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsDuplicate],
      [10, 4, 5, 1],
    );
    const errors = r.issues.filter((i) => i.severity === "erreur");
    assert.deepEqual(errors.map((e) => [e.line, e.column, e.value, e.message]), [
      [9, "Enfants", "2,5", "nombre entier attendu : un effectif compte des personnes"],
      [
        10,
        "Dont habitants QPV",
        "90",
        "90 habitants QPV pour 75 participants (adultes + enfants) : les habitants QPV font partie des participants",
      ],
      [
        11,
        "Adultes",
        "",
        "aucun effectif renseigné : indiquez au moins le nombre d'adultes ou d'enfants",
      ],
      [12, "Adultes", "-3", "un effectif ne peut pas être négatif"],
      [13, "Date", "31/09/2025", "« 31/09/2025 » : le 31 septembre 2025 n'existe pas"],
    ]);
    const warnings = r.issues.filter((i) => i.severity === "avertissement");
    assert.deepEqual(warnings.map((w) => [w.line, w.message]), [
      [16, "ligne de total ignorée (les totaux sont recalculés)"],
      [15, "ligne en double dans le fichier (même contenu que la ligne 14) : comptée une seule fois"],
    ]);
    const rows = await query(
      `SELECT source_line, CAST(event_date AS VARCHAR) AS day, action, adults, children, qpv_inhabitants,
         volunteers_present, place FROM stg_headcounts ORDER BY source_line`,
    );
    assert.deepEqual(rows, [
      {
        source_line: 5,
        day: "2025-06-14",
        action: "Fête de quartier",
        adults: 85,
        children: 62,
        qpv_inhabitants: 110,
        volunteers_present: 12,
        place: "Place Jacquemart",
      },
      {
        source_line: 6,
        day: "2025-07-03",
        action: "Sortie familles à Vassieux",
        adults: 18,
        children: 24,
        qpv_inhabitants: 30,
        volunteers_present: 3,
        place: "Vercors",
      },
      {
        source_line: 7,
        day: "2025-07-08",
        action: "Café des parents",
        adults: 9,
        children: null,
        qpv_inhabitants: 7,
        volunteers_present: 2,
        place: "Salle du bas",
      },
      {
        source_line: 14,
        day: "2025-09-12",
        action: "Forum des associations",
        adults: 60,
        children: 15,
        qpv_inhabitants: 40,
        volunteers_present: 6,
        place: "Gymnase",
      },
    ]);
    // The remark column is free text: read, never stored.
    const [{ n }] = await query(
      "SELECT count(*) AS n FROM load_issues WHERE message LIKE '%crêpes%' OR value LIKE '%crêpes%'",
    );
    assert.equal(n, 0);
    const [load] = await query(
      "SELECT CAST(period_start AS VARCHAR) AS s, CAST(period_end AS VARCHAR) AS e FROM loads WHERE load_id = $1",
      [r.loadId],
    );
    assert.deepEqual(load, { s: "2025-06-14", e: "2025-09-12" });
  });
});

Deno.test("a workbook sent later for the same summer replaces the typed sheet", async () => {
  await withInbox("headcounts_", async ({ ingest, query }) => {
    const [first] = await ingest("comptages_2025.csv", await Deno.readFile(FIXTURE));
    const workbook = await buildWorkbook([{
      name: "Été 2025",
      rows: [
        ["Actions ouvertes – été 2025", null, null, null, null, null],
        [null, null, null, null, null, null],
        ["Évènement", "Date", "Nb adultes", "Nb enfants", "Habitants QPV", "Bénévoles"],
        ["Fête de quartier", dateCell(dayOf(2025, 6, 14)), 90, 60, 120, 14],
        ["fête de quartier ", dateCell(dayOf(2025, 6, 14)), 90, 60, 120, 14],
        ["Café des parents", textCell("08/07/2025"), 9, 4, 7, 2],
        ["Forum des associations", dateCell(dayOf(2025, 9, 12)), 60, 15, 40, 6],
        ["Total", null, 249, 139, 287, 36],
      ],
    }]);
    const [second] = await ingest("comptages_ete.xlsx", workbook);
    assert.equal(second.status, "loaded");
    assert.equal(second.sheet, "Été 2025");
    // The same action on the same day, typed twice with another case: one session.
    assert.deepEqual([second.rowsRead, second.rowsLoaded, second.rowsDuplicate], [4, 3, 1]);
    assert.deepEqual(second.superseded, [first.loadId]);
    const rows = await query(
      `SELECT CAST(event_date AS VARCHAR) AS day, action, adults, children, load_id
       FROM stg_headcounts ORDER BY day`,
    );
    assert.deepEqual(rows, [
      { day: "2025-06-14", action: "Fête de quartier", adults: 90, children: 60, load_id: second.loadId },
      { day: "2025-07-08", action: "Café des parents", adults: 9, children: 4, load_id: second.loadId },
      {
        day: "2025-09-12",
        action: "Forum des associations",
        adults: 60,
        children: 15,
        load_id: second.loadId,
      },
    ]);
  });
});
