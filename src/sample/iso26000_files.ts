/**
 * The ISO 26000 self-assessments of the four structures of La Coopération, made by each team in
 * 2019 and again in 2024: one workbook per structure and year, a title above the header, the
 * domains named by code or by label, levels as numbers or words, and maturity that grew. Only the
 * domains a centre social can act on are listed (not all 37).
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { Truth } from "./truth.ts";
import { buildWorkbook, textCell } from "./xlsx.ts";

/** Domains assessed: code, label as typed, and how relevant they are for a centre social. */
const DOMAINS: readonly [string, string, number][] = [
  ["6.2", "Gouvernance de l'organisation", 3],
  ["6.3.7", "Discrimination et groupes vulnérables", 3],
  ["6.3.9", "Droits économiques, sociaux et culturels", 2],
  ["6.4.4", "Conditions de travail et protection sociale", 2],
  ["6.4.5", "Dialogue social", 2],
  ["6.4.7", "Développement du capital humain", 3],
  ["6.5.4", "Utilisation durable des ressources", 1],
  ["6.5.5", "Atténuation des changements climatiques et adaptation", 1],
  ["6.6.4", "Engagement politique responsable", 0],
  ["6.7.7", "Protection des données et de la vie privée des consommateurs", 2],
  ["6.7.8", "Accès aux services essentiels", 3],
  ["6.8.3", "Implication auprès des communautés", 3],
  ["6.8.4", "Éducation et culture", 3],
  ["6.8.5", "Création d'emplois et développement des compétences", 2],
  ["6.8.8", "La santé", 1],
];

const RELEVANCE_WORDS = ["non pertinent", "faible", "moyenne", "forte"];
const MATURITY_WORDS = ["", "initial", "en progrès", "maîtrisé", "exemplaire"];

/** What one self-assessment holds, for expected.json. */
export interface Iso26000Stats {
  /** Lines written (all valid). */
  rows: number;
  /** Σ relevance over the domains with a maturity, and Σ relevance × maturity. */
  relevance_sum: number;
  weighted_sum: number;
}

/** Writes `<id>/autoevaluation_iso26000_<year>.xlsx` for each structure of La Coopération. */
export async function writeIso26000(rng: Random, inbox: Inbox, truth: Truth): Promise<void> {
  for (const id of ["ors", "saint-nicolas", "noel-guichard", "accorderie"]) {
    for (const year of [2019, 2024]) {
      const rows = [
        [textCell(`Auto-évaluation ISO 26000 – ${year}`)],
        [],
        ["Année", "Question centrale", "Domaine d'action", "Pertinence", "Maturité", "Commentaire"].map(
          textCell,
        ),
      ];
      const stats: Iso26000Stats = { rows: 0, relevance_sum: 0, weighted_sum: 0 };
      for (const [code, label, relevance] of DOMAINS) {
        // Five years later most teams moved up one level where it mattered.
        const base = 1 + rng.int(0, 2);
        const maturity = relevance === 0
          ? null
          : Math.min(4, base + (year === 2024 && relevance >= 2 ? 1 : 0));
        const byCode = rng.chance(0.5);
        rows.push([
          { value: year },
          null,
          textCell(byCode ? code : label),
          rng.chance(0.5) ? { value: relevance } : textCell(RELEVANCE_WORDS[relevance]),
          maturity === null
            ? null
            : rng.chance(0.5)
            ? { value: maturity }
            : textCell(MATURITY_WORDS[maturity]),
          null,
        ] as never);
        stats.rows++;
        if (maturity !== null) {
          stats.relevance_sum += relevance;
          stats.weighted_sum += relevance * maturity;
        }
      }
      const path = `${id}/autoevaluation_iso26000_${year}.xlsx`;
      await inbox.write(
        { path, rows: stats.rows, encoding: "xlsx", sheets: { [String(year)]: stats.rows } },
        // deno-lint-ignore no-explicit-any
        await buildWorkbook([{ name: String(year), rows: rows as any }]),
      );
      (truth.iso26000[id] ??= {})[String(year)] = stats;
    }
  }
  inbox.mess({
    path: "ors/autoevaluation_iso26000_2019.xlsx",
    kind: "title_rows",
    detail:
      "titre en ligne 1, en-tête en ligne 3 ; domaines par code ou libellé, niveaux en chiffres ou en mots",
  });
}
