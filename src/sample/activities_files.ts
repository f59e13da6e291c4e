/**
 * The catalogues of actions of the four members of La Coopération: codes, labels, sectors in
 * each structure's own spelling, public and a free theme (linked to SENACS and the socle commun
 * by data/reference/themes.csv at ingest).
 */
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { ActivityStats, Truth } from "./truth.ts";
import { csvLine, encodeText } from "./csv.ts";
import { buildWorkbook } from "./xlsx.ts";
import type { Row } from "write-excel-file/node";

type Sector = "enfance" | "jeunesse" | "familles" | "adultes" | "seniors" | "tous publics";

/** An action of the master catalogue. */
interface Action {
  key: string;
  label: string;
  sector: Sector;
  public: string;
  theme: string;
}

const ACTIONS: Action[] = [
  {
    key: "ALSH35",
    label: "Accueil de loisirs 3-5 ans",
    sector: "enfance",
    public: "3-5 ans",
    theme: "Accueil de loisirs",
  },
  {
    key: "ALSH611",
    label: "Accueil de loisirs 6-11 ans",
    sector: "enfance",
    public: "6-11 ans",
    theme: "Accueil de loisirs",
  },
  {
    key: "JEUNES",
    label: "Accueil jeunes 12-17 ans",
    sector: "jeunesse",
    public: "12-17 ans",
    theme: "Accueil jeunes",
  },
  {
    key: "CLAS",
    label: "Accompagnement à la scolarité",
    sector: "enfance",
    public: "6-15 ans",
    theme: "Accompagnement à la scolarité",
  },
  { key: "ASL", label: "Ateliers sociolinguistiques", sector: "adultes", public: "Adultes", theme: "ASL" },
  { key: "CUIS", label: "Atelier cuisine", sector: "adultes", public: "Adultes", theme: "Cuisine" },
  { key: "COUT", label: "Atelier couture", sector: "adultes", public: "Adultes", theme: "Couture" },
  {
    key: "NUM",
    label: "Médiation numérique",
    sector: "adultes",
    public: "Adultes",
    theme: "Inclusion numérique",
  },
  { key: "GYM", label: "Gym douce", sector: "seniors", public: "60 ans et plus", theme: "Sport" },
  {
    key: "LAEP",
    label: "Lieu d'accueil enfants-parents",
    sector: "familles",
    public: "0-6 ans et parents",
    theme: "LAEP",
  },
  { key: "CAFP", label: "Café des parents", sector: "familles", public: "Parents", theme: "Parentalité" },
  { key: "SORT", label: "Sorties familles", sector: "familles", public: "Familles", theme: "Sorties" },
  {
    key: "FETE",
    label: "Fête de quartier",
    sector: "tous publics",
    public: "Habitants",
    theme: "Fête de quartier",
  },
  { key: "JARD", label: "Jardin partagé", sector: "tous publics", public: "Habitants", theme: "Jardin" },
  {
    key: "DROITS",
    label: "Permanence accès aux droits",
    sector: "adultes",
    public: "Adultes",
    theme: "Accès aux droits",
  },
  {
    key: "CA",
    label: "Conseil d'administration",
    sector: "tous publics",
    public: "Administrateurs",
    theme: "Vie associative",
  },
  // A theme missing from the reference: loaded, its SENACS theme and dimension left empty.
  { key: "THEA", label: "Atelier théâtre", sector: "jeunesse", public: "11-15 ans", theme: "Théâtre" },
  { key: "SENI", label: "Après-midi seniors", sector: "seniors", public: "Seniors", theme: "Seniors" },
];

/** The Accorderie's own actions. */
const ACCORDERIE_ACTIONS: Action[] = [
  {
    key: "ECH",
    label: "Échanges de services",
    sector: "tous publics",
    public: "Accordeurs",
    theme: "Échange de services",
  },
  {
    key: "ATCO",
    label: "Ateliers collectifs",
    sector: "adultes",
    public: "Accordeurs",
    theme: "Échange de savoirs",
  },
  {
    key: "ACC",
    label: "Accueil et inscriptions",
    sector: "tous publics",
    public: "Habitants",
    theme: "Lien social",
  },
  {
    key: "NUM",
    label: "Coup de pouce numérique",
    sector: "adultes",
    public: "Accordeurs",
    theme: "Numérique",
  },
  {
    key: "CA",
    label: "Conseil d'administration",
    sector: "tous publics",
    public: "Accordeurs",
    theme: "Vie associative",
  },
  {
    key: "REPAS",
    label: "Repas partagés",
    sector: "tous publics",
    public: "Habitants",
    theme: "Alimentation",
  },
];

