/**
 * The membership list (« liste des adhésions ») the accueil of one centre of La Coopération keeps
 * in Excel beside Noethys: a title line, no member number (name and birth date identify people,
 * as typed in Noethys so members link to the individus), types in several spellings, fees with a
 * decimal comma, and one association member without a first name or birth date.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { MembershipStats, Truth } from "./truth.ts";
import type { Person } from "./people.ts";
import { dayOf, frenchDate } from "./calendar.ts";
import { csvLine, decimalComma, encodeText } from "./csv.ts";

/** Season written (September to August). */
const SEASON_START = dayOf(2024, 9, 2);
const SEASON_END = dayOf(2025, 8, 31);

/** Type as typed → canonical type, and its fee. */
const TYPES: { typed: string[]; type: string; fee: number; weight: number }[] = [
  { typed: ["Individuelle", "individuelle", "Indiv."], type: "individuelle", fee: 10, weight: 5 },
  { typed: ["Familiale", "Famille", "Adhésion familiale"], type: "familiale", fee: 20, weight: 4 },
  { typed: ["Bénévole", "Benevole"], type: "bénévole", fee: 0, weight: 1 },
];

const HEADER = [
  "Nom",
  "Prénom",
  "Date de naissance",
  "Date d'adhésion",
  "Fin d'adhésion",
  "Type d'adhésion",
  "Montant",
  "Code postal",
  "Commune",
];

/**
 * Writes `<id>/adhesions_2024-2025.csv` for about a third of the adults of `people` (distinct by
 * name and birth date) and records the truth.
 */
export async function writeMemberships(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  id: string,
  people: readonly Person[],
): Promise<void> {
  const seen = new Set<string>();
  const lines = [`Liste des adhérents – saison 2024-2025;;;;;;;;`, HEADER.join(";")];
  const stats: MembershipStats = { members: 0, linked: 0, types: {}, amount: 0 };
  for (const p of people) {
    const key = `${p.nom}|${p.prenom}|${p.birthText}`;
    // Only adults with a readable birth date join; one line per person and season.
    if (!/^\d\d\/\d\d\/\d{4}$/.test(p.birthText) || p.birth > dayOf(2006, 9, 1) || seen.has(key)) continue;
    if (!rng.chance(0.35)) continue;
    seen.add(key);
    const total = TYPES.reduce((s, t) => s + t.weight, 0);
    let pick = rng.int(0, total - 1);
    const kind = TYPES.find((t) => (pick -= t.weight) < 0)!;
    const start = SEASON_START + rng.int(0, 200);
    lines.push(csvLine([
      p.nom,
      p.prenom,
      p.birthText,
      frenchDate(start),
      frenchDate(SEASON_END),
      rng.pick(kind.typed),
      kind.fee === 0 ? "0" : `${decimalComma(kind.fee)} €`,
      p.cp,
      p.ville,
    ], ";"));
    stats.members++;
    stats.linked++;
    stats.types[kind.type] = (stats.types[kind.type] ?? 0) + 1;
    stats.amount += kind.fee;
  }
  // An association member: no first name, no birth date (identified by its name alone).
  lines.push(csvLine([
    "Les Jardins partagés des Ors",
    "",
    "",
    frenchDate(SEASON_START + 30),
    frenchDate(SEASON_END),
    "Association",
    "50 €",
    "26100",
    "Romans-sur-Isère",
  ], ";"));
  stats.members++;
  stats.types["association"] = (stats.types["association"] ?? 0) + 1;
  stats.amount += 50;
  const path = `${id}/adhesions_2024-2025.csv`;
  await inbox.write(
    { path, rows: stats.members, encoding: "utf-8-bom" },
    encodeText(lines.join("\r\n") + "\r\n", "utf-8-bom"),
  );
  inbox.mess({ path, kind: "title_row", detail: "1 ligne de titre au-dessus de l'en-tête", count: 1 });
  truth.memberships[id] = stats;
}
