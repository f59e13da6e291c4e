/**
 * Generates the whole sample inbox and its ground truth (expected.json).
 */
import { join } from "node:path";
import { Random } from "./random.ts";
import { Inbox } from "./inbox.ts";
import { buildExpected, type Expected, Truth } from "./truth.ts";
import { buildStructures, NOETHYS_IDS, structuresCsv } from "./structures.ts";
import { encodeText } from "./csv.ts";
import { coopPeople, countSharedPeople } from "./coop_people.ts";
import { CATALOGUE } from "./activities.ts";
import { centreActivities, generateAttendance, yearTargets } from "./attendance.ts";
import { writeCoopVolunteering, writeNoethysExports } from "./coop_files.ts";
import { writeAccorderie } from "./accorderie_files.ts";
import { writeHeadcounts } from "./headcounts_files.ts";
import { writeActivities } from "./activities_files.ts";
import { writeStaff } from "./staff_files.ts";
import { writePartnerships } from "./partnerships_files.ts";
import { writeTestimonies } from "./testimonies_files.ts";
import { writeOtherStructures } from "./other_structures.ts";
import { writeTimebank } from "./timebank_files.ts";
import { writeFinances } from "./finances_files.ts";
import { writeSenacs } from "./senacs_files.ts";
import { writeSurveys } from "./surveys_files.ts";
import { writeMemberships } from "./memberships_files.ts";
import { writeIso26000 } from "./iso26000_files.ts";

/** Options of a generation run. */
export interface SampleOptions {
  /** Output folder; `<out>/inbox/` is wiped and rewritten. */
  out: string;
  /** Volume multiplier: 1 gives about 300,000 attendance rows. */
  scale: number;
  /** PRNG seed. */
  seed: number;
}

/** Summary returned to the caller (and printed by main.ts). */
export interface SampleResult {
  expected: Expected;
  bytes: number;
}

/** Individuals and 2017 attendance rows (scale 1) of the Noethys centres. */
const NOETHYS_PROFILE: Record<string, { people: number; rows: number; activities: string[] }> = {
  "ors": {
    people: 2400,
    rows: 5200,
    activities: [
      "alsh_3_5",
      "alsh_6_11",
      "jeunes",
      "scolarite",
      "sorties",
      "gym",
      "couture",
      "numerique",
      "cuisine",
    ],
  },
  "saint-nicolas": {
    people: 2000,
    rows: 4800,
    activities: [
      "alsh_6_11",
      "scolarite",
      "asl",
      "cuisine",
      "sorties",
      "laep",
      "cafe_parents",
      "couture",
    ],
  },
  "noel-guichard": {
    people: 1800,
    rows: 4400,
    activities: [
      "alsh_3_5",
      "alsh_6_11",
      "jeunes",
      "scolarite",
      "asl",
      "sorties",
      "cafe_parents",
      "jardin",
      "gym",
    ],
  },
};

/**
 * Writes `<out>/inbox/` and `<out>/expected.json`. Deterministic: the same
 * seed and scale always produce the same bytes.
 * @param options output folder, scale and seed
 */
export async function generateSample(options: SampleOptions): Promise<SampleResult> {
  const { out, scale, seed } = options;
  if (!(scale > 0)) throw new Error(`échelle invalide : ${scale}`);
  const root = join(out, "inbox");
  await Deno.remove(root, { recursive: true }).catch((e) => {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  });
  await Deno.mkdir(root, { recursive: true });
  const inbox = new Inbox(root);
  const truth = new Truth();
  const rng = new Random(seed);

  const structures = buildStructures(rng.fork("structures"));
  await inbox.write(
    { path: "structures.csv", rows: structures.length, encoding: "utf-8" },
    encodeText(structuresCsv(structures), "utf-8"),
  );

  const sizes: Record<string, number> = {};
  for (const id of NOETHYS_IDS) {
    sizes[id] = Math.max(40, Math.round(NOETHYS_PROFILE[id].people * scale));
  }
  const people = coopPeople(rng.fork("people"), sizes);
  truth.sharedPeople = countSharedPeople(people);
  for (const id of NOETHYS_IDS) {
    const profile = NOETHYS_PROFILE[id];
    const r = rng.fork(id);
    const activities = centreActivities(profile.activities.map((k) => CATALOGUE[k]));
    const data = generateAttendance(r, people[id], activities, yearTargets(profile.rows, scale));
    await writeNoethysExports(inbox, truth, id, people[id], data);
    const name = structures.find((s) => s.id === id)!.nom;
    await writeCoopVolunteering(rng.fork(`${id}/benevolat`), inbox, truth, id, name);
  }
  await writeAccorderie(rng.fork("accorderie"), inbox, truth, scale);
  await writeHeadcounts(rng.fork("headcounts"), inbox, truth, structures.filter((s) => !s.cooperation));
  await writeActivities(rng.fork("activities"), inbox, truth);
  await writeStaff(rng.fork("staff"), inbox, truth);
  await writePartnerships(rng.fork("partnerships"), inbox, truth, structures);
  await writeTestimonies(rng.fork("testimonies"), inbox, truth, scale);
  await writeOtherStructures(
    rng.fork("others"),
    inbox,
    truth,
    structures.filter((s) => !s.cooperation),
    scale,
  );
  // After every other file, on its own stream: the other files keep their bytes. The sign-in
  // sheets' stream is forked again (not advanced) to reuse their member names.
  await writeTimebank(rng.fork("timebank"), rng.fork("accorderie"), inbox, truth, scale);
  // Ledgers, budgets and funders on their own stream too, after everything else.
  await writeFinances(rng.fork("finances"), inbox, truth);
  // The federation's SENACS extract, on its own stream, after every other file.
  await writeSenacs(rng.fork("senacs"), inbox, truth, structures);
  // The membership list of the Ors, on its own stream, after every other file.
  await writeMemberships(rng.fork("memberships"), inbox, truth, "ors", people.ors);

  // The participants' questionnaire and its Kobo answers, on their own stream, after every other file.
  await writeSurveys(rng.fork("surveys"), inbox, truth);
  // Last, on its own stream: adding it changed no other file.
  await writeIso26000(rng.fork("iso26000"), inbox, truth);

  const expected = buildExpected(seed, scale, inbox, truth);
  const json = new TextEncoder().encode(JSON.stringify(expected, null, 2) + "\n");
  await Deno.writeFile(join(out, "expected.json"), json);
  return { expected, bytes: inbox.bytesWritten + json.length };
}
