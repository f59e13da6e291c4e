// Observable Framework configuration. The site must work offline: no Google Fonts, no CDN
// (src/site/vendor_npm.ts fills the npm cache from node_modules), no DuckDB extension downloads.
import { HEAD } from "./src/site/shell.ts";

export default {
  root: "pages",
  title: "Observatoire d'impact",
  pages: [
    { name: "La Coopération en chiffres", path: "/cooperation" },
    { name: "Qualité des données", path: "/qualite" },
    { name: "Explorateur", path: "/explorateur" },
  ],
  // Framework 1.13 sets no <html lang>: set here for the dev server (the build also rewrites it),
  // with the skip link and the focus ring (src/site/shell.ts).
  head: HEAD,
  pager: false,
  toc: { label: "Sommaire" },
  header: "",
  footer:
    "Observatoire d'impact des centres sociaux — La Coopération, Romans-sur-Isère. Données pseudonymisées, effectifs inférieurs à 5 masqués.",
  theme: ["air", "alt"],
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
