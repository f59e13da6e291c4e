/**
 * Finance exports of La Coopération's four structures: an analytic general ledger per year
 * (2023–2025), a budget per action and a funders table. Each structure's accounting software
 * exports differently: the Ors a Windows-1252 CSV with non-breaking spaces in amounts and a totals
 * line, Saint-Nicolas one workbook per year with a title, Noël Guichard a UTF-8 CSV giving only
 * the fiscal year (« Exercice ») with a blank line, the Accorderie (an EVS) a small CSV with BOM.
 *
 * The books are coherent: funders' amounts are credited on 74x accounts (the CAF « prestation de
 * service » on 741x), families' participations on 706, salaries on 641/645, volunteering valued
 * at hours × SMIC in 864 (debit) and 870 (credit). Every line is valid; a few purchases are
 * really typed twice (two identical receipts) and both count. Amounts are computed in cents.
 */
import { frenchMonthName } from "../read/french_months.ts";
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { FinanceStats, Truth } from "./truth.ts";
import { dayOf, frenchDate } from "./calendar.ts";
import { csvLine, encodeText, type TextEncoding } from "./csv.ts";
import { buildWorkbook, dateCell } from "./xlsx.ts";
import type { Row } from "write-excel-file/node";

const YEARS = [2023, 2024, 2025] as const;
/** Gross hourly SMIC in cents used to value volunteering (the rate in force most of the year). */
const SMIC_CENTS: Record<number, number> = { 2023: 1152, 2024: 1165, 2025: 1188 };
/** One funder line of the funders table, credited in the ledger. */
interface Grant {
  funder: string;
  scheme: string;
  caf: boolean;
  account: string;
  section: string;
  /** Euros per year, before a ±8 % yearly variation. */
  base: number;
}

/** How one structure's books look. */
interface Profile {
  id: string;
  sections: string[];
  /** Monthly gross salaries (euros) of each section. */
  salaries: number[];
  purchases: number;
  volunteerHours: [number, number];
  grants: Grant[];
  /** Families' participations (euros per year), or 0. */
  participations: number;
}

function caf(funder: string, scheme: string, account: string, section: string, base: number): Grant {
  return { funder, scheme, caf: true, account, section, base };
}
function grant(funder: string, scheme: string, account: string, section: string, base: number): Grant {
  return { funder, scheme, caf: false, account, section, base };
}

