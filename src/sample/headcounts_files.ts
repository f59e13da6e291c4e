/**
 * Head counts of open events (fête de quartier, sorties, café des parents…) as the structures
 * send them: a workbook per year sheet at the Ors, yearly CSVs at Saint-Nicolas, one Windows-1252
 * file at Noël Guichard, a file without QPV column at the Accorderie, and a plain CSV at a few
 * other structures. Every line is valid: the ground truth counts all of them.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { HeadcountStats, Truth } from "./truth.ts";
import type { Structure } from "./structures.ts";
import { dayOf, frenchDate, partsOf } from "./calendar.ts";
import { csvLine, encodeText, type TextEncoding } from "./csv.ts";
import { buildWorkbook, dateCell, type SheetSpec, textCell } from "./xlsx.ts";
import type { Row } from "write-excel-file/node";

/** Open events, with whether children come and the usual number of adults. */
const EVENTS: { label: string; children: boolean; adults: [number, number] }[] = [
  { label: "Fête de quartier", children: true, adults: [40, 120] },
  { label: "Sortie familles", children: true, adults: [8, 25] },
  { label: "Café des parents", children: false, adults: [4, 14] },
  { label: "Repas partagé", children: true, adults: [15, 45] },
  { label: "Ciné plein air", children: true, adults: [20, 70] },
  { label: "Carnaval", children: true, adults: [25, 80] },
  { label: "Soirée jeux", children: true, adults: [6, 20] },
  { label: "Forum des associations", children: false, adults: [30, 90] },
  { label: "Pique-nique au parc", children: true, adults: [10, 35] },
  { label: "Balade nature", children: true, adults: [5, 18] },
  { label: "Goûter du quartier", children: true, adults: [8, 30] },
  { label: "Marché de Noël", children: true, adults: [30, 100] },
];
const PLACES = [
  "Place du marché",
  "Salle polyvalente",
  "Parc municipal",
  "Maison de quartier",
  "Gymnase",
  "",
];
const REMARKS = ["", "", "", "beau temps", "pluie en fin d'après-midi", "en partenariat avec la médiathèque"];

/** One session as generated. */
interface Session {
  day: number;
  label: string;
  adults: number | null;
  children: number | null;
  qpv: number | null;
  volunteers: number | null;
  place: string;
  remark: string;
}

