/**
 * Individuals of the three Noethys centres of La Coopération, with about 5 %
 * of people registered in two of them (same nom, prénom, date_naiss).
 */
import type { Random } from "./random.ts";
import { frenchDate } from "./calendar.ts";
import { TRICKY_SURNAMES } from "./names.ts";
import {
  makeFamily,
  makeLoner,
  numberHouseholds,
  type Person,
  pickResidence,
  type Residence,
} from "./people.ts";

const R = (secteur: string, weight: number): Residence => ({
  cp: "26100",
  ville: "Romans-sur-Isère",
  secteur,
  weight,
});
const BOURG = { cp: "26300", ville: "Bourg-de-Péage", secteur: "" };
const MOURS = { cp: "26540", ville: "Mours-Saint-Eusèbe", secteur: "" };

/** Where each centre's public lives (QPV: Centre ancien, La Monnaie). */
export const RESIDENCES: Record<string, Residence[]> = {
  "ors": [
    R("Les Ors", 45),
    R("Saint-Romain", 10),
    R("Jacquemart", 10),
    R("Les Balmes", 8),
    R("La Presle", 7),
    R("Centre ancien", 5),
    R("La Monnaie", 3),
    { ...BOURG, weight: 7 },
    { ...MOURS, weight: 5 },
  ],
  "saint-nicolas": [
    R("Centre ancien", 55),
    R("Jacquemart", 10),
    R("Saint-Romain", 8),
    R("La Monnaie", 5),
    R("Les Ors", 5),
    R("Les Balmes", 5),
    R("La Presle", 3),
    { ...BOURG, weight: 5 },
    { ...MOURS, weight: 4 },
  ],
  "noel-guichard": [
    R("La Monnaie", 55),
    R("La Presle", 10),
    R("Les Balmes", 8),
    R("Saint-Romain", 6),
    R("Centre ancien", 5),
    R("Les Ors", 4),
    R("Jacquemart", 3),
    { ...BOURG, weight: 5 },
    { ...MOURS, weight: 4 },
  ],
};

/** Invalid birth dates written on purpose in saint-nicolas/individus.csv. */
export const INVALID_BIRTH_TEXTS = ["31/02/1987", "inconnue", ""];

/**
 * Builds the individuals of each Noethys centre.
 * @param rng random stream dedicated to people
 * @param sizes target number of individuals per centre id
 * @returns persons per centre, with IDs and date_naiss text set
 */
export function coopPeople(rng: Random, sizes: Record<string, number>): Record<string, Person[]> {
  const ids = Object.keys(sizes);
  const households: Record<string, Person[][]> = {};
  for (const id of ids) households[id] = [];

  // Shared people first: each appears in exactly two centres.
  const average = ids.reduce((s, id) => s + sizes[id], 0) / ids.length;
  const sharedCount = Math.max(3, Math.round(average * 0.05));
  for (let i = 0; i < sharedCount; i++) {
    const pair = rng.shuffle([...ids]).slice(0, 2);
    const person = makeLoner(rng, pickResidence(rng, RESIDENCES[pair[0]]));
    for (const id of pair) households[id].push([{ ...person }]);
  }
  const shared = new Set<Person>();
  for (const id of ids) for (const h of households[id]) shared.add(h[0]);

  const result: Record<string, Person[]> = {};
  for (const id of ids) {
    const list = households[id];
    let count = list.length;
    // Surnames with ’ and œ in every export, whatever the scale.
    for (const surname of TRICKY_SURNAMES) {
      const family = makeFamily(rng, pickResidence(rng, RESIDENCES[id]), surname);
      list.push(family);
      count += family.length;
    }
    while (count < sizes[id]) {
      const family = makeFamily(rng, pickResidence(rng, RESIDENCES[id]));
      list.push(family);
      count += family.length;
    }
    const people = numberHouseholds(rng.shuffle(list));
    for (const p of people) p.birthText = frenchDate(p.birth);
    if (id === "saint-nicolas") {
      const candidates = people.filter((p) => !shared.has(p));
      INVALID_BIRTH_TEXTS.forEach((text, i) => {
        candidates[Math.floor((i + 0.5) * candidates.length / INVALID_BIRTH_TEXTS.length)]
          .birthText = text;
      });
    }
    result[id] = people;
  }
  return result;
}

/**
 * Counts people present in two or more centres, keyed on nom, prénom and a
 * valid date_naiss, exactly as a cross-structure dedup would.
 * @param byCentre persons per centre
 */
export function countSharedPeople(byCentre: Record<string, Person[]>): number {
  const seenIn = new Map<string, Set<string>>();
  for (const [id, people] of Object.entries(byCentre)) {
    for (const p of people) {
      if (!/^\d\d\/\d\d\/\d{4}$/.test(p.birthText) || p.birthText === "31/02/1987") continue;
      const key = `${p.nom}|${p.prenom}|${p.birthText}`;
      let set = seenIn.get(key);
      if (!set) seenIn.set(key, set = new Set());
      set.add(id);
    }
  }
  let n = 0;
  for (const set of seenIn.values()) if (set.size >= 2) n++;
  return n;
}