/** Sector spellings each structure may type. */
const SPELLINGS: Record<Sector, string[]> = {
  enfance: ["Enfance", "Pôle enfance", "enfance"],
  jeunesse: ["Jeunesse", "Jeunes", "Ados"],
  familles: ["Familles", "Famille", "Parentalité"],
  adultes: ["Adultes", "Adulte"],
  seniors: ["Seniors", "Séniors", "Aînés"],
  "tous publics": ["Tous publics", "Tout public", "Intergénérationnel"],
};

/** Socle commun dimension Saint-Nicolas writes itself, per sector. */
const SOCLE_BY_SECTOR: Record<Sector, string> = {
  enfance: "Épanouissement",
  jeunesse: "Épanouissement",
  familles: "Cohésion sociale",
  adultes: "Cohésion sociale",
  seniors: "Cohésion sociale",
  "tous publics": "Gouvernance",
};

function pickActions(rng: Random, from: readonly Action[], count: number): Action[] {
  const chosen = rng.shuffle([...from]).slice(0, Math.min(count, from.length));
  return chosen.sort((a, b) => from.indexOf(a) - from.indexOf(b));
}

function stats(actions: readonly Action[]): ActivityStats {
  const sectors: Record<string, number> = {};
  for (const a of actions) sectors[a.sector] = (sectors[a.sector] ?? 0) + 1;
  return { actions: actions.length, sectors };
}

/**
 * Writes one catalogue per member of La Coopération.
 * @param rng random stream of catalogues
 * @param inbox output
 * @param truth ground truth
 */
export async function writeActivities(rng: Random, inbox: Inbox, truth: Truth): Promise<void> {
  // Les Ors: a workbook with a title row; no SENACS columns.
  {
    const r = rng.fork("ors");
    const actions = pickActions(r, ACTIONS, 14);
    const rows: Row[] = [
      ["Catalogue des actions – Maison de quartier des Ors", null, null, null, null],
      ["Code", "Action", "Secteur", "Public", "Thème"],
      ...actions.map((a) => [`ORS-${a.key}`, a.label, r.pick(SPELLINGS[a.sector]), a.public, a.theme]),
    ];
    const path = "ors/catalogue_actions.xlsx";
    await inbox.write(
      { path, rows: actions.length, encoding: "xlsx" },
      await buildWorkbook([{ name: "Actions", rows }]),
    );
    truth.activities.ors = stats(actions);
  }

  // Saint-Nicolas: Noethys-like ids, UTF-8 with BOM, the dimension typed by the centre.
  {
    const r = rng.fork("saint-nicolas");
    const actions = pickActions(r, ACTIONS, 12);
    const lines = ["IDactivite;Activité;Pôle;Public visé;Thématique;Dimension socle commun"];
    actions.forEach((a, i) => {
      lines.push(
        csvLine([
          String(i + 1),
          a.label,
          r.pick(SPELLINGS[a.sector]),
          a.public,
          a.theme,
          SOCLE_BY_SECTOR[a.sector],
        ], ";"),
      );
    });
    await inbox.write(
      { path: "saint-nicolas/actions.csv", rows: actions.length, encoding: "utf-8-bom" },
      encodeText(lines.join("\r\n") + "\r\n", "utf-8-bom"),
    );
    truth.activities["saint-nicolas"] = stats(actions);
  }

  // Noël Guichard: Windows-1252, a totals line.
  {
    const r = rng.fork("noel-guichard");
    const actions = pickActions(r, ACTIONS, 13);
    const lines = ["Code;Libellé;Secteur;Public;Thème"];
    for (const a of actions) {
      lines.push(csvLine([`NG${a.key}`, a.label, r.pick(SPELLINGS[a.sector]), a.public, a.theme], ";"));
    }
    lines.push(`Total;${actions.length} actions;;;`);
    await inbox.write(
      { path: "noel-guichard/catalogue_activites.csv", rows: actions.length, encoding: "windows-1252" },
      encodeText(lines.join("\r\n") + "\r\n", "windows-1252"),
    );
    truth.activities["noel-guichard"] = stats(actions);
  }

  // Accorderie: its own short list.
  {
    const r = rng.fork("accorderie");
    const lines = ["Code;Action;Secteur;Public;Thème"];
    for (const a of ACCORDERIE_ACTIONS) {
      lines.push(csvLine([a.key, a.label, r.pick(SPELLINGS[a.sector]), a.public, a.theme], ";"));
    }
    await inbox.write(
      { path: "accorderie/actions.csv", rows: ACCORDERIE_ACTIONS.length, encoding: "utf-8" },
      encodeText(lines.join("\n") + "\n", "utf-8"),
    );
    truth.activities.accorderie = stats(ACCORDERIE_ACTIONS);
  }
}
