/**
 * Partnership lists of the cluster: the four members of La Coopération and some other cluster
 * structures say who they work with, on what, since when. Each structure has its own headers,
 * encoding and spellings of the partner types.
 */
import type { Row } from "write-excel-file/node";
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { Truth } from "./truth.ts";
import type { Structure } from "./structures.ts";
import { csvLine, encodeText, type TextEncoding } from "./csv.ts";
import { buildWorkbook, dateCell, textCell } from "./xlsx.ts";
import { dayOf, frenchDate, partsOf } from "./calendar.ts";
import { frenchMonthName } from "../read/french_months.ts";

/** Partner types as loaded (canonical) with the spellings structures type for them. */
const TYPE_SPELLINGS: Record<string, readonly string[]> = {
  "association": ["Association", "association", "Asso", "Association loi 1901"],
  "collectivité": ["Collectivité", "collectivité", "Mairie", "Collectivité territoriale"],
  "institution/État": ["Institution/État", "État", "Institution", "Service de l'État"],
  "caf": ["CAF", "Caf", "caf"],
  "bailleur social": ["Bailleur social", "bailleur", "HLM"],
  "entreprise": ["Entreprise", "entreprise", "Commerce"],
  "école/établissement scolaire": ["École", "Établissement scolaire", "Ecole", "Collège"],
  "collectif d'habitants": ["Collectif d'habitants", "Collectif d’habitants", "Conseil citoyen"],
  // Not a known type: loaded as « autre », the label kept.
  "autre": ["Fondation", "Mutuelle"],
};

/** Organisations of Romans, Valence and the Drôme (no person's name), with their type. */
const PARTNERS: readonly [string, string][] = [
  ["CAF de la Drôme", "caf"],
  ["Ville de Romans-sur-Isère", "collectivité"],
  ["Ville de Valence", "collectivité"],
  ["Valence Romans Agglo", "collectivité"],
  ["Département de la Drôme", "collectivité"],
  ["CCAS de Romans-sur-Isère", "collectivité"],
  ["Préfecture de la Drôme", "institution/État"],
  ["France Travail Romans", "institution/État"],
  ["Mission locale Drôme des collines", "institution/État"],
  ["Drôme Aménagement Habitat", "bailleur social"],
  ["Valence Romans Habitat", "bailleur social"],
  ["Collège Triboulet", "école/établissement scolaire"],
  ["Lycée du Dauphiné", "école/établissement scolaire"],
  ["École élémentaire des Ors", "école/établissement scolaire"],
  ["Secours populaire, antenne de Romans", "association"],
  ["Restos du Cœur de la Drôme", "association"],
  ["Emmaüs Romans", "association"],
  ["Ressourcerie Drôme Nord", "association"],
  ["Club de foot du quartier", "association"],
  ["Association des jardins familiaux", "association"],
  ["Biocoop Romans", "entreprise"],
  ["Boulangerie du Centre", "entreprise"],
  ["Régie de quartier", "entreprise"],
  ["Conseil citoyen de la Monnaie", "collectif d'habitants"],
  ["Collectif des habitants du Centre ancien", "collectif d'habitants"],
  ["Fondation de France", "autre"],
  ["Mutuelle des quartiers", "autre"],
];

const SUBJECTS = [
  "Accompagnement des familles",
  "Accompagnement à la scolarité",
  "Fête de quartier",
  "Jardin partagé",
  "Aide alimentaire",
  "Permanence emploi",
  "Ateliers numériques",
  "Sorties familiales",
  "Cours de français",
  "Gestion urbaine de proximité",
  "Prêt de salles",
  "Réemploi et réparation",
  "Accueil de loisirs",
  "Échanges de savoirs",
];

const INTENSITY_SPELLINGS = [
  ["ponctuel", "Ponctuel", "ponctuelle"],
  ["régulier", "Régulier", "Régulière", "regulier"],
  ["permanent", "Permanent", "permanente"],
];

/** One partnership line before it is rendered. */
interface Line {
  actor: string | null;
  partner: string;
  type: string;
  typeLabel: string;
  subject: string;
  sinceDay: number;
  sinceStyle: "year" | "month" | "date";
  formal: boolean | null;
  intensity: string;
}

function sinceText(line: Line): string {
  const { year, month } = partsOf(line.sinceDay);
  if (line.sinceStyle === "year") return String(year);
  if (line.sinceStyle === "month") return `${frenchMonthName(month)} ${year}`;
  return frenchDate(line.sinceDay);
}

/** Partnership lines of one structure: distinct partner and subject pairs, other cluster members among them. */
function partnershipLines(rng: Random, count: number, peers: readonly Structure[]): Line[] {
  const pool: [string, string][] = [
    ...PARTNERS,
    ...peers.map((p): [string, string] => [p.nom, "association"]),
  ];
  const seen = new Set<string>();
  const lines: Line[] = [];
  while (lines.length < count) {
    const [partner, type] = rng.pick(pool);
    const subject = rng.pick(SUBJECTS);
    if (seen.has(`${partner}|${subject}`)) continue;
    seen.add(`${partner}|${subject}`);
    lines.push({
      actor: null,
      partner,
      type,
      typeLabel: rng.pick(TYPE_SPELLINGS[type]),
      subject,
      sinceDay: dayOf(rng.int(2008, 2025), rng.int(1, 12), rng.int(1, 28)),
      sinceStyle: rng.weighted(["year", "month", "date"] as const, [5, 2, 3]),
      formal: rng.chance(0.08) ? null : rng.chance(0.45),
      intensity: rng.pick(rng.pick(INTENSITY_SPELLINGS)),
    });
  }
  return lines;
}

