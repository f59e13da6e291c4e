// Observable Framework configuration. The site must work offline: no Google Fonts, no CDN
// (src/site/vendor_npm.ts fills the npm cache from node_modules), no DuckDB extension downloads.
export default {
  root: "pages",
  title: "Observatoire d'impact",
  lang: "fr",
  pages: [
    { name: "La Coopération en chiffres", path: "/cooperation" },
  ],
  head: '<meta name="robots" content="noindex">',
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
