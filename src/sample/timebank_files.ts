/**
 * The Accorderie's time bank: its members list and one export of exchanges (time cheques) per
 * year. Members are people of the Accorderie's sign-in sheets (same names), each with a member
 * number that the exchanges repeat, so exchanges link to members.
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { Truth } from "./truth.ts";
import { type Member, memberPool, YEARS } from "./accorderie.ts";
import { dayOf, frenchDate } from "./calendar.ts";
import { csvLine, encodeText } from "./csv.ts";
import { formatDuration, pickDurationStyle } from "./duration_text.ts";
import { OLD_FEMALE, YOUNG_FEMALE } from "./names.ts";

const ID = "accorderie";

/** Member pool size of the sign-in sheets (accorderie_files.ts), replayed to reuse its names. */
const signInPoolSize = (scale: number) => Math.max(60, Math.round(1200 * scale));

/** Services offered between members: label, category as typed, usual duration in hours. */
const SERVICES: [string, string, number][] = [
  ["Petites réparations à domicile", "Bricolage", 1.5],
  ["Montage d'un meuble", "Bricolage", 2],
  ["Aide à l'utilisation du smartphone", "Informatique", 1],
  ["Dépannage d'ordinateur", "Informatique", 1.5],
  ["Préparation d'un repas", "Cuisine", 2],
  ["Cours de pâtisserie", "Cuisine", 2.5],
  ["Accompagnement à un rendez-vous médical", "Accompagnement", 2],
  ["Visite de convivialité", "Accompagnement", 1.5],
  ["Ourlets et retouches", "Couture", 1],
  ["Entretien du jardin", "Jardinage", 2],
  ["Covoiturage pour les courses", "Transport", 1],
  ["Aide aux démarches en ligne (CAF, impôts)", "Administratif", 1.5],
  ["Aide aux devoirs", "Soutien scolaire", 1],
  ["Conversation en anglais", "Langues", 1],
  ["Massage des mains", "Bien-être", 0.75],
];

const INCOME_BANDS = ["Moins de 800 €", "800 à 1 200 €", "1 200 à 1 800 €", "Plus de 1 800 €", ""];
const INCOME_WEIGHTS = [30, 30, 20, 10, 10];
const FEMALE = new Set([...OLD_FEMALE, ...YOUNG_FEMALE]);

/** A member of the time bank: a person of the sign-in sheets with a number and a join date. */
interface Accordeur {
  number: number;
  member: Member;
  joined: number;
}

/**
 * Writes accorderie/accordeurs.csv (UTF-8 with BOM) and accorderie/echanges_<year>.csv
 * (Windows-1252, CRLF), and their ground truth.
 * @param rng random stream of the time bank
 * @param signIn the Accorderie's own stream, replayed (not advanced) to get its member names
 * @param inbox output
 * @param truth ground truth
 * @param scale volume multiplier
 */
