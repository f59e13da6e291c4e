// Observable Framework configuration. The site must work offline: no Google Fonts, no CDN
// (src/site/vendor_npm.ts fills the npm cache from node_modules), no DuckDB extension downloads.
export default {
  root: "pages",
  title: "Observatoire d'impact",
  pages: [
    { name: "La Coopération en chiffres", path: "/cooperation" },
    { name: "Qualité des données", path: "/qualite" },
    { name: "Chaîne de valeur", path: "/chaine-valeur" },
    { name: "Socle commun", path: "/socle-commun" },
    { name: "ISO 26000", path: "/iso26000" },
    { name: "Département", path: "/departement" },
    { name: "Méthodologie", path: "/methodologie" },
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
      ],
    },
  ],
  // Framework 1.13 sets no <html lang>: set it here for the dev server (the build also rewrites it).
  head: '<meta name="robots" content="noindex"><script>document.documentElement.lang = "fr";</script>',
  pager: false,
  toc: { label: "Sommaire" },
  header: "",
  footer:
    "Observatoire d'impact des centres sociaux — La Coopération, Romans-sur-Isère. Données pseudonymisées, effectifs inférieurs à 5 masqués.",
  theme: ["air", "alt"],
  globalStylesheets: [],
  search: false,
  linkify: false,
  typographer: false,
  duckdb: { extensions: { json: null, parquet: null } },
  interpreters: {
    ".ts": [Deno.execPath(), "run", "--allow-all", "--no-prompt"],
  },
};
