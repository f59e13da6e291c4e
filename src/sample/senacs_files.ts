/**
 * The federation's SENACS extract for 2024 (`senacs_2024.xlsx` at the inbox root): one row per
 * structure, the questions as columns with their long labels (some prefixed with their code), a
 * few « NSP », and budgets typed as text now and then. Values follow the structure's size: a
 * centre social has more staff, volunteers and budget than an EVS.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { SenacsStats, Truth } from "./truth.ts";
import type { Structure } from "./structures.ts";
import { buildWorkbook, textCell } from "./xlsx.ts";

/** The year the answers describe. */
const YEAR = 2024;
/** File written, relative to the inbox. */
export const SENACS_PATH = `senacs_${YEAR}.xlsx`;

const HEADER = [
  "Identifiant structure",
  "Nom de la structure",
  "Année de référence",
  "Type de territoire",
  "Q3 - Intervention en quartier prioritaire (QPV)",
  "Nombre d'actions en direction des enfants",
  "Nombre d'actions en direction des familles",
  "Nombre de partenaires opérationnels",
  "Dont habitants usagers membres du conseil d'administration",
  "Nombre de salariés au 31 décembre",
  "Nombre total d'équivalents temps plein (ETP) salariés",
  "Q12 - Nombre de bénévoles d'activité",
  "Q13 - Nombre de bénévoles de gouvernance (conseil d'administration, bureau)",
  "Montant total des produits de l'exercice",
  "Dont financements de la CAF (prestations de service et fonds propres)",
];

/** Euros with a space every three digits and the € sign, as typed by hand. */
function euroText(value: number): string {
  return `${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} €`;
}

/**
 * Writes the extract and records its totals (unknown answers left out, as the loader does).
 * @param rng stream dedicated to SENACS
 * @param inbox where the file goes
 * @param truth ground truth to complete
 * @param structures the 39 structures of the registry
 */
export async function writeSenacs(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  structures: readonly Structure[],
): Promise<void> {
  const stats: SenacsStats = {
    year: YEAR,
    structures: structures.length,
    totals: { volunteers_activity: 0, fte_total: 0, budget_total: 0 },
  };
  let fteHundredths = 0;
  const rows = structures.map((s) => {
    const centre = s.type === "Centre social";
    const fte = centre ? rng.int(600, 2500) : rng.int(50, 400); // hundredths of an ETP
    const staff = Math.max(1, Math.round(fte / 100 * (1.2 + rng.next() * 0.6)));
    const volunteers = centre ? rng.int(20, 90) : rng.int(8, 35);
    const board = centre ? rng.int(8, 18) : rng.int(5, 12);
    const budget = (centre ? rng.int(400, 1600) : rng.int(60, 250)) * 1000 + rng.int(0, 999);
    const caf = Math.round(budget * (0.3 + rng.next() * 0.15));
    const rural = s.commune.population < 5000;
    const unknownActivity = rng.chance(0.08);
    if (!unknownActivity) stats.totals.volunteers_activity += volunteers;
    fteHundredths += fte;
    stats.totals.budget_total += budget;
    return [
      s.id,
      s.nom,
      YEAR,
      rural ? "Rural" : s.qpv ? "Urbain (QPV)" : "Urbain",
      s.qpv ? "Oui" : "Non",
      centre ? rng.int(3, 15) : rng.int(0, 4),
      centre ? rng.int(4, 20) : rng.int(1, 8),
      centre ? rng.int(10, 45) : rng.int(3, 15),
      Math.min(board, rng.int(2, 8)),
      staff,
      fte / 100,
      unknownActivity ? "NSP" : volunteers,
      rng.chance(0.05) ? "NSP" : board,
      rng.chance(0.3) ? textCell(euroText(budget)) : budget,
      caf,
    ];
  });
  stats.totals.fte_total = fteHundredths / 100;
  const bytes = await buildWorkbook([{ name: String(YEAR), rows: [HEADER, ...rows] }]);
  await inbox.write({ path: SENACS_PATH, rows: rows.length, encoding: "xlsx" }, bytes);
  truth.senacs = stats;
}