const flagText = (f: boolean | null, yes: string, no: string) => (f === null ? "" : f ? yes : no);

/** A delimited file with its own header names. */
async function writeCsv(
  inbox: Inbox,
  path: string,
  header: readonly string[],
  lines: readonly Line[],
  options: { separator: string; encoding: TextEncoding; eol: string; yes: string; no: string },
): Promise<void> {
  const out = [csvLine(header, options.separator)];
  for (const l of lines) {
    const cells = [
      l.partner,
      l.typeLabel,
      l.subject,
      sinceText(l),
      flagText(l.formal, options.yes, options.no),
      l.intensity,
    ];
    out.push(csvLine(header.length === 7 ? [l.actor ?? "", ...cells] : cells, options.separator));
  }
  await inbox.write(
    { path, rows: lines.length, encoding: options.encoding },
    encodeText(out.join(options.eol) + options.eol, options.encoding),
  );
}

/**
 * Writes `<id>/partenariats.*` for the four structures of La Coopération and for some other
 * cluster structures, and records the number of partnerships and of each partner type.
 * @param rng random stream of the partnerships
 * @param inbox output
 * @param truth ground truth
 * @param structures all structures of the registry
 */
export async function writePartnerships(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  structures: readonly Structure[],
): Promise<void> {
  const coop = structures.filter((s) => s.cooperation);
  const others = rng.shuffle(structures.filter((s) => s.cluster && !s.cooperation)).slice(0, 5);
  const record = (id: string, lines: readonly Line[]) => {
    truth.partnerships[id] = lines.length;
    for (const l of lines) truth.partnershipTypes[l.type] = (truth.partnershipTypes[l.type] ?? 0) + 1;
  };
  for (const s of coop) {
    const peers = coop.filter((p) => p.id !== s.id);
    const lines = partnershipLines(rng.fork(s.id), rng.int(8, 16), [...peers, ...others.slice(0, 2)]);
    record(s.id, lines);
    if (s.id === "ors") {
      await writeCsv(
        inbox,
        "ors/partenariats.csv",
        [
          "Partenaire",
          "Type de partenaire",
          "Objet",
          "Depuis",
          "Convention",
          "Fréquence",
        ],
        lines,
        { separator: ";", encoding: "windows-1252", eol: "\r\n", yes: "oui", no: "non" },
      );
      inbox.mess({
        path: "ors/partenariats.csv",
        kind: "mixed_since",
        detail: "Depuis en année « 2019 », en mois « mars 2019 » ou en date « 12/03/2019 »",
      });
    } else if (s.id === "saint-nicolas") {
      await writeCsv(
        inbox,
        "saint-nicolas/partenariats.csv",
        [
          "Nom du partenaire",
          "Catégorie",
          "Thème",
          "Début du partenariat",
          "Convention signée",
          "Intensité",
        ],
        lines,
        { separator: ";", encoding: "utf-8-bom", eol: "\n", yes: "Oui", no: "Non" },
      );
    } else if (s.id === "accorderie") {
      // The time bank fills the cluster's shared table: the actor is named in each line.
      for (const l of lines) l.actor = s.nom;
      await writeCsv(
        inbox,
        "accorderie/partenariats.csv",
        [
          "Structure",
          "Partenaire",
          "Type",
          "Action commune",
          "Depuis",
          "Conventionné",
          "Fréquence",
        ],
        lines,
        { separator: ",", encoding: "utf-8", eol: "\n", yes: "oui", no: "non" },
      );
    } else {
      // A workbook with a title row and a blank row; years typed as numbers, dates as dates.
      const rows: Row[] = [
        [textCell(`Partenaires de la ${s.nom}`), null, null, null, null, null],
        [null, null, null, null, null, null],
        ["Partenaire", "Type de partenaire", "Action commune", "Depuis", "Convention", "Fréquence"].map(
          textCell,
        ),
      ];
      for (const l of lines) {
        const year = partsOf(l.sinceDay).year;
        rows.push([
          textCell(l.partner),
          textCell(l.typeLabel),
          textCell(l.subject),
          l.sinceStyle === "year"
            ? year
            : l.sinceStyle === "date"
            ? dateCell(l.sinceDay)
            : textCell(sinceText(l)),
          l.formal === null ? null : textCell(l.formal ? "oui" : "non"),
          textCell(l.intensity),
        ]);
      }
      const path = `${s.id}/partenariats.xlsx`;
      await inbox.write(
        { path, rows: lines.length, encoding: "xlsx", sheets: { Partenaires: lines.length } },
        await buildWorkbook([{ name: "Partenaires", rows }]),
      );
      inbox.mess({ path, kind: "title_rows", detail: "titre en ligne 1, ligne 2 vide, en-tête en ligne 3" });
    }
  }
  for (const s of others) {
    const lines = partnershipLines(rng.fork(s.id), rng.int(3, 8), coop);
    record(s.id, lines);
    await writeCsv(
      inbox,
      `${s.id}/partenariats.csv`,
      [
        "Partenaire",
        "Type",
        "Objet",
        "Depuis",
        "Convention",
        "Fréquence",
      ],
      lines,
      { separator: ";", encoding: "utf-8", eol: "\n", yes: "oui", no: "non" },
    );
  }
}
