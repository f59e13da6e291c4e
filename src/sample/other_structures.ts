/**
 * The 35 other Drôme structures: one consommations.csv (all years) and one
 * individus.csv each, in clean UTF-8.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { Truth } from "./truth.ts";
import type { Structure } from "./structures.ts";
import { CATALOGUE } from "./activities.ts";
import { attendanceStats, centreActivities, generateAttendance, yearTargets } from "./attendance.ts";
import { makeFamily, numberHouseholds, type Person, pickResidence, type Residence } from "./people.ts";
import { frenchDate } from "./calendar.ts";
import { consoLine, CONSOMMATIONS_HEADER, individuLine, INDIVIDUS_HEADER } from "./noethys.ts";
import { encodeText } from "./csv.ts";

const CS_KEYS = Object.keys(CATALOGUE);
const EVS_KEYS = [
  "cuisine",
  "sorties",
  "couture",
  "cafe_parents",
  "numerique",
  "jardin",
  "laep",
  "asl",
];

/** 2017 attendance rows, at scale 1, shared by all other structures. */
const BASE_ROWS_2017 = 9600;

/**
 * Generates and writes the files of the non-Coopération structures.
 * @param rng random stream (forked per structure)
 * @param inbox output
 * @param truth ground truth
 * @param structures the other structures
 * @param scale volume multiplier
 */
export async function writeOtherStructures(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  structures: readonly Structure[],
  scale: number,
): Promise<void> {
  // Bigger towns and centres sociaux (vs EVS) record more attendance.
  const weights = structures.map((s) =>
    Math.sqrt(Math.max(s.commune.population, 200)) * (s.type === "EVS" ? 0.5 : 1.5)
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  for (const [i, s] of structures.entries()) {
    const r = rng.fork(s.id);
    const base = BASE_ROWS_2017 * weights[i] / sum;
    const residences: Residence[] = s.qpv
      ? [
        { cp: s.commune.codePostal, ville: s.commune.nom, secteur: s.qpv, weight: 60 },
        { cp: s.commune.codePostal, ville: s.commune.nom, secteur: "", weight: 40 },
      ]
      : [{ cp: s.commune.codePostal, ville: s.commune.nom, secteur: "", weight: 1 }];
    const households: Person[][] = [];
    let count = 0;
    const wanted = Math.max(12, Math.round(base * 0.5 * scale));
    while (count < wanted) {
      const family = makeFamily(r, pickResidence(r, residences));
      households.push(family);
      count += family.length;
    }
    const people = numberHouseholds(households);
    for (const p of people) p.birthText = frenchDate(p.birth);
    const keys = r.shuffle([...(s.type === "EVS" ? EVS_KEYS : CS_KEYS)])
      .slice(0, s.type === "EVS" ? r.int(3, 4) : r.int(5, 7));
    const activities = centreActivities(keys.map((k) => CATALOGUE[k]));
    const data = generateAttendance(r, people, activities, yearTargets(base, scale));

    const individus = [INDIVIDUS_HEADER, ...people.map(individuLine)];
    await inbox.write(
      { path: `${s.id}/individus.csv`, rows: people.length, encoding: "utf-8" },
      encodeText(individus.join("\n") + "\n", "utf-8"),
    );
    const consos = [CONSOMMATIONS_HEADER, ...data.consos.map(consoLine)];
    await inbox.write(
      { path: `${s.id}/consommations.csv`, rows: data.consos.length, encoding: "utf-8" },
      encodeText(consos.join("\n") + "\n", "utf-8"),
    );
    truth.people[s.id] = people.length;
    truth.attendance[s.id] = attendanceStats(data.consos);
  }
}