const PROFILES: Profile[] = [
  {
    id: "ors",
    sections: ["Animation globale", "ACF", "ALSH", "Jeunesse", "Ateliers"],
    salaries: [9800, 3600, 7400, 3100, 1900],
    purchases: 110,
    volunteerHours: [120, 420],
    participations: 42000,
    grants: [
      caf("CAF de l'Isère", "Prestation de service animation globale", "741100", "Animation globale", 72400),
      caf("CAF de l'Isère", "Animation collective familles (ACF)", "741200", "ACF", 24800),
      caf("CAF de l'Isère", "Prestation de service ALSH", "741300", "ALSH", 46500),
      grant("Ville de Grenoble", "Subvention de fonctionnement", "744000", "Animation globale", 138000),
      grant("Conseil départemental de l'Isère", "Action sociale et familles", "743000", "ACF", 18500),
      grant("État – politique de la ville", "Contrat de ville", "742000", "Jeunesse", 12000),
      grant("FONJEP", "Poste FONJEP", "741800", "Animation globale", 7164),
    ],
  },
  {
    id: "saint-nicolas",
    sections: ["Animation globale", "ACF", "ALSH", "ASL"],
    salaries: [8700, 3300, 6200, 2400],
    purchases: 90,
    volunteerHours: [150, 520],
    participations: 31000,
    grants: [
      caf("Caf 38", "PS animation globale", "741100", "Animation globale", 71800),
      caf("Caf 38", "PS animation collective familles", "741200", "ACF", 24500),
      caf("Caf 38", "Prestation de service ordinaire ALSH", "741300", "ALSH", 38200),
      grant("Mairie de Grenoble", "Subvention annuelle", "744000", "Animation globale", 121000),
      grant("CD38", "Insertion – ateliers sociolinguistiques", "743000", "ASL", 14800),
      grant("Préfecture (politique de la ville)", "Contrat de ville – ASL", "742000", "ASL", 9500),
      grant("Fondation de France", "Parentalité", "758000", "ACF", 6000),
    ],
  },
  {
    id: "noel-guichard",
    sections: ["Animation globale", "ACF", "ALSH", "Jeunesse", "Jardin"],
    salaries: [9100, 3500, 6900, 3300, 1200],
    purchases: 100,
    volunteerHours: [100, 380],
    participations: 36500,
    grants: [
      caf(
        "Caisse d'allocations familiales",
        "Animation globale et coordination",
        "741100",
        "Animation globale",
        73100,
      ),
      caf("Caisse d'allocations familiales", "ACF", "741200", "ACF", 25100),
      caf("Caisse d'allocations familiales", "PS ALSH", "741300", "ALSH", 41800),
      grant("Ville de Grenoble", "Convention d'objectifs", "744000", "Animation globale", 129000),
      grant("Département de l'Isère", "Jeunesse", "743000", "Jeunesse", 11200),
      grant("ANCT – politique de la ville", "Contrat de ville – jeunesse", "742000", "Jeunesse", 10500),
      grant("FONJEP", "Poste FONJEP jeunesse", "741800", "Jeunesse", 7164),
      grant("Union européenne – FSE+", "Jardin d'insertion", "747000", "Jardin", 8800),
    ],
  },
  {
    id: "accorderie",
    sections: ["Animation locale", "Échanges"],
    salaries: [2900, 1300],
    purchases: 45,
    volunteerHours: [200, 640],
    participations: 0,
    grants: [
      caf("CAF", "Animation locale EVS", "741400", "Animation locale", 24300),
      grant("Commune de Grenoble", "Fonctionnement", "744000", "Animation locale", 18000),
      grant("Département", "Lien social", "743000", "Échanges", 6500),
      grant("Fondation Macif", "Réseau des accorderies", "758000", "Échanges", 5000),
    ],
  },
];

/** Purchase accounts with their labels and usual amount (euros). */
const PURCHASES: { account: string; labels: string[]; amount: [number, number] }[] = [
  { account: "606100", labels: ["Électricité", "Eau", "Gaz"], amount: [120, 1400] },
  {
    account: "606300",
    labels: ["Petit matériel", "Matériel pédagogique", "Jeux et jouets"],
    amount: [15, 480],
  },
  {
    account: "606400",
    labels: ["Fournitures de bureau", "Papeterie", "Cartouches d'encre"],
    amount: [12, 260],
  },
  {
    account: "606800",
    labels: ["Alimentation atelier cuisine", "Goûters", "Courses repas partagé"],
    amount: [20, 320],
  },
  {
    account: "611000",
    labels: ["Intervenant extérieur", "Prestation artistique", "Transport en car"],
    amount: [150, 2200],
  },
  { account: "613200", labels: ["Location de salle", "Location minibus"], amount: [80, 900] },
  {
    account: "615000",
    labels: ["Entretien des locaux", "Réparation chaudière", "Maintenance photocopieur"],
    amount: [60, 1500],
  },
  { account: "616000", labels: ["Assurance multirisque"], amount: [400, 2400] },
  {
    account: "622600",
    labels: ["Honoraires expert-comptable", "Commissaire aux comptes"],
    amount: [600, 3200],
  },
  { account: "623000", labels: ["Impression plaquettes", "Affiches fête de quartier"], amount: [40, 650] },
  { account: "625100", labels: ["Frais de déplacement", "Billets de train formation"], amount: [10, 380] },
  { account: "626000", labels: ["Téléphone et internet", "Affranchissements"], amount: [25, 210] },
  {
    account: "628100",
    labels: ["Cotisation fédération des centres sociaux", "Adhésion réseau"],
    amount: [150, 1800],
  },
];

/** One ledger line (amounts in cents). */
interface Entry {
  day: number;
  journal: string;
  piece: string;
  account: string;
  label: string;
  section: string;
  debit: number;
  credit: number;
}

function cents(rng: Random, range: [number, number]): number {
  return rng.int(range[0] * 100, range[1] * 100);
}

