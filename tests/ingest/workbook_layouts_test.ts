/**
 * Layouts of hand-made workbooks that were refused or misread (issue 12): an event name merged
 * down over its sessions, and a federation extract whose header spans a theme row and a field
 * row. The workbooks are built here with write-excel-file, whose `rowSpan`/`span` write real
 * `<mergeCells>` elements, as Excel does.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { encodeText } from "../../src/sample/csv.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";
import { TEST_KEY, withInbox } from "../support/with_inbox.ts";

type Cell = string | number | null | {
  value: unknown;
  type?: unknown;
  rowSpan?: number;
  span?: number;
  format?: string;
};

async function xlsx(sheet: string, data: Cell[][]): Promise<Uint8Array> {
  // deno-lint-ignore no-explicit-any
  return new Uint8Array(await (writeXlsxFile as any)([{ sheet, data }]).toBuffer());
}

const day = (d: number, m: number) => ({
  value: new Date(Date.UTC(2025, m - 1, d)),
  type: Date,
  format: "dd/mm/yyyy",
});

/** Event, place, then its sessions: [day, month, adults, children]. 31 sessions, 9 events. */
const EVENTS: [string, string, [number, number, number, number][]][] = [
  ["Café des parents", "Salle des Tilleuls", [[7, 1, 8, 3], [14, 1, 6, 2], [21, 1, 9, 4], [28, 1, 7, 0], [
    4,
    2,
    10,
    5,
  ]]],
  ["Atelier cuisine du monde", "Cuisine partagée", [[10, 1, 12, 4], [24, 1, 10, 6], [7, 2, 14, 2], [
    21,
    2,
    11,
    3,
  ]]],
  ["Repair café", "Local associatif", [[11, 1, 15, 1], [8, 2, 18, 0], [8, 3, 13, 2], [12, 4, 16, 1]]],
  ["Jardin partagé", "Jardin de la Chamberlière", [[5, 3, 6, 8], [19, 3, 9, 10], [2, 4, 7, 6]]],
  ["Ciné-débat", "Salle polyvalente", [[17, 1, 25, 5], [14, 2, 30, 8], [14, 3, 22, 4]]],
  ["Sortie familles", "Lac de Champos", [[12, 4, 14, 20], [19, 4, 16, 22], [26, 4, 12, 18]]],
  ["Atelier numérique", "Espace numérique", [[13, 1, 5, 0], [20, 1, 6, 0], [27, 1, 4, 0]]],
  ["Bal des seniors", "Salle des fêtes", [[9, 2, 40, 0], [9, 3, 35, 0], [6, 4, 38, 0]]],
  ["Fête de quartier", "Place Jacquemart", [[14, 6, 85, 62], [15, 6, 60, 40], [21, 6, 70, 55]]],
];

/** Title, blank line, header on line 3, 31 sessions (lines 4–34), a totals row on line 35. */
function mergedHeadcounts(): Promise<Uint8Array> {
  const data: Cell[][] = [
    [
      { value: "Comptages des actions ouvertes – 1er semestre 2025", type: String, span: 5 },
      null,
      null,
      null,
      null,
    ],
    [null, null, null, null, null],
    ["Évènement", "Date", "Adultes", "Enfants", "Lieu"],
  ];
  let adults = 0;
  let children = 0;
  for (const [event, place, sessions] of EVENTS) {
    sessions.forEach(([d, m, a, c], i) => {
      adults += a;
      children += c;
      // The event and its place are written once, merged down over the sessions.
      const first = i === 0;
      const merged = (value: string) => first ? { value, type: String, rowSpan: sessions.length } : null;
      data.push([merged(event), day(d, m), a, c, merged(place)]);
    });
  }
  data.push(["Total", null, adults, children, null]);
  return xlsx("Comptages", data);
}

Deno.test("merged event names are filled down: 31 sessions load, each with its event", async () => {
  await withInbox("merged_cells_", async ({ ingest, query }) => {
    const [r] = await ingest("comptages_semestre.xlsx", await mergedHeadcounts());
    assert.equal(r.kind, "headcounts");
    assert.equal(r.status, "loaded");
    // Before: 22 of 31 rows refused « Évènement : valeur obligatoire manquante ».
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [31, 31, 0]);
    assert.deepEqual(r.issues.map((i) => [i.line, i.message]), [
      [35, "ligne de total ignorée (les totaux sont recalculés)"],
    ]);
    const rows = await query(
      `SELECT action, count(*) AS sessions, sum(adults) AS adults, min(place) AS place, max(place) AS place2
       FROM stg_headcounts GROUP BY action ORDER BY min(source_line)`,
    );
    assert.deepEqual(rows.map((x) => [x.action, x.sessions]), EVENTS.map(([e, , s]) => [e, s.length]));
    // 8 + 6 + 9 + 7 + 10 adults over the five sessions of the first event.
    assert.deepEqual(rows[0], {
      action: "Café des parents",
      sessions: 5,
      adults: 40,
      place: "Salle des Tilleuls",
      place2: "Salle des Tilleuls",
    });
    const [{ missing }] = await query("SELECT count(*) AS missing FROM stg_headcounts WHERE action IS NULL");
    assert.equal(missing, 0);
  });
});

