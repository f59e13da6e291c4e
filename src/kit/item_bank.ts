/**
 * The item bank of the participant questionnaire: statements on a 1–5 agreement scale, grouped
 * by dimension of the Drôme socle commun. Some statements are worded the other way round
 * (`reverse`: « Je me sens souvent seul·e » measures cohesion when disagreed with), so that
 * people who tick « tout à fait d'accord » everywhere are noticed; the analysis reverses them.
 *
 * The wording is plain, short and in the first person, for an oral or paper reading too.
 *
 * @module
 */

/** One statement. */
export interface BankItem {
  /** XLSForm name (unique, ASCII). */
  name: string;
  label: string;
  reverse?: boolean;
}

/** A dimension and its statements. */
export interface BankDimension {
  /** Label as the survey form loader reads it (`dimension` column). */
  dimension: string;
  /** Group name in the form. */
  group: string;
  title: string;
  items: BankItem[];
}

/** The five dimensions of the socle commun, each with its statements. */
export const ITEM_BANK: readonly BankDimension[] = [
  {
    dimension: "cohésion sociale",
    group: "cohesion_sociale",
    title: "Les liens avec les autres",
    items: [
      { name: "cs1_voisins", label: "Grâce au centre, je connais davantage de personnes de mon quartier." },
      { name: "cs2_entraide", label: "Je peux demander de l'aide à quelqu'un rencontré au centre." },
      { name: "cs3_isolement", label: "Je me sens souvent seul·e.", reverse: true },
      { name: "cs4_diversite", label: "Au centre, je rencontre des personnes différentes de moi." },
    ],
  },
  {
    dimension: "épanouissement",
    group: "epanouissement",
    title: "Ce que j'y gagne pour moi",
    items: [
      { name: "ep1_confiance", label: "Depuis que je viens, j'ai davantage confiance en moi." },
      { name: "ep2_competences", label: "J'ai appris des choses utiles dans ma vie de tous les jours." },
      { name: "ep3_projets", label: "Je n'ose pas proposer mes idées.", reverse: true },
      { name: "ep4_bien_etre", label: "Venir au centre me fait du bien." },
    ],
  },
  {
    dimension: "gouvernance",
    group: "gouvernance",
    title: "Participer aux décisions",
    items: [
      { name: "go1_avis", label: "On me demande mon avis sur les activités." },
      { name: "go2_decisions", label: "Je sais comment participer aux décisions du centre." },
      { name: "go3_ecoute", label: "Mon avis ne change rien à ce qui se fait ici.", reverse: true },
    ],
  },
  {
    dimension: "environnement",
    group: "environnement",
    title: "Le cadre de vie et la planète",
    items: [
      {
        name: "en1_gestes",
        label: "J'ai changé certaines habitudes pour l'environnement (tri, gaspillage…).",
      },
      { name: "en2_cadre", label: "Le centre contribue à un quartier plus agréable à vivre." },
      {
        name: "en3_indifference",
        label: "Les questions d'environnement ne me concernent pas.",
        reverse: true,
      },
    ],
  },
  {
    dimension: "richesses produites",
    group: "richesses_produites",
    title: "Ce que le centre apporte au quartier",
    items: [
      {
        name: "rp1_economies",
        label: "Le centre m'aide à faire des économies (échanges, entraide, sorties).",
      },
      { name: "rp2_services", label: "Je trouve au centre des services que je ne trouverais pas ailleurs." },
      { name: "rp3_engagement", label: "Je donne de mon temps pour des projets collectifs." },
    ],
  },
];

/** The agreement scale (`agree5`), value → label. */
export const AGREE5: readonly { name: string; label: string }[] = [
  { name: "1", label: "Pas du tout d'accord" },
  { name: "2", label: "Plutôt pas d'accord" },
  { name: "3", label: "Ni d'accord ni pas d'accord" },
  { name: "4", label: "Plutôt d'accord" },
  { name: "5", label: "Tout à fait d'accord" },
];
