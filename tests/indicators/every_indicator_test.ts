/**
 * Every indicator of the catalogue checked against a value computed by hand, on the hand-made
 * inbox `tests/fixtures/indicators/inbox/` (ingested for real, then `buildMarts`).
 *
 * The fixture (see the CSV files, readable as they are):
 * - registry: alpha (centre social, Romans-sur-Isère 26281) and beta (EVS, Bourg-de-Péage 26057)
 *   form La Coopération and are flagged in the cluster; gamma (Valence 26362) is in the cluster
 *   only through Valence Romans Agglo; delta (Montélimar 26198) is elsewhere in the Drôme and only
 *   answers SENACS; epsilon (Crest 26108) is elsewhere in the Drôme and skips a year of presences;
 *   zeta (EVS, Die 26113) is elsewhere in the Drôme and links its sign-in sheet to a family quotient.
 *   Populations (Etalab): Romans 33 464, Bourg-de-Péage 9 921, Valence 64 458, Crest 8 658, Die 4 844.
 * - alpha, Noethys people: 1 Julie Martin 1982 F Romans « Centre ancien » (QPV); 2 Paul Durand
 *   2015 H Romans « Les Balmes »; 3 Awa Petit 1950 F Bourg-de-Péage (no neighbourhood); 4 Léa
 *   Roux 2008 F Valence « Fontbarlettes » (QPV); 5 Zoé Garnier 1960 F Romans.
 *   Presences 2023 (activity 1, 2 h): Julie, Paul, Zoé. 2024: Julie 6 × activity 1 (2 h, six
 *   Wednesdays), Léa 1 × activity 1 (2 h, 10/01), Paul 1 × activity 2 (3 h, 10/01), Awa
 *   1 × activity 2 (10/01, no times), plus Paul absent once (not a presence).
 * - beta, Noethys people: 1 Julie Martin (same name and birth date as alpha's: one person above
 *   the structure), 2 Hugo Blanc 1990 H Bourg-de-Péage « Les Ors » (not QPV). Presences 2024
 *   (activity 1, 1,5 h): Julie 4 times, Hugo once.
 * - gamma, sign-in sheet 2024 (« Couture », 2 h): Léa Roux 2008 Fontbarlettes twice, Sam Noir 1975
 *   once. A sheet's person is local to its structure: this Léa is not alpha's.
 * - epsilon, Noethys people: 1 Awa Petit and 2 Zoé Garnier (same names and birth dates as alpha's:
 *   the same persons above the structure), 3 Nadia Benali 1988 F Crest. Presences 2022: Awa, Nadia
 *   (07/09). None in 2023 (the year skipped). 2024: Zoé once (04/09), Nadia 10 times on 5 days
 *   (activity 1 in the morning and 2 in the afternoon, five Wednesdays from 04/09).
 * - zeta, member list (Z01 Inès Faure 1985, Z02 Yanis Morel 1979, Z03 Claire Roche 1992), the same
 *   members in a management-software people export (Die; QF 520 €, 1 250 €, unknown) and a sign-in
 *   sheet « Cuisine » 05/06/2024 (2 h) signed by the three with their N° adhérent: the number links
 *   each presence to the person's family quotient band (401-700, 1001-1500, unknown).
 * - Structures with presences two years running (the basis of nouveaux_participants and
 *   fidelisation): alpha in 2024 only. beta starts in 2024 (late), gamma too, epsilon skipped 2023.
 * - the other exports are described next to the expectations that read them.
 *
 * Conventions: `value: ABSENT` = no row for that scope and year (missing, never 0); `value: null`
 * = a row whose value is NULL. Arithmetic in the comments is written the French way (« 2 / 3 »).
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { ingestPaths } from "../../src/ingest/ingest_paths.ts";
import { readCatalogue } from "../../src/indicators/read_catalogue.ts";
import { buildIndicatorMarts } from "../../src/indicators/build_marts.ts";
import { writeReferenceTables } from "../../src/indicators/reference_tables.ts";
import { buildMarts } from "../../src/warehouse/marts.ts";
import { openWarehouse, queryRows } from "../../src/warehouse/connect.ts";

const INBOX = fileURLToPath(new URL("../fixtures/indicators/inbox", import.meta.url));
const KEY = new Uint8Array(32).fill(9);

/** No row at all for this scope and year. */
const ABSENT = "absent" as const;

