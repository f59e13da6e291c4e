/**
 * Salaried staff of the four members of La Coopération: one line per contract (a CDD followed
 * by a CDI is two lines), FTE written as 0,8, 80 % or an Excel percentage, entry and exit dates.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { StaffStats, Truth } from "./truth.ts";
import { dayOf, frenchDate } from "./calendar.ts";
import { csvLine, decimalComma, encodeText } from "./csv.ts";
import { buildWorkbook, dateCell } from "./xlsx.ts";
import { OLD_FEMALE, OLD_MALE, SURNAMES, upperSurname, YOUNG_FEMALE, YOUNG_MALE } from "./names.ts";
import type { Row } from "write-excel-file/node";

/** One contract line. */
interface Contract {
  last: string;
  first: string;
  role: string;
  contract: string;
  fte: number;
  start: number;
  end: number | null;
  funding: string;
}

/** Posts of a centre social: role, contract, usual FTE choices, funding. */
const POSTS: { role: string; contract: string; ftes: number[]; funding: string }[] = [
  { role: "Direction", contract: "CDI", ftes: [1], funding: "" },
  { role: "Référente familles", contract: "CDI", ftes: [1, 0.8], funding: "" },
  { role: "Animateur jeunesse", contract: "CDI", ftes: [1, 0.8], funding: "FONJEP" },
  { role: "Coordinatrice enfance", contract: "CDI", ftes: [1], funding: "" },
  { role: "Agent d'accueil", contract: "CDI", ftes: [0.8, 0.6, 0.57], funding: "" },
  { role: "Comptable", contract: "CDI", ftes: [0.5, 0.4, 0.2], funding: "" },
  { role: "Agent d'entretien", contract: "CDI", ftes: [0.5, 0.6], funding: "" },
  { role: "Médiateur social", contract: "Adulte-relais", ftes: [1], funding: "poste adulte-relais" },
  { role: "Conseiller numérique", contract: "CDD", ftes: [1], funding: "État (France Services)" },
  { role: "Animateur ALSH", contract: "CDD", ftes: [0.5, 0.7, 1], funding: "" },
  {
    role: "Animatrice accompagnement scolaire",
    contract: "Contrat aidé (PEC)",
    ftes: [0.57, 0.6],
    funding: "PEC",
  },
  { role: "Apprenti BPJEPS", contract: "Apprentissage", ftes: [1], funding: "" },
  { role: "Animateur vacances", contract: "CEE", ftes: [1, 0.5], funding: "" },
];

const YEAR_START = dayOf(2025, 1, 1);
const YEAR_END = dayOf(2025, 12, 31);

function stats(contracts: readonly Contract[]): StaffStats {
  let fte = 0;
  for (const c of contracts) {
    const from = Math.max(c.start, YEAR_START);
    const to = Math.min(c.end ?? YEAR_END, YEAR_END);
    if (to >= from) fte += c.fte * (to - from + 1) / 365;
  }
  return {
    people: new Set(contracts.map((c) => `${c.last}|${c.first}`)).size,
    contracts: contracts.length,
    fte_2025: Math.round(fte * 100) / 100,
  };
}

