/**
 * Writes the Noethys exports and volunteering logs of the three Noethys
 * centres, with the encodings and defects each one really sends.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { Truth } from "./truth.ts";
import { type AttendanceData, attendanceStats, yearOf } from "./attendance.ts";
import type { Person } from "./people.ts";
import { encodeText, type TextEncoding } from "./csv.ts";
import {
  consoLine,
  CONSOMMATIONS_HEADER,
  individuLine,
  INDIVIDUS_HEADER,
  inscriptionLine,
  INSCRIPTIONS_HEADER,
} from "./noethys.ts";
import { FIRST_YEAR, frenchDate, LAST_YEAR } from "./calendar.ts";
import {
  MISSIONS,
  monthlyCsvLines,
  monthlyEntries,
  POOL_SIZE,
  sessionEntries,
  volunteerPool,
  volunteerStats,
} from "./volunteering.ts";
import { buildWorkbook, dateCell, type SheetSpec, textCell } from "./xlsx.ts";
import { formatDuration, pickDurationStyle } from "./duration_text.ts";
import type { Row } from "write-excel-file/node";

/** Encodings per centre and file kind. */
const ENCODINGS: Record<string, { tables: TextEncoding; consos: TextEncoding }> = {
  "ors": { tables: "windows-1252", consos: "windows-1252" },
  "saint-nicolas": { tables: "utf-8-bom", consos: "utf-8-bom" },
  "noel-guichard": { tables: "windows-1252", consos: "utf-8" },
};

// Noethys runs on Windows: its exports end lines with CRLF.
const EOL = "\r\n";

/** Lines of a text file plus defects added around the data. */
interface TextFile {
  path: string;
  encoding: TextEncoding;
  before?: string[];
  lines: string[];
  rows: number;
  trailingBlank?: number;
}

async function writeText(inbox: Inbox, f: TextFile): Promise<Uint8Array> {
  const all = [...(f.before ?? []), ...f.lines];
  const text = all.join(EOL) + EOL + EOL.repeat(f.trailingBlank ?? 0);
  const bytes = encodeText(text, f.encoding);
  await inbox.write({ path: f.path, rows: f.rows, encoding: f.encoding }, bytes);
  return bytes;
}

/**
 * Writes individus, inscriptions and consommations_<year> of one centre.
 * @param inbox output
 * @param truth ground truth
 * @param id centre id
 * @param people its individuals
 * @param data its registrations and attendance
 */
export async function writeNoethysExports(
  inbox: Inbox,
  truth: Truth,
  id: string,
  people: Person[],
  data: AttendanceData,
): Promise<void> {
  const enc = ENCODINGS[id];
  const individus: TextFile = {
    path: `${id}/individus.csv`,
    encoding: enc.tables,
    lines: [INDIVIDUS_HEADER, ...people.map(individuLine)],
    rows: people.length,
  };
  if (id === "ors") {
    individus.trailingBlank = 2;
    inbox.mess({
      path: individus.path,
      kind: "trailing_blank_lines",
      detail: "2 lignes vides en fin de fichier",
      count: 2,
    });
  }
  if (id === "saint-nicolas") {
    inbox.mess({
      path: individus.path,
      kind: "invalid_birth_dates",
      detail: "3 date_naiss invalides : « 31/02/1987 », « inconnue », vide",
      count: 3,
    });
  }
  await writeText(inbox, individus);
  truth.people[id] = people.length;

  const inscriptions: TextFile = {
    path: `${id}/inscriptions.csv`,
    encoding: enc.tables,
    lines: [INSCRIPTIONS_HEADER, ...data.registrations.map(inscriptionLine)],
    rows: data.registrations.length,
  };
  if (id === "saint-nicolas") {
    inscriptions.trailingBlank = 3;
    inbox.mess({
      path: inscriptions.path,
      kind: "trailing_blank_lines",
      detail: "3 lignes vides en fin de fichier",
      count: 3,
    });
  }
  await writeText(inbox, inscriptions);

  const byYear = new Map<number, string[]>();
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) byYear.set(y, []);
  for (const c of data.consos) byYear.get(yearOf(c.day))!.push(consoLine(c));
  for (const [year, lines] of byYear) {
    const path = `${id}/consommations_${year}.csv`;
    const file: TextFile = {
      path,
      encoding: enc.consos,
      lines: [CONSOMMATIONS_HEADER, ...lines],
      rows: lines.length,
    };
    if (id === "ors" && year === 2019) {
      file.before = ["Export Noethys - Consommations 2019 - Maison de quartier des Ors", ""];
      inbox.mess({
        path,
        kind: "title_line",
        detail:
          "ligne de titre « Export Noethys - Consommations 2019 - Maison de quartier des Ors » puis une ligne vide avant l'en-tête",
        count: 2,
      });
    }
    if (id === "saint-nicolas" && year === 2022) {
      // The same IDconso lines pasted twice, right after themselves.
      const n = Math.min(25, lines.length);
      const picked = new Set<number>();
      for (let k = 0; k < n; k++) picked.add(Math.floor((k + 0.5) * lines.length / n));
      const out = [CONSOMMATIONS_HEADER];
      lines.forEach((line, i) => {
        out.push(line);
        if (picked.has(i)) out.push(line);
      });
      file.lines = out;
      file.rows = lines.length + picked.size;
      inbox.mess({
        path,
        kind: "duplicate_rows",
        detail: `${picked.size} lignes en double exact (même IDconso), chacune juste après l'originale`,
        count: picked.size,
      });
    }
    if (id === "noel-guichard" && year === 2018) {
      file.trailingBlank = 2;
      inbox.mess({
        path,
        kind: "trailing_blank_lines",
        detail: "2 lignes vides en fin de fichier",
        count: 2,
      });
    }
    if (id === "noel-guichard" && year === 2024) {
      file.lines = [...file.lines, `Total;;;;;;;;${lines.length}`];
      inbox.mess({
        path,
        kind: "totals_line",
        detail: "dernière ligne « Total;;;;;;;;<nombre de lignes> »",
        count: 1,
      });
    }
    const bytes = await writeText(inbox, file);
    if (id === "noel-guichard" && year === 2021) {
      const copy = `${id}/consommations_2021 (copie).csv`;
      await inbox.write({ path: copy, rows: file.rows, encoding: enc.consos }, bytes);
      inbox.mess({
        path: copy,
        kind: "duplicate_file",
        detail: `copie identique octet pour octet de ${path}`,
      });
    }
  }
  truth.attendance[id] = attendanceStats(data.consos);
}