interface Expectation {
  scope_level: "structure" | "cooperation" | "cluster" | "departement";
  scope: string;
  year: number;
  value: number | null | typeof ABSENT;
  /** `published_value` when checked (null = shown « < 5 »). */
  published?: number | null;
  /** `complete` when checked. */
  complete?: boolean;
}

const s = (scope: string, year: number, value: Expectation["value"], more: Partial<Expectation> = {}) => ({
  scope_level: "structure" as const,
  scope,
  year,
  value,
  ...more,
});
const coop = (year: number, value: Expectation["value"], more: Partial<Expectation> = {}) => ({
  scope_level: "cooperation" as const,
  scope: "cooperation",
  year,
  value,
  ...more,
});
const cluster = (year: number, value: Expectation["value"], more: Partial<Expectation> = {}) => ({
  scope_level: "cluster" as const,
  scope: "cluster",
  year,
  value,
  ...more,
});
const dept = (year: number, value: Expectation["value"], more: Partial<Expectation> = {}) => ({
  scope_level: "departement" as const,
  scope: "departement",
  year,
  value,
  ...more,
});

/** Hourly value of a volunteering hour in 2024: SMIC 11,65 € × 1,45 = 16,8925 €. */
const RATE_2024 = 11.65 * 1.45;
/** alpha's FTE 2024: Anne (CDI 1, all year) + Marc (CDD 0,5, 01/01–30/06 = 182 of 366 days). */
const FTE_ALPHA_2024 = 1 + 0.5 * 182 / 366;

/** Indicators not checked from the exports, with the reason (the guard test lists them). */
const PENDING: Record<string, string> = {};