export async function writeTimebank(
  rng: Random,
  signIn: Random,
  inbox: Inbox,
  truth: Truth,
  scale: number,
): Promise<void> {
  const pool = memberPool(signIn, signInPoolSize(scale));
  const size = Math.min(pool.length, Math.max(30, Math.round(240 * scale)));
  const chosen = rng.shuffle([...pool]).slice(0, size);
  const joined = chosen.map((member) => ({ member, joined: dayOf(member.from, 1, 1) + rng.int(0, 364) }))
    .sort((a, b) => a.joined - b.joined);
  const accordeurs: Accordeur[] = joined.map((a, i) => ({ ...a, number: i + 1 }));

  const lines = [
    "N° accordeur;Nom;Prénom;Date d'adhésion;Sexe;Année de naissance;Tranche de revenus;Quartier",
  ];
  for (const a of accordeurs) {
    const female = FEMALE.has(a.member.prenom);
    const sex = female ? rng.weighted(["F", "Femme"], [8, 2]) : rng.weighted(["H", "Homme", "M"], [7, 2, 1]);
    lines.push(csvLine([
      String(a.number),
      a.member.nom,
      a.member.prenom,
      frenchDate(a.joined),
      sex,
      String(a.member.birthYear),
      rng.weighted(INCOME_BANDS, INCOME_WEIGHTS),
      a.member.quartier,
    ], ";"));
  }
  const membersPath = `${ID}/accordeurs.csv`;
  await inbox.write(
    { path: membersPath, rows: accordeurs.length, encoding: "utf-8-bom" },
    encodeText(lines.join("\n") + "\n", "utf-8-bom"),
  );
  truth.timebank.members = accordeurs.length;

  const totalsYears = new Set([2019, 2022, 2025]);
  for (const year of YEARS) {
    const first = dayOf(year, 1, 1);
    const length = dayOf(year + 1, 1, 1) - first;
    // Members exchange while they are members; regulars give much more often than the others.
    let active = accordeurs.filter((a) => a.member.from <= year && a.member.to >= year);
    if (active.length < 8) active = accordeurs.filter((a) => a.member.from <= year);
    if (active.length < 8) active = accordeurs;
    const weights = active.map((_, i) => (i % 4 === 0 ? 4 : 1));
    const target = exchangeTarget(rng, year, scale);
    const exchanges: {
      day: number;
      giver: Accordeur;
      receiver: Accordeur;
      service: number;
      hours: number;
    }[] = [];
    const keys = new Set<string>();
    while (exchanges.length < target) {
      const giver = rng.weighted(active, weights);
      const receiver = rng.pick(active);
      if (receiver === giver) continue;
      const day = first + rng.int(0, length - 1);
      const service = rng.int(0, SERVICES.length - 1);
      const usual = SERVICES[service][2];
      const hours = rng.chance(0.7) ? usual : Math.max(0.25, usual + rng.pick([-0.5, -0.25, 0.5, 1]));
      const key = `${day}|${giver.number}|${receiver.number}|${service}|${hours}`;
      if (keys.has(key)) continue;
      keys.add(key);
      exchanges.push({ day, giver, receiver, service, hours });
    }
    exchanges.sort((a, b) => a.day - b.day || a.giver.number - b.giver.number);
    const rows = [
      "Date;N° offrant;Accordeur qui offre;N° receveur;Accordeur qui reçoit;Service;Catégorie;Durée",
    ];
    let quarters = 0;
    for (const e of exchanges) {
      quarters += Math.round(e.hours * 4);
      const [label, category] = SERVICES[e.service];
      rows.push(csvLine([
        frenchDate(e.day),
        String(e.giver.number),
        `${e.giver.member.prenom} ${e.giver.member.nom}`,
        String(e.receiver.number),
        `${e.receiver.member.prenom} ${e.receiver.member.nom}`,
        label,
        category,
        String(formatDuration(e.hours, pickDurationStyle(rng, [2, 6, 2, 0]))),
      ], ";"));
    }
    const hours = Math.round(quarters / 4 * 100) / 100;
    if (totalsYears.has(year)) {
      const whole = Math.floor(quarters / 4);
      rows.push("", `Total;;;;;;;${whole}:${String((quarters % 4) * 15).padStart(2, "0")}`);
    }
    const path = `${ID}/echanges_${year}.csv`;
    await inbox.write(
      { path, rows: exchanges.length, encoding: "windows-1252" },
      encodeText(rows.join("\r\n") + "\r\n", "windows-1252"),
    );
    inbox.mess({
      path,
      kind: "mixed_durations",
      detail: "Durée surtout en « HH:MM », aussi « 1h30 » ou « 1,5 »",
    });
    if (totalsYears.has(year)) {
      inbox.mess({ path, kind: "totals_line", detail: "ligne vide puis ligne « Total; » en bas du fichier" });
    }
    truth.timebank.exchanges[String(year)] = { count: exchanges.length, hours };
  }
}

/**
 * How many exchanges the time bank records in a year: a slow growth with a dip in 2020 (the
 * lockdowns) and some noise, so that no year reads as an export cap (never a round 1 000 or 500).
 */
export function exchangeTarget(rng: Random, year: number, scale = 1): number {
  const trend = 760 + 45 * (year - YEARS[0]);
  const lockdown = year === 2020 ? 0.55 : year === 2021 ? 0.8 : 1;
  let target = Math.max(30, Math.round(scale * trend * lockdown * (0.9 + 0.2 * rng.next())));
  // A round figure (a multiple of 50) looks like a cap in the exports: nudge it.
  if (target % 50 === 0) target += 7;
  return target;
}
