// Observable Framework configuration. The site must work offline: no Google Fonts, no CDN
// (src/site/vendor_npm.ts fills the npm cache from node_modules), no DuckDB extension downloads.
import { structurePages } from "./src/site/structure_pages.ts";
import { HEAD } from "./src/site/shell.ts";
import { dataFooter } from "./src/site/data_footer.ts";
import { analysisPages } from "./src/site/analysis_page.ts";

// One page per structure with data (/structures/[id]), listed by the pipeline in
// pages/data/generated/structures.json: the « Structures » section of the sidebar and the
// dynamic routes to build.
const structures = structurePages();
// The officer's notebooks (pages/analyses/*.md) not marked `draft: true`: the « Analyses » section.
const analyses = analysisPages();

export default {
  root: "pages",
  title: "Observatoire d'impact",
  pages: [
    { name: "La Coopération en chiffres", path: "/cooperation" },
    { name: "Structures", collapsible: true, open: false, pages: structures },
    { name: "Chaîne de valeur", path: "/chaine-valeur" },
    { name: "Socle commun", path: "/socle-commun" },
    { name: "ISO 26000", path: "/iso26000" },
    { name: "SROI", path: "/sroi" },
    { name: "Enquêtes", path: "/enquetes" },
    { name: "Accorderie", path: "/accorderie" },
    { name: "Cluster", path: "/cluster" },
    { name: "Département", path: "/departement" },
    { name: "Qualité des données", path: "/qualite" },
    { name: "Méthodologie", path: "/methodologie" },
    { name: "Explorateur", path: "/explorateur" },
    {
      name: "Analyses",
      collapsible: true,
      open: false,
      pages: [{ name: "Tables publiées et carnets", path: "/analyses/" }, ...analyses],
    },
    {
      name: "Outils de recueil",
      open: false,
      pages: [
        { name: "Présentation", path: "/outils/" },
        { name: "Feuille d'émargement", path: "/outils/emargement" },
        { name: "Comptage des événements", path: "/outils/comptages-evenements" },
        { name: "Heures de bénévolat", path: "/outils/benevolat" },
        { name: "Personnel salarié", path: "/outils/salaries" },
        { name: "Partenariats", path: "/outils/partenariats" },
        { name: "Témoignages", path: "/outils/temoignages" },
        { name: "Auto-évaluation ISO 26000", path: "/outils/autoevaluation-iso26000" },
        { name: "Carte d'impact SROI", path: "/outils/carte-impact-sroi" },
        { name: "Questionnaire des participants", path: "/outils/questionnaire" },
        { name: "Formats acceptés", path: "/outils/formats" },
      ],
    },
    // The accessibility statement RGAA asks for (issue 19).
    { name: "Accessibilité", path: "/accessibilite" },
  ],
  dynamicPaths: structures.map((p) => p.path),
  // Framework 1.13 sets no <html lang>: set here for the dev server (the build also rewrites it),
  // with the skip link and the focus ring (src/site/shell.ts).
  head: HEAD,
  pager: false,
  toc: { label: "Sommaire" },
  header: "",
  // When the data was loaded and from how many exports, on every page (src/site/data_footer.ts).
  footer: dataFooter(),
  // Theme air + alt, shared classes and the print stylesheet (A4, no sidebar, one section a page).
  style: "style.css",
  globalStylesheets: [],
  // Accents are folded in the built index (src/site/search_index.ts): « equipe » finds « équipe ».
  search: true,
  linkify: false,
  typographer: false,
  duckdb: { extensions: { json: null, parquet: null } },
  interpreters: {
    ".ts": [Deno.execPath(), "run", "--allow-all", "--no-prompt"],
  },
};
