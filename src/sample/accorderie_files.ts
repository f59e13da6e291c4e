/**
 * Writes the Accorderie files: the workshop sign-in workbook and its
 * volunteering log.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { Truth } from "./truth.ts";
import type { Row } from "write-excel-file/node";
import { memberPool, signatureStats, YEARS, yearSignatures } from "./accorderie.ts";
import { yearTargets } from "./attendance.ts";
import { buildWorkbook, dateCell, type SheetSpec, textCell } from "./xlsx.ts";
import { formatDuration, pickDurationStyle } from "./duration_text.ts";
import { frenchDate } from "./calendar.ts";
import { POOL_SIZE, sessionEntries, volunteerPool, volunteerStats } from "./volunteering.ts";
import { decimalComma, encodeText } from "./csv.ts";

const ID = "accorderie";
const TITLE = "Accorderie de Romans – feuille d'émargement des ateliers collectifs";
const ACCORDERIE_MISSIONS = [
  "Accueil",
  "Animation d'activités",
  "Conseil d'administration",
  "Événements",
];

/**
 * Writes accorderie/emargement_ateliers.xlsx (one sheet per year) and
 * accorderie/benevolat.csv.
 * @param rng random stream of the Accorderie
 * @param inbox output
 * @param truth ground truth
 * @param scale volume multiplier
 */
export async function writeAccorderie(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  scale: number,
): Promise<void> {
  const members = memberPool(rng, Math.max(60, Math.round(1200 * scale)));
  const targets = yearTargets(5200, scale);
  const sheets: SheetSpec[] = [];
  const perSheet: Record<string, number> = {};
  const stats: Truth["attendance"][string] = {};
  let total = 0;
  let textDates = 0;
  for (const year of YEARS) {
    const lines = yearSignatures(rng, members, year, Math.round(targets.get(year)!));
    stats[year] = signatureStats(lines);
    const rows: Row[] = [
      [TITLE, null, null, null, null, null, null],
      [null, null, null, null, null, null, null],
      ["Date", "Nom", "Prénom", "Année de naissance", "Quartier", "Atelier", "Durée"],
    ];
    for (const l of lines) {
      const asText = rng.chance(0.03);
      if (asText) textDates++;
      rows.push([
        asText ? textCell(frenchDate(l.day)) : dateCell(l.day),
        l.member.nom,
        l.member.prenom,
        l.member.birthYear,
        l.member.quartier,
        l.atelier,
        formatDuration(l.hours, pickDurationStyle(rng, [2, 2, 2, 4])),
      ]);
    }
    sheets.push({ name: String(year), rows });
    perSheet[String(year)] = lines.length;
    total += lines.length;
  }
  const path = `${ID}/emargement_ateliers.xlsx`;
  await inbox.write(
    { path, rows: total, encoding: "xlsx", sheets: perSheet },
    await buildWorkbook(sheets),
  );
  inbox.mess({
    path,
    kind: "title_rows",
    detail: "titre en ligne 1, ligne 2 vide, en-tête en ligne 3, une feuille par année",
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
    detail: "Durée en texte « 1h30 », « 2h », « 01:30 », « 1,5 », « 2 » ou en nombre",
  });
  truth.attendance[ID] = stats;

  const pool = volunteerPool(rng, POOL_SIZE);
  const vol: Truth["volunteering"][string] = {};
  const lines = ["Bénévole;Date;Mission;Heures"];
  let rowsWritten = 0;
  for (const year of YEARS) {
    const entries = sessionEntries(rng, pool, year, ACCORDERIE_MISSIONS);
    vol[year] = volunteerStats(entries);
    for (const e of entries) {
      lines.push(`${e.name};${frenchDate(e.day)};${e.mission};${decimalComma(e.hours)}`);
    }
    rowsWritten += entries.length;
  }
  await inbox.write(
    { path: `${ID}/benevolat.csv`, rows: rowsWritten, encoding: "utf-8-bom" },
    encodeText(lines.join("\n") + "\n", "utf-8-bom"),
  );
  truth.volunteering[ID] = vol;
}
