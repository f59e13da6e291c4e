/**
 * The structures of the observatory: the four members of La Coopération in
 * Romans-sur-Isère and 35 other Drôme structures in real communes.
 */
import type { Random } from "./random.ts";
import { type Commune, dromeCommunes, slugify } from "./communes.ts";
import { csvLine } from "./csv.ts";
import { dayOf, frenchDate } from "./calendar.ts";

/** One row of structures.csv, plus what the generator needs about it. */
export interface Structure {
  id: string;
  nom: string;
  type: "Centre social" | "EVS";
  commune: Commune;
  qpv: string;
  cooperation: boolean;
  cluster: boolean;
  federation: boolean;
  agrement: number;
}

/** Ids of the three Noethys users of La Coopération. */
export const NOETHYS_IDS = ["ors", "saint-nicolas", "noel-guichard"] as const;
/** Id of the time bank. */
export const ACCORDERIE_ID = "accorderie";

const VALENCE_QPV = ["Polygone", "Fontbarlettes", "Le Plan", "Chamberlière"];
const EVS_NAMES = [
  "Le Lien",
  "La Passerelle",
  "L'Escale",
  "Le Fil d'Ariane",
  "La Courte Échelle",
  "Les Tisserands",
  "La Ruche",
  "Le Trait d'Union",
  "L'Îlot",
  "Les Colibris",
];
const CS_NAMES = ["Le Tilleul", "Les Peupliers", "La Maison Bleue", "Le Carrefour", "L'Olivier"];

function elided(commune: string): string {
  if (commune.startsWith("Le ")) return `du ${commune.slice(3)}`;
  if (commune.startsWith("Les ")) return `des ${commune.slice(4)}`;
  return /^[AEIOUYÉÈÂÎ]/i.test(commune) ? `d'${commune}` : `de ${commune}`;
}

/**
 * Builds the list of 39 structures deterministically.
 * @param rng random stream dedicated to structures
 */
export function buildStructures(rng: Random): Structure[] {
  const communes = dromeCommunes();
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const romans = byCode.get("26281")!;
  const valence = byCode.get("26362")!;
  const agrement = () => dayOf(2019, 1, 1) + rng.int(0, 365 * 6);
  const coop = (id: string, nom: string, type: Structure["type"], qpv: string): Structure => ({
    id,
    nom,
    type,
    commune: romans,
    qpv,
    cooperation: true,
    cluster: true,
    federation: true,
    agrement: agrement(),
  });
  const list: Structure[] = [
    coop("ors", "Maison de quartier des Ors", "Centre social", ""),
    coop("saint-nicolas", "Maison de quartier Saint-Nicolas", "Centre social", "Centre ancien"),
    coop("noel-guichard", "Maison Citoyenne Noël Guichard", "Centre social", "Quartier Est"),
    coop("accorderie", "L'Accorderie", "EVS", ""),
  ];

  // Valence first: 3 or 4 structures, most of them in its QPVs.
  const picks: Commune[] = [];
  const valenceCount = rng.int(3, 4);
  for (let i = 0; i < valenceCount; i++) picks.push(valence);
  const candidates = communes.filter((c) => c.code !== romans.code && c.code !== valence.code);
  // Probability grows with population, but sub-linearly so villages appear too.
  const weights = candidates.map((c) => Math.pow(Math.max(c.population, 1), 0.7));
  while (picks.length < 35) {
    const c = rng.weighted(candidates, weights);
    const already = picks.filter((p) => p === c).length;
    if (already === 0 || (already === 1 && c.population > 9000)) picks.push(c);
  }

  const seen = new Map<string, number>();
  let evsName = 0;
  let csName = 0;
  let valenceIndex = 0;
  picks.forEach((commune, i) => {
    const n = (seen.get(commune.code) ?? 0) + 1;
    seen.set(commune.code, n);
    const isValence = commune === valence;
    // The first Valence structures are always centres sociaux (the QPV ones).
    const type: Structure["type"] = isValence
      ? (valenceIndex < 3 ? "Centre social" : "EVS")
      : (i % 3 === 2 ? "EVS" : "Centre social");
    let qpv = "";
    let nom: string;
    if (isValence) {
      qpv = valenceIndex < 3 ? VALENCE_QPV[valenceIndex] : "";
      nom = [
        "Centre social Le Polygone",
        "Maison pour tous de Fontbarlettes",
        "Centre social du Plan, Valence",
        `Espace de vie sociale ${EVS_NAMES[0]}`,
      ][valenceIndex];
      if (valenceIndex === 3) evsName = 1;
      valenceIndex++;
    } else if (type === "EVS") {
      nom = n === 1 && rng.chance(0.4)
        ? `Espace de vie sociale ${elided(commune.nom)}`
        : `Espace de vie sociale ${EVS_NAMES[evsName++ % EVS_NAMES.length]}`;
    } else {
      nom = n === 1
        ? `Centre social ${elided(commune.nom)}`
        : `Centre social ${CS_NAMES[csName++ % CS_NAMES.length]}`;
    }
    const prefix = type === "EVS" ? "evs" : "cs";
    const slug = slugify(commune.nom);
    list.push({
      id: n === 1 ? `${prefix}-${slug}` : `${prefix}-${slug}-${n}`,
      nom,
      type,
      commune,
      qpv,
      cooperation: false,
      cluster: commune.valenceRomansAgglo,
      federation: rng.chance(0.8),
      agrement: agrement(),
    });
  });
  return list;
}

const flag = (b: boolean) => (b ? "oui" : "non");

/** Header of structures.csv (contract with the loaders). */
export const STRUCTURES_HEADER = [
  "Identifiant",
  "Nom",
  "Type",
  "Code INSEE",
  "Commune",
  "QPV desservi",
  "Coopération",
  "Cluster",
  "Fédération",
  "Date d'agrément",
];

/**
 * Renders structures.csv (comma-separated, LF line ends).
 * @param structures all structures
 */
export function structuresCsv(structures: readonly Structure[]): string {
  const lines = [csvLine(STRUCTURES_HEADER, ",")];
  for (const s of structures) {
    lines.push(csvLine([
      s.id,
      s.nom,
      s.type,
      s.commune.code,
      s.commune.nom,
      s.qpv,
      flag(s.cooperation),
      flag(s.cluster),
      flag(s.federation),
      frenchDate(s.agrement),
    ], ","));
  }
  return lines.join("\n") + "\n";
}
