/**
 * Test support: each kit template filled as people really fill them — good lines and the usual
 * mistakes (text in a number column, a date typed as text, a blank mandatory cell) — with what
 * the ingest must make of them. Fictional first names only.
 */
import type { KitValue } from "../../src/kit/templates.ts";

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** A filled template and the expected outcome of its ingest. */
export interface FilledCase {
  template: string;
  rows: Record<string, KitValue>[];
  loaded: number;
  /** [spreadsheet line, column header as in the template] of each rejected cell. */
  errors: [number, string][];
  /** [line, column] of warnings expected (others may exist). */
  warnings?: [number, string][];
}

/** The cases, one per loader template (the year of the kit is 2025). */
export const FILLED_CASES: FilledCase[] = [
  {
    template: "emargement",
    rows: [
      {
        date: d(2025, 3, 4),
        last_name: "Exemple",
        first_name: "Camille",
        birth_year: 1990,
        neighbourhood: "La Monnaie",
        activity: "Atelier cuisine",
        hours: 2,
      },
      {
        date: d(2025, 3, 4),
        last_name: "Essai",
        first_name: "Léo",
        birth_year: 2012,
        neighbourhood: "Les Ors",
        activity: "Atelier cuisine",
        hours: "1h30",
      },
      {
        date: "le 11 du mois",
        last_name: "Exemple",
        first_name: "Camille",
        birth_year: 1990,
        activity: "Atelier cuisine",
        hours: 2,
      },
      {
        date: d(2025, 3, 11),
        last_name: null,
        first_name: "Inès",
        birth_year: 1975,
        activity: "Atelier cuisine",
        hours: 2,
      },
      {
        date: d(2025, 3, 11),
        last_name: "Essai",
        first_name: "Léo",
        birth_year: 2012,
        activity: "Atelier cuisine",
        hours: "deux heures",
      },
      {
        date: d(2025, 3, 18),
        last_name: "Modèle",
        first_name: "Yanis",
        birth_year: "88",
        activity: "Atelier cuisine",
        hours: 2,
      },
    ],
    loaded: 2,
    errors: [[4, "Date"], [5, "Nom"], [6, "Durée"], [7, "Année de naissance"]],
  },
  {
    template: "comptages-evenements",
    rows: [
      {
        date: d(2025, 6, 21),
        action: "Fête de quartier",
        adults: 85,
        children: 60,
        qpv_inhabitants: 70,
        volunteers_present: 12,
        place: "Place du marché",
      },
      { date: d(2025, 7, 8), action: "Sortie à la plage", adults: "une centaine", children: 40 },
      { date: "samedi 12", action: "Café des parents", adults: 9 },
      { date: d(2025, 7, 15), action: null, adults: 20, children: 15 },
      { date: d(2025, 7, 22), action: "Ciné plein air", children: 35, qpv_inhabitants: 20 },
    ],
    loaded: 2,
    errors: [[3, "Adultes"], [4, "Date"], [5, "Action"]],
  },
  {
    template: "benevolat",
    rows: [
      { volunteer: "Camille Exemple", date: d(2025, 2, 6), mission: "Aide aux devoirs", hours: 1.5 },
      { volunteer: "Léo Essai", month: "03/2025", mission: "Conseil d'administration", hours: 6 },
      { volunteer: "Inès Modèle", date: d(2025, 2, 8), mission: "Fête", hours: "tout l'après-midi" },
      { volunteer: "Yanis Test", mission: "Accueil", hours: 3 },
      { volunteer: null, date: d(2025, 2, 9), mission: "Accueil", hours: 2 },
      { volunteer: "Camille Exemple", date: d(2025, 2, 13), mission: "Aide aux devoirs", hours: "1h30" },
    ],
    loaded: 3,
    errors: [[4, "Heures"], [5, "Mois"], [6, "Bénévole"]],
  },
  {
    template: "salaries",
    rows: [
      {
        last_name: "Exemple",
        first_name: "Dominique",
        role: "Directrice",
        contract: "CDI",
        fte: 1,
        start_date: d(2019, 9, 1),
      },
      {
        last_name: "Essai",
        first_name: "Sacha",
        role: "Animateur",
        contract: "CDI",
        fte: "28h",
        start_date: d(2021, 1, 4),
      },
      {
        last_name: "Modèle",
        first_name: "Noa",
        role: "Accueil",
        contract: "vacataire",
        fte: 0.5,
        start_date: d(2022, 3, 1),
      },
      {
        last_name: "Test",
        first_name: "Lou",
        role: "Animatrice",
        contract: "CDD",
        fte: 0.5,
        start_date: d(2024, 9, 1),
        end_date: d(2024, 6, 30),
      },
      {
        last_name: "Exemple",
        first_name: "Alix",
        role: "Secrétaire",
        contract: "contrat aidé",
        fte: "50 %",
        start_date: "01/02/2025",
      },
    ],
    loaded: 2,
    errors: [[3, "ETP"], [4, "Type de contrat"], [5, "Date de sortie"]],
  },
  {
    template: "partenariats",
    rows: [
      {
        partner: "Médiathèque municipale",
        partner_type: "collectivité",
        subject: "Lecture en famille",
        since: "2019",
        formal: "oui",
        intensity: "régulier",
      },
      {
        partner: "Collège Jean Moulin",
        partner_type: "école/établissement scolaire",
        subject: "CLAS",
        since: "depuis longtemps",
        formal: "non",
      },
      { partner: "Mme Martin", partner_type: "association", subject: "Couture" },
      {
        partner: "Club de foot du quartier",
        partner_type: "bidule",
        subject: "Tournoi",
        since: 2022,
        formal: "non",
        intensity: "ponctuel",
      },
      {
        partner: "Bailleur social",
        partner_type: "bailleur social",
        subject: "Jardins",
        since: d(2021, 4, 1),
        formal: "peut-être",
      },
    ],
    loaded: 3,
    errors: [[3, "Depuis"], [4, "Partenaire"]],
    warnings: [[5, "Type de partenaire"], [6, "Convention"]],
  },
  {
    template: "temoignages",
    rows: [
      {
        date: d(2025, 5, 12),
        text: "Ici je me sens utile.",
        dimensions: "épanouissement",
        consent: "oui",
        public: "adulte",
        author: "Camille",
      },
      {
        date: d(2025, 5, 12),
        text: "Les enfants ont appris à jardiner.",
        dimensions: "environnement ; cohésion sociale",
        consent: null,
      },
      {
        date: d(2025, 5, 19),
        text: "Je ne voulais pas être cité.",
        dimensions: "gouvernance",
        consent: "non",
      },
      {
        date: "au printemps",
        text: "On s'entraide entre voisins.",
        dimensions: "cohésion sociale",
        consent: "oui",
      },
    ],
    loaded: 2,
    errors: [[3, "Consentement"], [5, "Date"]],
  },
];