/** Contracts of `count` people, some with a CDD before their CDI, some gone, some new. */
function staffContracts(rng: Random, count: number): Contract[] {
  const names = new Set<string>();
  const out: Contract[] = [];
  for (let i = 0; i < count; i++) {
    let last = "";
    let first = "";
    do {
      const female = rng.chance(0.7);
      const old = rng.chance(0.4);
      first = rng.pick(female ? (old ? OLD_FEMALE : YOUNG_FEMALE) : (old ? OLD_MALE : YOUNG_MALE));
      last = upperSurname(rng.pick(SURNAMES));
    } while (names.has(`${last}|${first}`));
    names.add(`${last}|${first}`);
    const post = i === 0 ? POSTS[0] : rng.pick(POSTS.slice(1));
    const fte = rng.pick(post.ftes);
    let start = dayOf(2012, 1, 1) + rng.int(0, 365 * 13);
    if (post.contract === "CDI" && rng.chance(0.3)) {
      // A CDD first, then the CDI the day after it ends.
      const cddEnd = start + rng.int(90, 360);
      out.push({
        last,
        first,
        role: post.role,
        contract: "CDD",
        fte,
        start,
        end: cddEnd,
        funding: post.funding,
      });
      start = cddEnd + 1;
    }
    const temporary = post.contract !== "CDI";
    const leaves = temporary || rng.chance(0.2);
    const end = leaves ? start + rng.int(60, temporary ? 700 : 2500) : null;
    out.push({
      last,
      first,
      role: post.role,
      contract: post.contract,
      fte,
      start,
      end,
      funding: post.funding,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const percent = (fte: number) => `${Math.round(fte * 100)} %`;

/**
 * Writes one staff table per member of La Coopération.
 * @param rng random stream of staff tables
 * @param inbox output
 * @param truth ground truth
 */
export async function writeStaff(rng: Random, inbox: Inbox, truth: Truth): Promise<void> {
  // Les Ors: a workbook, FTE as Excel percentages, real date cells.
  {
    const r = rng.fork("ors");
    const contracts = staffContracts(r, 12);
    const rows: Row[] = [
      [
        "Tableau des effectifs salariés – Maison de quartier des Ors",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [null, null, null, null, null, null, null, null],
      ["Nom", "Prénom", "Poste", "Type de contrat", "ETP", "Date d'entrée", "Date de sortie", "Financement"],
      ...contracts.map((c): Row => [
        c.last,
        c.first,
        c.role,
        c.contract,
        { value: c.fte, type: Number, format: "0%" },
        dateCell(c.start),
        c.end === null ? null : dateCell(c.end),
        c.funding || null,
      ]),
    ];
    const path = "ors/personnel.xlsx";
    await inbox.write(
      { path, rows: contracts.length, encoding: "xlsx" },
      await buildWorkbook([{ name: "Salariés", rows }]),
    );
    truth.staff.ors = stats(contracts);
  }

  // Saint-Nicolas: UTF-8 with BOM, FTE typed "0,8" or "80 %".
  {
    const r = rng.fork("saint-nicolas");
    const contracts = staffContracts(r, 10);
    const lines = ["Nom;Prénom;Fonction;Type de contrat;ETP;Date d'entrée;Date de sortie;Financement"];
    for (const c of contracts) {
      lines.push(csvLine([
        c.last,
        c.first,
        c.role,
        c.contract,
        r.chance(0.5) ? percent(c.fte) : decimalComma(c.fte),
        frenchDate(c.start),
        c.end === null ? "" : frenchDate(c.end),
        c.funding,
      ], ";"));
    }
    await inbox.write(
      { path: "saint-nicolas/salaries.csv", rows: contracts.length, encoding: "utf-8-bom" },
      encodeText(lines.join("\r\n") + "\r\n", "utf-8-bom"),
    );
    truth.staff["saint-nicolas"] = stats(contracts);
  }

  // Noël Guichard: Windows-1252, one "Nom Prénom" column, a quotité in %, a totals line.
  {
    const r = rng.fork("noel-guichard");
    const contracts = staffContracts(r, 11);
    const lines = ["Salarié;Fonction;Contrat;Quotité;Date d'embauche;Fin de contrat;Financement du poste"];
    for (const c of contracts) {
      lines.push(csvLine([
        `${c.last} ${c.first}`,
        c.role,
        c.contract,
        `${Math.round(c.fte * 100)}%`,
        frenchDate(c.start),
        c.end === null ? "" : frenchDate(c.end),
        c.funding,
      ], ";"));
    }
    lines.push(`Total;;;${decimalComma(contracts.reduce((s, c) => s + c.fte, 0))};;;`);
    await inbox.write(
      { path: "noel-guichard/tableau_personnel.csv", rows: contracts.length, encoding: "windows-1252" },
      encodeText(lines.join("\r\n") + "\r\n", "windows-1252"),
    );
    truth.staff["noel-guichard"] = stats(contracts);
  }

  // Accorderie: a small team.
  {
    const r = rng.fork("accorderie");
    const contracts = staffContracts(r, 3);
    const lines = ["Nom;Prénom;Poste;Contrat;ETP;Date d'entrée;Date de sortie"];
    for (const c of contracts) {
      lines.push(csvLine([
        c.last,
        c.first,
        c.role,
        c.contract,
        decimalComma(c.fte),
        frenchDate(c.start),
        c.end === null ? "" : frenchDate(c.end),
      ], ";"));
    }
    await inbox.write(
      { path: "accorderie/salaries.csv", rows: contracts.length, encoding: "utf-8" },
      encodeText(lines.join("\n") + "\n", "utf-8"),
    );
    truth.staff.accorderie = stats(contracts);
  }
}