const EXPECTED: Record<string, Expectation[]> = {
  // alpha/grand_livre_2024.csv: 606 1 000 debit, 641 3 000 debit, 606 200 credit (refund),
  // 706 500 credit, 741 2 000 credit, 864 150 debit, 875 150 credit. beta sent no ledger.
  budget_total: [
    s("alpha", 2024, 3800), // 1 000 + 3 000 − 200 = 3 800
    s("beta", 2024, ABSENT), // no ledger: missing, not 0
    coop(2024, 3800, { complete: false }), // alpha only; beta missing → incomplete
  ],
  produits_total: [s("alpha", 2024, 2500)], // 500 + 2 000 = 2 500 (875 is a contribution in kind)
  // financeurs 2024 — alpha: CAF de la Drôme 2 000 + 1 000, Ville de Romans 1 000, Conseil
  // départemental 500, Participation des familles 500 (total 5 000); beta: CAF de la Drome 1 000,
  // Région 1 000 (2 000); gamma: Ville de Valence 800, Fondation de France 200 (1 000).
  part_caf: [
    s("alpha", 2024, 0.6), // (2 000 + 1 000) / 5 000 = 0,6
    coop(2024, 4 / 7), // (3 000 + 1 000) / (5 000 + 2 000) = 4 / 7
  ],
  part_collectivites: [
    s("alpha", 2024, 0.3), // (1 000 + 500) / 5 000 = 0,3
    cluster(2024, 0.4125), // (1 500 + 1 000 + 800) / 8 000 = 0,4125
  ],
  part_usagers: [
    s("alpha", 2024, 0.1), // 500 / 5 000 = 0,1
    cluster(2024, 0.0625), // 500 / (5 000 + 2 000 + 1 000) = 0,0625
  ],
  effet_levier_caf: [
    s("alpha", 2024, 2 / 3), // (5 000 − 3 000) / 3 000 = 2 / 3
    coop(2024, 0.75), // (7 000 − 4 000) / 4 000 = 0,75
    s("gamma", 2024, null), // no CAF: a row, but no ratio (never 0)
  ],
  nombre_financeurs: [
    s("alpha", 2024, 4), // CAF, Ville de Romans, Département, familles
    coop(2024, 5), // 4 + 2 − 1: « CAF de la Drôme » = « CAF de la Drome » once (sum would be 6)
    cluster(2024, 7), // 5 + Ville de Valence + Fondation de France
  ],
  // salaries.csv — alpha: Anne CDI 1 ETP since 2015, Marc CDD 0,5 01/01–30/06/2024; beta: Lina CDI
  // 0,8 since 2020; gamma: Paul CDI 1 since 01/01/2024.
  etp_salaries: [
    s("alpha", 2023, 1), // Anne only
    s("alpha", 2024, FTE_ALPHA_2024), // 1 + 0,5 × 182 / 366 = 1,2486…
    coop(2024, FTE_ALPHA_2024 + 0.8), // 1,2486… + 0,8 = 2,0486…
    s("beta", 2025, ABSENT), // Lina's open contract: read up to 2024, the latest dated activity
  ],
  salaries: [
    s("alpha", 2024, 2, { published: null }), // Anne, Marc: 2 < 5 → « < 5 »
    cluster(2024, 4), // Anne, Marc, Lina, Paul
  ],
  part_cdi: [
    coop(2024, 2 / 3), // Anne, Lina / Anne, Marc, Lina
    cluster(2024, 3 / 4), // + Paul (CDI): 3 / 4
  ],
  // benevolat_2024.csv — alpha: Odile 3 h CA (01), Odile 2 h accueil (02), Karim 4 h (01); beta:
  // Odile 1,5 h bureau (03).
  heures_benevolat: [
    s("alpha", 2024, 9), // 3 + 2 + 4 = 9
    coop(2024, 10.5), // 9 + 1,5 = 10,5
  ],
  // Graded (data/reference/grades_alisfa_benevolat.csv): « Conseil d'administration » and « Bureau »
  // ×1,5, « Accompagnement scolaire » ×1,15, « Accueil » ×1.
  valeur_benevolat: [
    s("alpha", 2024, (3 * 1.5 + 2 + 4 * 1.15) * RATE_2024), // 11,1 × 11,65 × 1,45 = 187,50675
    coop(2024, (3 * 1.5 + 2 + 4 * 1.15 + 1.5 * 1.5) * RATE_2024), // 13,35 × 16,8925 = 225,514875
  ],
  // The low bound of the range: the low employer-charges coefficient, 1,1 in 2024.
  valeur_benevolat_basse: [
    s("alpha", 2024, (3 * 1.5 + 2 + 4 * 1.15) * 11.65 * 1.1), // 11,1 × 11,65 × 1,1 = 142,2465
    coop(2024, (3 * 1.5 + 2 + 4 * 1.15 + 1.5 * 1.5) * 11.65 * 1.1), // 13,35 × 12,815 = 171,08025
  ],
  contributions_nature: [s("alpha", 2024, 150)], // 864 debit 150 (the 875 credit is its counterpart)
  heures_benevoles_par_etp: [
    s("alpha", 2024, 9 / FTE_ALPHA_2024), // 9 / 1,2486… = 7,2079…
    // gamma has staff but no volunteering: its 1 ETP is left out (same structures on both sides)
    cluster(2024, 10.5 / (FTE_ALPHA_2024 + 0.8)), // 10,5 / 2,0486… = 5,1254…
  ],
  cout_par_participant: [
    s("alpha", 2024, 950), // 3 800 / 4 participants = 950
    // beta has presences but no ledger: neither its charges nor its participants count
    coop(2024, 950), // 3 800 / 4 = 950 (not 3 800 / 5)
  ],
  actions_menees: [
    s("alpha", 2024, 2), // activities 1 and 2
    cluster(2024, 4), // 2 + beta's 1 + gamma's « Couture »
  ],
  seances: [
    s("alpha", 2024, 7), // activity 1 on six Wednesdays (Léa's 10/01 is one of them) + activity 2 on 10/01
    cluster(2024, 13), // 7 + beta 4 Tuesdays + gamma 2 days
  ],
  // comptages_2024.csv — alpha: Fête 30 adults + 20 children, 25 QPV; Café 8 adults, QPV not
  // noted. gamma: Sortie 4 + 6, 10 QPV.
  evenements_ouverts: [
    s("alpha", 2024, 2),
    cluster(2024, 3), // 2 + 1
  ],
  // catalogue_actions.csv — alpha: A1 enfance (Accueil de loisirs), A2 familles (Parentalité),
  // A3 tous publics (Jardin → environnement), A4 adultes (Participation des habitants →
  // gouvernance), A5 jeunesse (Accueil jeunes); beta: B1 adultes (Couture). Dated 2024 (last presences).
  actions_catalogue: [
    s("alpha", 2024, 5),
    coop(2024, 6), // 5 + 1
  ],
  actions_enfance_jeunesse: [s("alpha", 2024, 2)], // A1 + A5
  actions_familles: [s("alpha", 2024, 1)], // A2
  actions_environnement: [s("alpha", 2024, 1)], // A3 (Jardin, data/reference/themes.csv)
  actions_gouvernance: [s("alpha", 2024, 1)], // A4 (Participation des habitants)
  // senacs_2024.csv (inbox root): actions enfants / familles, CA members, inhabitants on the
  // board, AG participants, inhabitant groups — alpha 4 3 12 6 45 2; beta NSP 2 8 NSP 20 1;
  // delta 5 1 10 4 60 3.
  actions_senacs: [
    s("alpha", 2024, 7), // 4 + 3
    s("beta", 2024, 2), // NSP + 2: NSP is left out, not 0
    dept(2024, 15), // 7 + 2 + 6
  ],
  // partenariats.csv — alpha: Collège (école, 2020, convention), Ville de Romans (collectivité,
  // 2023, convention), Association Le Jardin (association, 2024, no convention), Collectif des
  // Balmes (collectif d'habitants, no date → every year, convention unknown); beta: Ville de
  // Romans (collectivité, 2022, no convention).
  partenariats_formalises: [
    s("alpha", 2024, 2 / 3), // Collège, Ville / Collège, Ville, Jardin (Collectif: unknown)
    coop(2024, 0.5), // 2 / (3 + 1)
  ],
  participants_uniques: [
    s("alpha", 2024, 4, { published: null }), // Julie, Léa, Paul, Awa: 4 < 5 → « < 5 »
    s("beta", 2024, 2), // Julie, Hugo
    coop(2024, 5, { published: 5 }), // 4 + 2 − 1 (Julie once) = 5, not the sum 6
    cluster(2024, 7), // 5 + gamma's Léa and Sam
  ],
  passages: [
    s("alpha", 2024, 9), // Julie 6 + Léa 1 + Paul 1 + Awa 1 (Paul's absence not counted)
    cluster(2024, 17), // 9 + 5 + 3
  ],
  heures_personnes: [
    s("alpha", 2024, 17), // 6 × 2 + 2 + 3 = 17 (Awa's presence has no times)
    cluster(2024, 30.5), // 17 + 5 × 1,5 + 3 × 2 = 30,5
  ],
  // Distinct days, not rows (a row count would give epsilon 1 / 2 and the département 2 / 9).
  participants_reguliers: [
    s("alpha", 2024, 0), // Julie came 6 days: 0 / 4
    coop(2024, 0.2), // Julie 6 + 4 = 10 days in the Coopération: 1 / 5
    s("epsilon", 2024, 0), // Nadia: 10 presences but 5 days; Zoé 1 day: 0 / 2
    // Julie, Léa, Paul, Awa, Hugo, gamma's Léa and Sam, Zoé, Nadia, zeta's Inès, Yanis, Claire = 12;
    // regular: Julie → 1 / 12
    dept(2024, 1 / 12),
  ],
  part_qpv: [
    s("alpha", 2024, 2 / 3), // Julie, Léa / Julie, Léa, Paul (Awa: no neighbourhood)
    coop(2024, 0.5), // + Hugo (Les Ors, not QPV): 2 / 4
    cluster(2024, 0.6), // + gamma's Léa (Fontbarlettes); Sam unknown: 3 / 5
  ],
  taux_penetration: [
    s("alpha", 2024, 2 / 33464), // Julie, Paul live in Romans / 33 464
    coop(2024, 4 / (33464 + 9921)), // + Awa, Hugo in Bourg-de-Péage: 4 / 43 385
    // delta (Montélimar) has no presences: its population is left out
    // + Léa in Valence, Zoé (Romans, at epsilon), Nadia (Crest), zeta's three (Die):
    // 10 / (107 843 + 8 658 + 4 844)
    dept(2024, 10 / (33464 + 9921 + 64458 + 8658 + 4844)),
    s("gamma", 2024, ABSENT), // a sign-in sheet gives no residence: no value
  ],
  diversite_ages: [
    s("alpha", 2024, Math.log(4)), // 42, 9, 74, 16 years: 4 bands of 1 → ln 4 = 1,386…
    // + Hugo (34): 26-59 ans × 2, three bands × 1 → −(2/5 ln 2/5 + 3 × 1/5 ln 1/5) = 1,332…
    coop(2024, -(0.4 * Math.log(0.4) + 3 * 0.2 * Math.log(0.2))),
  ],
  // The band's upper bound from data/reference/qf_bands.csv (≤ 700 €), not the label's last number.
  part_qf_bas: [
    s("zeta", 2024, 0.5, { published: null }), // Inès (401-700) / Inès, Yanis (1001-1500): 2 < 5 → « < 5 »
    dept(2024, 0.5), // no other structure's presences carry a band: 1 / 2
    s("alpha", 2024, ABSENT), // Noethys people carry no band here: no value, not 0
  ],
  part_femmes: [
    s("alpha", 2024, 0.75), // Julie, Awa, Léa / 4
    coop(2024, 0.6), // + Hugo: 3 / 5
  ],
  // Counted in the structures with presences in the year and the year before (alpha in 2024 only);
  // earlier presences are looked up in every structure of the scope.
  nouveaux_participants: [
    s("alpha", 2023, ABSENT), // first year of data of alpha: no value
    s("alpha", 2024, 2), // Léa, Awa (Julie and Paul came in 2023)
    s("beta", 2024, ABSENT), // beta starts in 2024: no year before
    s("epsilon", 2024, ABSENT), // epsilon sent nothing in 2023
    // beta starts late: its Hugo is left out, not « new » (all presences would give 3)
    coop(2024, 2), // Léa, Awa
    cluster(2024, 2), // Léa, Awa (gamma starts in 2024: its Léa and Sam are left out)
    // No structure of the département has presences in both 2022 and 2023: no value (all
    // presences would count alpha's Julie, Paul and Zoé as new, alpha starting after epsilon)
    dept(2023, ABSENT),
    dept(2024, 1), // alpha's Léa; Awa came to epsilon in 2022; Julie and Paul in 2023 (all presences: 4)
  ],
  fidelisation: [
    s("alpha", 2024, 2 / 3), // 2023: Julie, Paul, Zoé; back in 2024: Julie, Paul → 2 / 3
    coop(2024, 2 / 3), // the same: Zoé came back to epsilon, outside the Coopération
    dept(2024, 1), // Julie, Paul, and Zoé back at epsilon: 3 / 3
    // epsilon's 2022 Awa and Nadia: epsilon sent nothing in 2023, they do not count as gone
    // (all presences would give 0 / 2)
    dept(2023, ABSENT),
    s("epsilon", 2024, ABSENT),
  ],
  participants_evenements: [
    s("alpha", 2024, 58), // 30 + 20 + 8
    cluster(2024, 68), // 58 + 4 + 6
  ],
  part_qpv_evenements: [
    s("alpha", 2024, 0.5), // 25 / (30 + 20): the Café did not note QPV
    cluster(2024, 35 / 60), // (25 + 10) / (50 + 10)
  ],
  benevoles_actifs: [
    s("alpha", 2024, 2), // Odile, Karim
    coop(2024, 3), // + beta's Odile: a volunteer's pseudonym is per structure (counted twice)
  ],
  benevoles_gouvernance: [
    s("alpha", 2024, 1), // Odile (conseil d'administration)
    coop(2024, 2), // + beta's Odile (bureau)
  ],
  // adhesions_2024.csv — alpha: Julie 09/2023–08/2024, Paul 09/2024–08/2025; beta: Julie 2024.
  adherents: [
    s("alpha", 2023, 1), // Julie
    s("alpha", 2024, 2), // Julie, Paul
    coop(2024, 2), // 2 + 1 − 1: Julie once (same name and birth date)
  ],
  habitants_ca: [
    s("alpha", 2024, 6),
    s("beta", 2024, ABSENT), // NSP: missing, not 0
    dept(2024, 10), // 6 + 4
  ],
  part_habitants_ca: [
    coop(2024, 0.5), // 6 / 12: beta answered NSP, its 8 members are left out
    dept(2024, 10 / 22), // (6 + 4) / (12 + 10)
  ],
  participants_ag: [dept(2024, 125)], // 45 + 20 + 60
  projets_habitants: [dept(2024, 6)], // 2 + 1 + 3
  // questionnaire_indicateurs.xlsx + alpha/kobo_questionnaire.csv (1–5; q2 reverse: 6 − x); R1 and
  // R3 give the same code_repondant (one person, both waves), R2 another (« avant » only):
  //            q1 coh  q2 coh (rev)  q3 épan  q4 gouv  q5 env
  //   avant R1   2      4 → 2          3        1        2
  //   avant R2   3      5 → 1          2        2        3
  //   après R3   4      2 → 4          4        3        3
  // Scores per person and wave (mean of the dimension's items), then their mean; evolutions paired.
  score_cohesion_sociale: [s("alpha", 2024, 8 / 3)], // R1 2, R2 2, R3 4: (2 + 2 + 4) / 3 = 2,67
  score_epanouissement: [s("alpha", 2024, 3)], // (3 + 2 + 4) / 3 = 3
  score_gouvernance: [s("alpha", 2024, 2)], // (1 + 2 + 3) / 3 = 2
  score_environnement: [s("alpha", 2024, 8 / 3)], // (2 + 3 + 3) / 3 = 2,67
  evolution_cohesion_sociale: [s("alpha", 2024, 2)], // R3 − R1 = 4 − 2 (R2 has no « après »)
  evolution_epanouissement: [s("alpha", 2024, 1)], // 4 − 3
  evolution_gouvernance: [s("alpha", 2024, 2)], // 3 − 1
  evolution_environnement: [s("alpha", 2024, 1)], // 3 − 2
  // beta/accordeurs.csv: 1 Zohra joined 01/01/2024, 2 Camille 02/01/2024, 3 Huguette 10/12/2023,
  // 4 Hakan 01/03/2024; echanges_2024.csv: 11/01 1 → 2 1 h 30, 05/02 2 → 1 1 h, 20/02 3 → 1 2 h.
  heures_echangees: [s("beta", 2024, 4.5)], // 1,5 + 1 + 2
  membres_actifs_echanges: [s("beta", 2024, 3)], // Zohra, Camille, Huguette (Hakan: none)
  reciprocite: [s("beta", 2024, 2 / 3)], // Zohra and Camille gave and received; Huguette gave only
  // first exchanges: Zohra 11/01 (10 days), Camille 11/01 (9 days), Huguette 20/02 (21 + 31 + 20 = 72)
  delai_premier_echange: [s("beta", 2024, 10)], // median(9, 10, 72) = 10
  partenaires_actifs: [
    s("alpha", 2023, 3), // Collège, Ville, Collectif (undated)
    s("alpha", 2024, 4), // + Association Le Jardin
    coop(2024, 4), // 4 + 1 − 1: Ville de Romans once (sum would be 5)
    s("alpha", 2025, ABSENT), // the lists are read up to the latest dated activity (2024), not today
  ],
  diversite_partenaires: [
    s("alpha", 2022, 2), // école, collectif d'habitants
    s("alpha", 2024, 4), // + collectivité, association
  ],
  // temoignages.csv — alpha 2024: three testimonies, the second without consent.
  temoignages_consentis: [s("alpha", 2024, 2)],
  participants_multi_structures: [
    coop(2024, 0.2), // Julie (alpha and beta) / 5
    cluster(2024, 1 / 7), // 1 / 7
  ],
  valeur_mobilisee: [
    s("alpha", 2024, 3800 + 11.1 * RATE_2024), // 3 800 + 187,50675 = 3 987,50675
    coop(2024, 3800 + 11.1 * RATE_2024), // beta sent no ledger: its volunteering is left out
  ],
  // alpha/autoevaluation_iso26000_2024.csv: 6.2 relevance 3 maturity 2; 6.8.3 2 and 4; 6.8.4 1
  // and 1; 6.5.3 not relevant (0).
  maturite_iso26000: [s("alpha", 2024, 2.5)], // (3 × 2 + 2 × 4 + 1 × 1) / (3 + 2 + 1) = 15 / 6
  maturite_iso26000_communautes: [s("alpha", 2024, 3)], // (2 × 4 + 1 × 1) / (2 + 1) = 9 / 3
};