Deno.test("a merged cell fills only its own range: the session after it is still refused", async () => {
  const data: Cell[][] = [
    ["Évènement", "Date", "Adultes", "Enfants"],
    [{ value: "Repair café", type: String, rowSpan: 2 }, day(11, 1), 15, 1],
    [null, day(8, 2), 18, 0],
    [null, day(8, 3), 13, 2],
  ];
  await withInbox("merged_range_", async ({ ingest }) => {
    const [r] = await ingest("repair.xlsx", await xlsx("Feuil1", data));
    assert.deepEqual([r.rowsRead, r.rowsLoaded, r.rowsRejected], [3, 2, 1]);
    assert.deepEqual(
      r.issues.filter((i) => i.severity === "erreur").map((i) => [i.line, i.column, i.message]),
      [[4, "Évènement", "valeur obligatoire manquante"]],
    );
  });
});

const REGISTRY = "Identifiant;Nom;Type\n" +
  "les-tilleuls;Centre social Les Tilleuls;Centre social\n" +
  "fontbarlettes;Centre social de Fontbarlettes;Centre social\n" +
  "le-plan;Maison de quartier du Plan;Centre social\n";

/**
 * The federation's SENACS extract as a spreadsheet lays it out: a title, themes merged across
 * their columns (« Identification », « Actions », « Bénévolat ») over a field row, and the
 * year, staff and remarks merged down over both header rows.
 */
function federationExtract(): Promise<Uint8Array> {
  const across = (value: string, span: number) => ({ value, type: String, span });
  const down = (value: string) => ({ value, type: String, rowSpan: 2 });
  const structures: Cell[][] = [
    ["les-tilleuls", "Centre social Les Tilleuls", "Urbain", 2024, 12, 8, 15, 6, 45, 1850, 9, "RAS"],
    ["fontbarlettes", "Centre social de Fontbarlettes", "Urbain", 2024, 9, 14, 11, 4, 38, 1200, 12, null],
    [
      "le-plan",
      "Maison de quartier du Plan",
      "Périurbain",
      2024,
      5,
      3,
      7,
      2,
      17,
      640,
      4,
      "Données provisoires",
    ],
  ];
  return xlsx("SENACS 2025", [
    [across("Observatoire SENACS – extraction fédération Drôme – données 2024", 12), ...Array(11).fill(null)],
    [
      across("Identification", 3),
      null,
      null,
      down("Année de référence"),
      across("Actions", 4),
      null,
      null,
      null,
      across("Bénévolat", 2),
      null,
      down("Nombre de salariés"),
      down("Observations"),
    ],
    [
      "Code structure",
      "Nom de la structure",
      "Type de territoire",
      null,
      "Enfance",
      "Jeunesse",
      "Familles",
      "Adultes",
      "Nombre de bénévoles d'activité",
      "Heures de bénévolat",
      null,
      null,
    ],
    ...structures,
    ["Total", null, null, null, 26, 25, 33, 12, 100, 3690, 25, null],
  ]);
}

Deno.test("a federation extract with a two-row header (themes over fields) loads as SENACS", async () => {
  const dir = await Deno.makeTempDir({ prefix: "multi_row_header_" });
  const inbox = join(dir, "inbox");
  await Deno.mkdir(inbox, { recursive: true });
  await Deno.writeFile(join(inbox, "structures.csv"), encodeText(REGISTRY, "utf-8"));
  await Deno.writeFile(join(inbox, "senacs_federation_2025.xlsx"), await federationExtract());
  const wh = await openWarehouse(":memory:");
  try {
    const reports = await ingestPaths(wh.conn, { paths: [inbox], key: TEST_KEY });
    const [r] = reports.filter((x) => x.file === "senacs_federation_2025.xlsx");
    // Before: « type d'export non reconnu » (neither header row alone names structure and year).
    assert.equal(r.kind, "senacs");
    assert.equal(r.status, "loaded");
    assert.deepEqual([r.rowsRead, r.rowsRejected], [3, 0]);
    // The first data row is line 4, under the field row; the totals row is skipped.
    assert.ok(r.issues.some((i) => i.line === 7 && i.message.startsWith("ligne de total ignorée")));
    const answers = await queryRows(
      wh.conn,
      `SELECT field, value_number, value_text, column_label FROM stg_senacs_answers
       WHERE structure_id = 'les-tilleuls' AND survey_year = 2024 ORDER BY field`,
    );
    assert.deepEqual(answers.map((a) => [a.field, a.value_number ?? a.value_text, a.column_label]), [
      ["actions_adults", 6, "Actions - Adultes"],
      ["actions_children", 12, "Actions - Enfance"],
      ["actions_families", 15, "Actions - Familles"],
      ["actions_youth", 8, "Actions - Jeunesse"],
      ["staff_headcount", 9, "Nombre de salariés"],
      ["territory_type", "Urbain", "Type de territoire"],
      ["volunteer_hours", 1850, "Heures de bénévolat"],
      ["volunteers_activity", 45, "Nombre de bénévoles d'activité"],
    ]);
    const [{ hours, structures }] = await queryRows(
      wh.conn,
      `SELECT sum(value_number) FILTER (WHERE field = 'volunteer_hours') AS hours,
         count(DISTINCT structure_id) AS structures FROM stg_senacs_answers`,
    );
    assert.deepEqual([hours, structures], [1850 + 1200 + 640, 3]);
    // Columns outside the mapping are kept under their joined title.
    const unmapped = await queryRows(
      wh.conn,
      `SELECT column_label, value_text FROM stg_senacs_unmapped WHERE structure_id = 'le-plan' ORDER BY 1`,
    );
    assert.deepEqual(unmapped.map((u) => [u.column_label, u.value_text]), [
      ["Identification - Nom de la structure", "Maison de quartier du Plan"],
      ["Observations", "Données provisoires"],
    ]);
  } finally {
    wh.close();
    await Deno.remove(dir, { recursive: true });
  }
});