/** Euros of a cent amount, French style: 123456 → "1 234,56" with `space` as thousands separator. */
function frenchAmount(value: number, space: string): string {
  if (value === 0) return "";
  const euros = String(Math.floor(value / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, space);
  return `${euros},${String(value % 100).padStart(2, "0")}`;
}

function vary(rng: Random, base: number): number {
  return Math.round(base * 100 * (0.92 + 0.16 * rng.next()));
}

/** The ledger of one structure and year, sorted by day, with its funding lines. */
function yearBooks(rng: Random, p: Profile, year: number) {
  const entries: Entry[] = [];
  const funding: { funder: string; scheme: string; amount: number; caf: boolean }[] = [];
  let piece = 0;
  const ref = (journal: string) => `${journal}${String(year).slice(2)}-${String(++piece).padStart(4, "0")}`;
  const add = (
    day: number,
    journal: string,
    account: string,
    label: string,
    section: string,
    debit: number,
    credit: number,
  ) => entries.push({ day, journal, piece: ref(journal), account, label, section, debit, credit });

  // Salaries and social charges, every month and section.
  for (let m = 1; m <= 12; m++) {
    const day = dayOf(year, m, 28);
    p.sections.forEach((section, i) => {
      const gross = vary(rng, p.salaries[i]);
      add(day, "OD", "641100", `Salaires ${frenchMonthName(m)} ${year}`, section, gross, 0);
      add(
        day,
        "OD",
        "645100",
        `Charges sociales ${frenchMonthName(m)} ${year}`,
        section,
        Math.round(gross * 0.42),
        0,
      );
    });
  }
  // Purchases, some typed twice on purpose (two identical receipts), and a few credit notes.
  for (let i = 0; i < p.purchases; i++) {
    const kind = rng.pick(PURCHASES);
    const day = dayOf(year, 1, 2) + rng.int(0, 360);
    const amount = cents(rng, kind.amount);
    const label = rng.pick(kind.labels);
    const section = rng.pick(p.sections);
    add(day, "AC", kind.account, label, section, amount, 0);
    if (rng.chance(0.03)) entries.push({ ...entries[entries.length - 1] });
    if (rng.chance(0.04)) {
      add(
        Math.min(day + 12, dayOf(year, 12, 31)),
        "AC",
        kind.account,
        `Avoir ${label.toLowerCase()}`,
        section,
        0,
        Math.round(amount / 4),
      );
    }
  }
  add(dayOf(year, 12, 31), "OD", "681100", "Dotation aux amortissements", p.sections[0], vary(rng, 4200), 0);

  // Funders: credited on 74x in one or two instalments (advance then balance).
  for (const g of p.grants) {
    // A FONJEP post is a fixed yearly unit; other grants vary from year to year.
    const amount = g.funder === "FONJEP" ? g.base * 100 : vary(rng, g.base);
    funding.push({ funder: g.funder, scheme: g.scheme, amount, caf: g.caf });
    if (rng.chance(0.6)) {
      const advance = Math.round(amount * 0.6);
      add(
        dayOf(year, rng.int(2, 5), rng.int(1, 28)),
        "BQ",
        g.account,
        `Acompte ${g.scheme}`,
        g.section,
        0,
        advance,
      );
      add(
        dayOf(year, rng.int(9, 12), rng.int(1, 28)),
        "BQ",
        g.account,
        `Solde ${g.scheme}`,
        g.section,
        0,
        amount - advance,
      );
    } else {
      add(dayOf(year, rng.int(3, 11), rng.int(1, 28)), "BQ", g.account, g.scheme, g.section, 0, amount);
    }
  }
  // Families' participations, monthly on 706.
  if (p.participations > 0) {
    const total = vary(rng, p.participations);
    let left = total;
    for (let m = 1; m <= 12; m++) {
      const part = m === 12 ? left : Math.round(total / 12 * (0.7 + 0.6 * rng.next()));
      left -= part;
      add(
        dayOf(year, m, 25),
        "VT",
        "706300",
        `Participations des familles ${frenchMonthName(m)}`,
        "ALSH",
        0,
        part,
      );
    }
    funding.push({
      funder: "Participations des familles",
      scheme: "ALSH et activités",
      amount: total,
      caf: false,
    });
  }
  add(dayOf(year, 3, 31), "BQ", "756000", "Cotisations des adhérents", p.sections[0], 0, vary(rng, 1800));
  add(dayOf(year, 12, 31), "BQ", "768000", "Intérêts livret", p.sections[0], 0, vary(rng, 240));
  // Bank transfers: class « autre », outside the totals.
  add(dayOf(year, 6, 30), "BQ", "512000", "Virement vers livret", p.sections[0], vary(rng, 10000), 0);
  add(
    dayOf(year, 6, 30),
    "BQ",
    "512100",
    "Virement depuis compte courant",
    p.sections[0],
    0,
    vary(rng, 10000),
  );

  // Volunteering valued at hours × SMIC, each quarter and section, and free premises.
  const smic = SMIC_CENTS[year];
  for (let q = 1; q <= 4; q++) {
    const day = dayOf(year, q * 3, q === 1 || q === 4 ? 31 : 30);
    for (const section of p.sections) {
      const value = rng.int(p.volunteerHours[0], p.volunteerHours[1]) * smic;
      add(day, "OD", "864000", `Personnel bénévole T${q}`, section, value, 0);
      add(day, "OD", "870000", `Bénévolat T${q}`, section, 0, value);
    }
  }
  if (rng.chance(0.7)) {
    const value = vary(rng, 6000);
    add(
      dayOf(year, 12, 31),
      "OD",
      "860000",
      "Mise à disposition gratuite de locaux",
      p.sections[0],
      value,
      0,
    );
    add(dayOf(year, 12, 31), "OD", "871000", "Prestations en nature (locaux)", p.sections[0], 0, value);
  }
  entries.sort((a, b) => a.day - b.day);
  // Software numbers pieces in date order; a receipt typed twice keeps one number.
  const numbers = new Map<string, string>();
  for (const e of entries) {
    if (!numbers.has(e.piece)) {
      numbers.set(
        e.piece,
        `${e.journal}${String(year).slice(2)}-${String(numbers.size + 1).padStart(4, "0")}`,
      );
    }
    e.piece = numbers.get(e.piece)!;
  }
  return { entries, funding };
}

/** Ground truth of one year's books. */
function yearStats(entries: Entry[], funding: { amount: number; caf: boolean }[]): FinanceStats {
  let charges = 0, produits = 0, nature = 0;
  for (const e of entries) {
    if (e.account.startsWith("86") || e.account.startsWith("87")) nature += e.debit;
    else if (e.account.startsWith("6")) charges += e.debit - e.credit;
    else if (e.account.startsWith("7")) produits += e.credit - e.debit;
  }
  return {
    charges: charges / 100,
    produits: produits / 100,
    contributions_nature: nature / 100,
    funding_total: funding.reduce((s, f) => s + f.amount, 0) / 100,
    caf_funding: funding.filter((f) => f.caf).reduce((s, f) => s + f.amount, 0) / 100,
  };
}

/** Writes one ledger as this structure's software exports it. */
async function writeLedger(inbox: Inbox, id: string, year: number, entries: Entry[]): Promise<void> {
  const sum = (k: "debit" | "credit") => entries.reduce((s, e) => s + e[k], 0);
  const text = async (path: string, lines: string[], encoding: TextEncoding, eol: string) => {
    await inbox.write({ path, rows: entries.length, encoding }, encodeText(lines.join(eol) + eol, encoding));
  };
  if (id === "ors") {
    const nbsp = "\u00a0";
    const lines = ["Date;Journal;N° pièce;Compte;Libellé;Section analytique;Débit;Crédit"];
    for (const e of entries) {
      lines.push(csvLine([
        frenchDate(e.day),
        e.journal,
        e.piece,
        e.account,
        e.label,
        e.section,
        frenchAmount(e.debit, nbsp),
        frenchAmount(e.credit, nbsp),
      ], ";"));
    }
    lines.push(`Total;;;;;;${frenchAmount(sum("debit"), nbsp)};${frenchAmount(sum("credit"), nbsp)}`);
    await text(`ors/grand_livre_${year}.csv`, lines, "windows-1252", "\r\n");
  } else if (id === "saint-nicolas") {
    const rows: Row[] = [
      [`Grand livre analytique – exercice ${year}`, null, null, null, null, null, null],
      [null, null, null, null, null, null, null],
      ["Date écriture", "Pièce", "Compte", "Libellé écriture", "Code analytique", "Débit", "Crédit"],
    ];
    for (const e of entries) {
      rows.push([
        dateCell(e.day),
        e.piece,
        e.account,
        e.label,
        e.section,
        e.debit === 0 ? null : e.debit / 100,
        e.credit === 0 ? null : e.credit / 100,
      ]);
    }
    const path = `saint-nicolas/grand_livre_${year}.xlsx`;
    const sheet = `GL ${year}`;
    await inbox.write(
      { path, rows: entries.length, encoding: "xlsx", sheets: { [sheet]: entries.length } },
      await buildWorkbook([{ name: sheet, rows }]),
    );
  } else if (id === "noel-guichard") {
    const lines = ["Exercice;Journal;Compte;Intitulé;Section;Débit;Crédit"];
    entries.forEach((e, i) => {
      // A blank line where the export changes page.
      if (i === Math.floor(entries.length / 2)) lines.push("");
      lines.push(csvLine([
        String(year),
        e.journal,
        e.account,
        e.label,
        e.section,
        frenchAmount(e.debit, ""),
        frenchAmount(e.credit, ""),
      ], ";"));
    });
    await text(`noel-guichard/grand_livre_${year}.csv`, lines, "utf-8", "\n");
  } else {
    const lines = ["Date;Compte;Libellé;Analytique;Débit;Crédit"];
    for (const e of entries) {
      lines.push(csvLine([
        frenchDate(e.day),
        e.account,
        e.label,
        e.section,
        frenchAmount(e.debit, " "),
        frenchAmount(e.credit, " "),
      ], ";"));
    }
    await text(`accorderie/grand_livre_${year}.csv`, lines, "utf-8-bom", "\r\n");
  }
}

/**
 * Writes the ledgers, budgets and funders tables of La Coopération and their ground truth.
 * @param rng the « finances » stream (forked per structure)
 */
export async function writeFinances(rng: Random, inbox: Inbox, truth: Truth): Promise<void> {
  for (const p of PROFILES) {
    const r = rng.fork(p.id);
    const stats: Record<string, FinanceStats> = {};
    const budget = ["Action;Année;Charges prévues;Produits prévus;Réalisé"];
    const funders = ["Financeur;Dispositif;Montant;Année"];
    const encoding: TextEncoding = p.id === "ors" ? "windows-1252" : "utf-8";
    const space = p.id === "ors" ? "\u00a0" : " ";
    let fundingRows = 0;
    for (const year of YEARS) {
      const { entries, funding } = yearBooks(r, p, year);
      await writeLedger(inbox, p.id, year, entries);
      stats[year] = yearStats(entries, funding);
      for (const f of funding) {
        funders.push(csvLine([f.funder, f.scheme, frenchAmount(f.amount, space), String(year)], ";"));
        fundingRows++;
      }
      for (const section of p.sections) {
        const costs = entries.filter((e) => e.section === section && e.account.startsWith("6"))
          .reduce((s, e) => s + e.debit - e.credit, 0);
        const income = entries.filter((e) =>
          e.section === section && e.account.startsWith("7") && !e.account.startsWith("87")
        ).reduce((s, e) => s + e.credit - e.debit, 0);
        const planned = (v: number) => Math.round(v * (0.95 + 0.1 * r.next()) / 100) * 100;
        budget.push(csvLine([
          section,
          String(year),
          frenchAmount(planned(costs), space),
          frenchAmount(planned(income), space),
          year < 2025 ? frenchAmount(costs, space) : "",
        ], ";"));
      }
    }
    const budgetRows = budget.length - 1;
    await inbox.write(
      { path: `${p.id}/budget_actions.csv`, rows: budgetRows, encoding },
      encodeText(budget.join("\r\n") + "\r\n", encoding),
    );
    funders.push(
      `Total;;${
        frenchAmount(Object.values(stats).reduce((s, y) => s + Math.round(y.funding_total * 100), 0), space)
      };`,
    );
    await inbox.write(
      { path: `${p.id}/financeurs.csv`, rows: fundingRows, encoding },
      encodeText(funders.join("\r\n") + "\r\n", encoding),
    );
    truth.finances[p.id] = stats;
  }
}
