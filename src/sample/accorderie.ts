/**
 * The Accorderie (time bank): attendance sheets of its collective workshops.
 */
import type { Random } from "./random.ts";
import { dayOf, FIRST_YEAR, isClosed, LAST_YEAR, partsOf } from "./calendar.ts";
import { OLD_FEMALE, OLD_MALE, SURNAMES, YOUNG_FEMALE, YOUNG_MALE } from "./names.ts";
import type { YearStats } from "./attendance.ts";

/** A member of the time bank as written on the sheets. */
export interface Member {
  /** Years of membership (members come and go). */
  from: number;
  to: number;
  nom: string;
  prenom: string;
  birthYear: number;
  quartier: string;
}

/** One signature on an attendance sheet. */
export interface Signature {
  day: number;
  member: Member;
  atelier: string;
  hours: number;
}

/** Workshops and their usual duration in hours. */
export const ATELIERS: [string, number][] = [
  ["Atelier cuisine du monde", 2.5],
  ["Réparation de vélos", 2],
  ["Initiation informatique", 1.5],
  ["Couture et retouches", 2],
  ["Jardinage au potager partagé", 2],
  ["Fabrication de produits ménagers", 1.5],
  ["Échange de savoirs : tricot", 2],
  ["Café-rencontre des accordeurs", 1],
  ["Yoga du rire", 1],
];

const QUARTIERS = [
  "Centre ancien",
  "La Monnaie",
  "Les Ors",
  "Saint-Romain",
  "Jacquemart",
  "Les Balmes",
  "La Presle",
  "Bourg-de-Péage",
  "Mours-Saint-Eusèbe",
];
const QUARTIER_WEIGHTS = [20, 18, 12, 8, 10, 8, 8, 10, 6];

/**
 * Members with distinct (nom, prénom, année de naissance).
 * @param rng random stream
 * @param size number of members
 */
export function memberPool(rng: Random, size: number): Member[] {
  const keys = new Set<string>();
  const members: Member[] = [];
  while (members.length < size) {
    const birthYear = rng.int(1940, 2005);
    const female = rng.chance(0.65);
    const old = birthYear < 1965;
    const prenom = rng.pick(
      female ? (old ? OLD_FEMALE : YOUNG_FEMALE) : (old ? OLD_MALE : YOUNG_MALE),
    );
    const nom = rng.pick(SURNAMES);
    const key = `${nom}|${prenom}|${birthYear}`;
    if (keys.has(key)) continue;
    keys.add(key);
    const from = rng.int(FIRST_YEAR - 5, LAST_YEAR);
    members.push({
      from,
      to: from + rng.int(0, 6),
      nom,
      prenom,
      birthYear,
      quartier: rng.weighted(QUARTIERS, QUARTIER_WEIGHTS),
    });
  }
  return members;
}

/** Identity of a member across sheets. */
export function memberKey(m: Member): string {
  return `${m.nom}|${m.prenom}|${m.birthYear}`;
}

/**
 * Signatures of one year, generated workshop by workshop until the target.
 * @param rng random stream
 * @param members member pool
 * @param year calendar year
 * @param target number of lines wanted
 */
export function yearSignatures(
  rng: Random,
  members: Member[],
  year: number,
  target: number,
): Signature[] {
  const out: Signature[] = [];
  const first = dayOf(year, 1, 1);
  const length = dayOf(year + 1, 1, 1) - first;
  // Only current members sign; regulars sign much more often than the others.
  let active = members.filter((m) => m.from <= year && m.to >= year);
  if (active.length < 15) active = members;
  const weights = active.map((_, i) => (i % 5 === 0 ? 6 : 1));
  while (out.length < target) {
    let day = first + rng.int(0, length - 1);
    while (isClosed(day, partsOf(day))) day = first + rng.int(0, length - 1);
    const [atelier, usual] = rng.pick(ATELIERS);
    const hours = rng.chance(0.8) ? usual : usual + rng.pick([-0.5, 0.5, 1]);
    const size = Math.min(rng.int(3, 15), active.length);
    const present = new Set<Member>();
    while (present.size < size) present.add(rng.weighted(active, weights));
    for (const member of present) out.push({ day, member, atelier, hours });
  }
  out.sort((a, b) => a.day - b.day || (a.atelier < b.atelier ? -1 : a.atelier > b.atelier ? 1 : 0));
  return out;
}

/** Ground truth of one year of signatures (every line is a presence). */
export function signatureStats(lines: readonly Signature[]): YearStats {
  const who = new Set(lines.map((l) => memberKey(l.member)));
  const quarters = lines.reduce((sum, l) => sum + Math.round(l.hours * 4), 0);
  return {
    rows: lines.length,
    present: lines.length,
    hours: Math.round(quarters / 4 * 100) / 100,
    participants: who.size,
  };
}

/** Years covered by the sheets. */
export const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