/**
 * Writes benevolat_<year>.csv (ors, saint-nicolas) or benevolat.xlsx (noel-guichard).
 * @param rng random stream of the centre
 * @param inbox output
 * @param truth ground truth
 * @param id centre id
 * @param title centre name for the workbook titles
 */
export async function writeCoopVolunteering(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  id: string,
  title: string,
): Promise<void> {
  const pool = volunteerPool(rng, POOL_SIZE);
  const stats: Truth["volunteering"][string] = {};
  if (id === "noel-guichard") {
    const sheets: SheetSpec[] = [];
    const perSheet: Record<string, number> = {};
    let total = 0;
    let textDates = 0;
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const entries = sessionEntries(rng, pool, year, MISSIONS);
      stats[year] = volunteerStats(entries);
      const rows: Row[] = [
        [`Suivi du bénévolat – ${title} – ${year}`, null, null, null],
        [null, null, null, null],
        ["Date", "Bénévole", "Mission", "Durée"],
      ];
      for (const e of entries) {
        const asText = rng.chance(0.04);
        if (asText) textDates++;
        rows.push([
          asText ? textCell(frenchDate(e.day)) : dateCell(e.day),
          e.name,
          e.mission,
          formatDuration(e.hours, pickDurationStyle(rng, [4, 2, 0, 3])),
        ]);
      }
      sheets.push({ name: String(year), rows });
      perSheet[String(year)] = entries.length;
      total += entries.length;
    }
    const path = `${id}/benevolat.xlsx`;
    await inbox.write(
      { path, rows: total, encoding: "xlsx", sheets: perSheet },
      await buildWorkbook(sheets),
    );
    inbox.mess({
      path,
      kind: "title_rows",
      detail: "chaque feuille commence par un titre puis une ligne vide ; en-tête en ligne 3",
    });
    inbox.mess({
      path,
      kind: "text_dates",
      detail: "dates saisies comme texte « jj/mm/aaaa »",
      count: textDates,
    });
    inbox.mess({
      path,
      kind: "mixed_durations",
      detail: "Durée en « 1h30 », « 2h », « 01:30 » ou nombre 1.5",
    });
  } else {
    const encoding: TextEncoding = id === "ors" ? "windows-1252" : "utf-8-bom";
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const entries = monthlyEntries(rng, pool, year);
      stats[year] = volunteerStats(entries);
      // Even years were typed "mars 2024", odd years "03/2024".
      const lines = monthlyCsvLines(entries, year % 2 === 0);
      await writeText(inbox, {
        path: `${id}/benevolat_${year}.csv`,
        encoding,
        lines,
        rows: entries.length,
      });
      inbox.mess({
        path: `${id}/benevolat_${year}.csv`,
        kind: "totals_line",
        detail: "dernière ligne « Total;;;<somme> »",
        count: 1,
      });
    }
    inbox.mess({
      path: `${id}/benevolat_*.csv`,
      kind: "mixed_month_formats",
      detail:
        "Mois écrit « mars 2024 » les années paires et « 03/2024 » les années impaires ; heures à virgule",
    });
  }
  truth.volunteering[id] = stats;
}
