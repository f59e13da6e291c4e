/**
 * Individuals and families registered in a centre (the Noethys "individus" table).
 */
import type { Random } from "./random.ts";
import { dayOf } from "./calendar.ts";
import { OLD_FEMALE, OLD_MALE, SURNAMES, YOUNG_FEMALE, YOUNG_MALE } from "./names.ts";

/** Where a person lives: postcode, town and neighbourhood (secteur). */
export interface Residence {
  cp: string;
  ville: string;
  secteur: string;
  weight: number;
}

/** One individual as generated (before IDs are assigned by a structure). */
export interface Person {
  id: number;
  family: number;
  nom: string;
  prenom: string;
  /** Day number of birth, used for age rules. */
  birth: number;
  /** date_naiss as written in the export (may be deliberately invalid). */
  birthText: string;
  cp: string;
  ville: string;
  secteur: string;
}

/** Reference day for ages (mid-2025). */
const REFERENCE = dayOf(2025, 6, 30);

/** Age in whole years at a given day. */
export function ageAt(birth: number, day: number): number {
  return Math.floor((day - birth) / 365.25);
}

function birthForAge(rng: Random, age: number): number {
  return REFERENCE - Math.floor(age * 365.25) - rng.int(0, 364);
}

function givenName(rng: Random, birth: number, female: boolean): string {
  const old = birth < dayOf(1965, 1, 1);
  if (female) return rng.pick(old ? OLD_FEMALE : YOUNG_FEMALE);
  return rng.pick(old ? OLD_MALE : YOUNG_MALE);
}

function makePerson(
  rng: Random,
  nom: string,
  age: number,
  home: Residence,
  taken: Person[] = [],
): Person {
  const birth = birthForAge(rng, age);
  const female = rng.chance(0.52);
  // Siblings and partners never share a first name.
  let prenom = givenName(rng, birth, female);
  while (taken.some((p) => p.prenom === prenom)) prenom = givenName(rng, birth, female);
  return {
    id: 0,
    family: 0,
    nom,
    prenom,
    birth,
    birthText: "",
    cp: home.cp,
    ville: home.ville,
    secteur: home.secteur,
  };
}

/**
 * Generates one household. Centres sociaux see many families with children,
 * single-parent households, isolated seniors and adults learning French.
 * @param rng random stream
 * @param home residence of the household
 * @param surname forced family name (otherwise drawn)
 */
export function makeFamily(rng: Random, home: Residence, surname?: string): Person[] {
  const nom = surname ?? rng.pick(SURNAMES);
  const kind = rng.weighted(["parents", "young", "seniors", "single"], [50, 15, 15, 20]);
  const members: Person[] = [];
  if (kind === "seniors") {
    const age = rng.int(60, 90);
    members.push(makePerson(rng, nom, age, home));
    if (rng.chance(0.45)) {
      members.push(makePerson(rng, nom, Math.min(90, age + rng.int(-4, 4)), home, members));
    }
    return members;
  }
  if (kind === "single") {
    members.push(makePerson(rng, nom, rng.int(18, 62), home));
    return members;
  }
  const parentAge = kind === "young" ? rng.int(20, 34) : rng.int(26, 52);
  members.push(makePerson(rng, nom, parentAge, home));
  if (rng.chance(0.6)) {
    const partnerName = rng.chance(0.25) ? rng.pick(SURNAMES) : nom;
    members.push(makePerson(rng, partnerName, parentAge + rng.int(-3, 5), home, members));
  }
  const children = kind === "young" ? rng.int(1, 2) : rng.int(1, 4);
  const maxChildAge = Math.min(17, parentAge - 18);
  for (let i = 0; i < children; i++) {
    const childAge = kind === "young" ? rng.int(0, Math.min(5, maxChildAge)) : rng.int(0, maxChildAge);
    members.push(makePerson(rng, nom, childAge, home, members));
  }
  return members;
}

/**
 * Draws a residence according to its weight.
 * @param rng random stream
 * @param residences candidate residences with weights
 */
export function pickResidence(rng: Random, residences: readonly Residence[]): Residence {
  return rng.weighted(residences, residences.map((r) => r.weight));
}

/**
 * A lone individual, used for people registered in several centres.
 * @param rng random stream
 * @param home residence
 */
export function makeLoner(rng: Random, home: Residence): Person {
  const age = rng.weighted([rng.int(6, 15), rng.int(18, 59), rng.int(60, 88)], [3, 5, 2]);
  return makePerson(rng, rng.pick(SURNAMES), age, home);
}

/**
 * Assigns sequential IDindividu / IDfamille to households in the given order.
 * @param households lists of persons sharing a family
 * @returns flat list of persons
 */
export function numberHouseholds(households: Person[][]): Person[] {
  const people: Person[] = [];
  let family = 0;
  for (const household of households) {
    family++;
    for (const person of household) {
      person.family = family;
      person.id = people.length + 1;
      people.push(person);
    }
  }
  return people;
}