function close(actual: unknown, expected: number, label: string): void {
  assert.equal(typeof actual, "number", `${label}: ${actual} au lieu de ${expected}`);
  const a = actual as number;
  assert.ok(
    Math.abs(a - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${label}: ${a} au lieu de ${expected}`,
  );
}

Deno.test("every catalogue indicator has a hand-computed expectation (or is listed as pending)", async () => {
  const ids = (await readCatalogue()).indicators.map((x) => x.id);
  const missing = ids.filter((id) => !(id in EXPECTED) && !(id in PENDING));
  assert.deepEqual(missing, [], `indicateurs sans valeur attendue : ${missing.join(", ")}`);
  const unknown = [...Object.keys(EXPECTED), ...Object.keys(PENDING)].filter((id) => !ids.includes(id));
  assert.deepEqual(unknown, [], "attentes pour des indicateurs absents du catalogue");
  const both = Object.keys(PENDING).filter((id) => id in EXPECTED);
  assert.deepEqual(both, [], "un indicateur couvert ne doit plus être en attente");
  for (const [id, list] of Object.entries(EXPECTED)) {
    assert.ok(
      list.some((e) => e.value !== ABSENT && e.value !== null && e.value !== 0),
      `${id}: valeur non triviale`,
    );
  }
  // Today: none (part_qf_bas is read through zeta's numbered sign-in sheet).
  assert.deepEqual(Object.keys(PENDING).sort(), []);
});

Deno.test("indicator values on the hand-made inbox match the hand computations", async (t) => {
  const wh = await openWarehouse(":memory:");
  try {
    const reports = await ingestPaths(wh.conn, { paths: [INBOX], key: KEY });
    // « Bêta », an EVS, runs a time bank without « Accorderie » in its name: the plausibility
    // warning (src/ingest/plausibility.ts) is expected on its time-bank files, nothing else.
    const expected = (m: string) => m.includes("qui ne tient pas de banque de temps d'après le registre");
    const bad = reports.filter((r) => r.status !== "loaded" || r.issues.some((i) => !expected(i.message)));
    assert.deepEqual(bad.map((r) => [r.file, r.sheet, r.status, r.issues]), []);
    assert.equal(reports.length, 37); // 35 files, the XLSForm gives one report per sheet (3)
    await buildMarts(wh.conn);
    assert.deepEqual(await queryRows(wh.conn, "SELECT * FROM mart_indicator_issues"), []);

    const rows = await queryRows(
      wh.conn,
      `SELECT indicator_id, scope_level, scope, year, value, published_value, suppressed, complete
       FROM mart_indicator_values`,
    );
    const byKey = new Map(rows.map((r) => [`${r.indicator_id}|${r.scope_level}|${r.scope}|${r.year}`, r]));

    for (const [id, list] of Object.entries(EXPECTED)) {
      await t.step(id, () => {
        for (const e of list) {
          const label = `${id} ${e.scope} ${e.year}`;
          const row = byKey.get(`${id}|${e.scope_level}|${e.scope}|${e.year}`);
          if (e.value === ABSENT) {
            assert.equal(row, undefined, `${label}: aucune ligne attendue`);
            continue;
          }
          assert.ok(row, `${label}: ligne absente`);
          if (e.value === null) assert.equal(row.value, null, `${label}: valeur vide attendue`);
          else close(row.value, e.value, label);
          if (e.published === null) {
            assert.equal(row.suppressed, true, `${label}: « < 5 » attendu`);
            assert.equal(row.published_value, null, label);
          } else if (e.published !== undefined) {
            assert.equal(row.suppressed, false, `${label}: publié attendu`);
            close(row.published_value, e.published, `${label} (publié)`);
          }
          if (e.complete !== undefined) assert.equal(row.complete, e.complete, `${label}: complete`);
        }
      });
    }

    await t.step("part_qf_bas on injected bands (a person's bands at alpha)", async () => {
      // alpha: Julie 401-700 (≤ 700), Paul > 1500, Awa 0-400 (≤ 700), Léa unknown.
      await wh.conn.run(
        `UPDATE stg_people SET qf_band = CASE birth_year WHEN 1982 THEN '401-700' WHEN 2015 THEN '> 1500'
           WHEN 1950 THEN '0-400' END WHERE structure_id = 'alpha'`,
      );
      assert.deepEqual(await buildIndicatorMarts(wh.conn), {
        computed: (await readCatalogue()).indicators.map((x) => x.id),
        issues: [],
      });
      const [row] = await queryRows(
        wh.conn,
        `SELECT value, numerator, denominator FROM mart_indicator_values
         WHERE indicator_id = 'part_qf_bas' AND scope = 'alpha' AND year = 2024`,
      );
      assert.deepEqual(row, { value: 2 / 3, numerator: 2, denominator: 3 }); // Julie, Awa / Julie, Paul, Awa
    });

    await t.step(
      "part_qf_bas: an open band « > 700 » is not low (bounds, not the label's last number)",
      async () => {
        // Bands edited by a user: « 0-700 » and an open « > 700 ». Reading the last number of the
        // label took « > 700 » for a band ending at 700 € (Julie, Paul, Awa all low: 3 / 3).
        await writeReferenceTables(wh.conn, [
          { min: 0, max: 700, label: "0-700" },
          { min: 701, max: null, label: "> 700" },
        ]);
        await wh.conn.run(
          `UPDATE stg_people SET qf_band = CASE birth_year WHEN 1982 THEN '0-700' WHEN 2015 THEN '> 700'
           WHEN 1950 THEN '> 700' END WHERE structure_id = 'alpha'`,
        );
        const sql = await Deno.readTextFile(
          new URL("../../data/indicators/sql/part_qf_bas.sql", import.meta.url),
        );
        const [row] = await queryRows(
          wh.conn,
          `SELECT value, numerator, denominator FROM (${sql}) q WHERE scope = 'alpha' AND year = 2024`,
        );
        assert.deepEqual(row, { value: 1 / 3, numerator: 1, denominator: 3 }); // Julie / Julie, Paul, Awa
      },
    );
  } finally {
    wh.close();
  }
});