/** Sessions of one year, sorted by day, one per action and day. */
function yearSessions(rng: Random, year: number, count: number, qpvShare: number | null): Session[] {
  const seen = new Set<string>();
  const out: Session[] = [];
  while (out.length < count) {
    const day = dayOf(year, 1, 1) + rng.int(0, 364);
    if (partsOf(day).year !== year) continue;
    const event = rng.pick(EVENTS);
    const key = `${day}|${event.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const adults = rng.chance(0.03) ? null : rng.int(event.adults[0], event.adults[1]);
    const children = event.children ? rng.int(0, Math.round(event.adults[1] * 0.8)) : null;
    const people = (adults ?? 0) + (children ?? 0);
    const qpv = qpvShare === null ? null : Math.floor(people * qpvShare * (0.7 + 0.3 * rng.next()));
    out.push({
      day,
      label: event.label,
      adults: adults === null && children === null ? rng.int(3, 10) : adults,
      children,
      qpv,
      volunteers: rng.chance(0.15) ? null : rng.int(1, 12),
      place: rng.pick(PLACES),
      remark: rng.pick(REMARKS),
    });
  }
  return out.sort((a, b) => a.day - b.day || (a.label < b.label ? -1 : 1));
}

function stats(sessions: readonly Session[]): HeadcountStats {
  let adults = 0;
  let children = 0;
  let qpv = 0;
  for (const s of sessions) {
    adults += s.adults ?? 0;
    children += s.children ?? 0;
    qpv += s.qpv ?? 0;
  }
  return { sessions: sessions.length, adults, children, qpv_inhabitants: qpv };
}

const cell = (n: number | null) => (n === null ? "" : String(n));
const sum = (sessions: readonly Session[], pick: (s: Session) => number | null) =>
  sessions.reduce((t, s) => t + (pick(s) ?? 0), 0);

async function writeCsv(inbox: Inbox, path: string, encoding: TextEncoding, lines: string[], rows: number) {
  await inbox.write({ path, rows, encoding }, encodeText(lines.join("\r\n") + "\r\n", encoding));
}

const COOP_YEARS = [2023, 2024, 2025];
const OTHER_YEARS = [2024, 2025];

/**
 * Writes the head-count files and their ground truth.
 * @param rng random stream of head counts
 * @param inbox output
 * @param truth ground truth
 * @param others the non-Coopération structures (the first five send head counts)
 */
export async function writeHeadcounts(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  others: readonly Structure[],
): Promise<void> {
  const record = (id: string, year: number, sessions: Session[]) => {
    (truth.headcounts[id] ??= {})[String(year)] = stats(sessions);
  };

  // Les Ors: one sheet per year, title rows, a totals row, some dates typed as text.
  {
    const r = rng.fork("ors");
    const sheets: SheetSpec[] = [];
    const perSheet: Record<string, number> = {};
    let total = 0;
    for (const year of COOP_YEARS) {
      const sessions = yearSessions(r, year, r.int(14, 20), 0.15);
      record("ors", year, sessions);
      const rows: Row[] = [
        [
          `Comptage des actions ouvertes ${year} – Maison de quartier des Ors`,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [null, null, null, null, null, null, null, null],
        [
          "Date",
          "Action",
          "Adultes",
          "Enfants",
          "Dont habitants QPV",
          "Bénévoles présents",
          "Lieu",
          "Remarque",
        ],
      ];
      for (const s of sessions) {
        rows.push([
          r.chance(0.1) ? textCell(frenchDate(s.day)) : dateCell(s.day),
          s.label,
          s.adults,
          s.children,
          s.qpv,
          s.volunteers,
          s.place || null,
          s.remark || null,
        ]);
      }
      rows.push([
        "Total",
        null,
        sum(sessions, (s) => s.adults),
        sum(sessions, (s) => s.children),
        sum(sessions, (s) => s.qpv),
        sum(sessions, (s) => s.volunteers),
        null,
        null,
      ]);
      sheets.push({ name: String(year), rows });
      perSheet[String(year)] = sessions.length;
      total += sessions.length;
    }
    const path = "ors/comptages_actions.xlsx";
    await inbox.write({ path, rows: total, encoding: "xlsx", sheets: perSheet }, await buildWorkbook(sheets));
    inbox.mess({
      path,
      kind: "title_rows",
      detail: "titre, ligne vide, en-tête en ligne 3 ; ligne « Total » en bas de chaque feuille",
    });
  }

  // Saint-Nicolas: one CSV per year, UTF-8 with BOM, a blank line, a totals line.
  {
    const r = rng.fork("saint-nicolas");
    for (const year of COOP_YEARS) {
      const sessions = yearSessions(r, year, r.int(15, 22), 0.7);
      record("saint-nicolas", year, sessions);
      const lines = ["Date;Événement;Adultes;Enfants;Habitants QPV;Bénévoles;Lieu"];
      sessions.forEach((s, i) => {
        if (i === Math.floor(sessions.length / 2)) lines.push("");
        lines.push(
          csvLine(
            [
              frenchDate(s.day),
              s.label,
              cell(s.adults),
              cell(s.children),
              cell(s.qpv),
              cell(s.volunteers),
              s.place,
            ],
            ";",
          ),
        );
      });
      lines.push(
        `Total;;${sum(sessions, (s) => s.adults)};${sum(sessions, (s) => s.children)};${
          sum(sessions, (s) => s.qpv)
        };${sum(sessions, (s) => s.volunteers)};`,
      );
      await writeCsv(inbox, `saint-nicolas/comptages_${year}.csv`, "utf-8-bom", lines, sessions.length);
    }
    inbox.mess({
      path: "saint-nicolas/comptages_*.csv",
      kind: "totals_line",
      detail: "une ligne vide au milieu et une ligne « Total;… » en fin de fichier",
    });
  }

  // Noël Guichard: all years in one Windows-1252 file; adults-only events leave Enfants empty.
  {
    const r = rng.fork("noel-guichard");
    const lines = ["Date;Action;Adultes;Enfants;Dont habitants QPV;Bénévoles présents;Remarque"];
    let rows = 0;
    for (const year of COOP_YEARS) {
      const sessions = yearSessions(r, year, r.int(12, 18), 0.6);
      record("noel-guichard", year, sessions);
      for (const s of sessions) {
        lines.push(
          csvLine(
            [
              frenchDate(s.day),
              s.label,
              cell(s.adults),
              cell(s.children),
              cell(s.qpv),
              cell(s.volunteers),
              s.remark,
            ],
            ";",
          ),
        );
      }
      rows += sessions.length;
    }
    await writeCsv(inbox, "noel-guichard/comptages_evenements.csv", "windows-1252", lines, rows);
  }

  // Accorderie: no QPV column, the event first.
  {
    const r = rng.fork("accorderie");
    const lines = ["Événement;Date;Adultes;Enfants;Bénévoles présents"];
    let rows = 0;
    for (const year of COOP_YEARS) {
      const sessions = yearSessions(r, year, r.int(6, 10), null);
      record("accorderie", year, sessions);
      for (const s of sessions) {
        lines.push(
          csvLine([s.label, frenchDate(s.day), cell(s.adults), cell(s.children), cell(s.volunteers)], ";"),
        );
      }
      rows += sessions.length;
    }
    await writeCsv(inbox, "accorderie/evenements.csv", "utf-8", lines, rows);
  }

  // A handful of other structures: a plain CSV over two years.
  for (const s of others.slice(0, 5)) {
    const r = rng.fork(s.id);
    const lines = ["Date;Action;Adultes;Enfants;Dont habitants QPV"];
    let rows = 0;
    for (const year of OTHER_YEARS) {
      const sessions = yearSessions(r, year, r.int(5, 12), s.qpv ? 0.6 : 0.05);
      record(s.id, year, sessions);
      for (const x of sessions) {
        lines.push(csvLine([frenchDate(x.day), x.label, cell(x.adults), cell(x.children), cell(x.qpv)], ";"));
      }
      rows += sessions.length;
    }
    await writeCsv(inbox, `${s.id}/comptages_evenements.csv`, "utf-8", lines, rows);
  }
}
