/**
 * The officer's analysis notebooks (`pages/analyses/<slug>.md`): the page template written by
 * `deno task analyse "Titre"`, and the list of published analyses for the sidebar (drafts,
 * `draft: true` in the front matter, stay out of the published site).
 *
 * @module
 */
import { join } from "node:path";
import { PAGES_DIR } from "../paths.ts";
import type { MartCatalogue } from "./publish_marts.ts";

/** Folder of the analysis pages. */
export const ANALYSES_DIR = join(PAGES_DIR, "analyses");

/** A sidebar entry of a published analysis. */
export interface AnalysisPage {
  name: string;
  path: string;
}

/** The page's file name: lower case, no accents, words joined by hyphens. */
export function slugify(title: string): string {
  return title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/['’]/g, "-").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80)
    .replace(/-+$/, "");
}

/** The front matter of a page: its plain `key: value` lines (enough for `title` and `draft`). */
export function frontMatter(text: string): Record<string, string> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const out: Record<string, string> = {};
  for (const line of match?.[1].split(/\r?\n/) ?? []) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (kv) out[kv[1]] = kv[2].replace(/^(["'])(.*)\1$/, "$2").trim();
  }
  return out;
}

/**
 * The published analyses (not drafts), sorted by title, for the « Analyses » section of the
 * sidebar; the index page (`index.md`) first as « Tables publiées et carnets ».
 */
export function analysisPages(dir = ANALYSES_DIR): AnalysisPage[] {
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(dir)];
  } catch {
    return [];
  }
  const pages: AnalysisPage[] = [];
  for (const entry of entries) {
    if (!entry.isFile || !/^[a-z0-9][a-z0-9-]*\.md$/.test(entry.name) || entry.name === "index.md") continue;
    const meta = frontMatter(Deno.readTextFileSync(join(dir, entry.name)));
    if (meta.draft === "true") continue;
    const slug = entry.name.slice(0, -3);
    pages.push({ name: meta.title || slug, path: `/analyses/${slug}` });
  }
  pages.sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return pages;
}

/** A string as a JavaScript / YAML double-quoted literal. */
const quoted = (text: string) => JSON.stringify(text);

/**
 * The Markdown of a new analysis page titled `title`: front matter (draft unless `publish`),
 * a cell registering the published tables in DuckDB-wasm, a first SQL cell, a result table,
 * a chart and a download, and how to go on. The first query uses the catalogue's first table
 * with a year and a participant count (the Coopération's yearly activity when published).
 */
export function analysisTemplate(title: string, catalogue: MartCatalogue, { publish = false } = {}): string {
  const tables = catalogue.tables.map((t) => `\`${t.table}\``).join(", ");
  const draft = publish ? "" : "draft: true\n";
  return `---
title: ${quoted(title)}
${draft}toc: false
---

<!--
  Carnet d'analyse créé par « deno task analyse ». Tant que la ligne « draft: true » est présente
  ci-dessus, la page est un brouillon : visible avec « deno task dev », absente du site publié.
  Pour la publier (menu « Analyses »), supprimez la ligne « draft: true » puis lancez « deno task build ».
-->

\`\`\`js
// Les tables publiées (agrégées, règle « < ${catalogue.threshold} » appliquée), chargées dans DuckDB dans ce
// navigateur : ${tables}.
import {MARTS} from "../data/generated/marts.js";
import {rows, protect, resultTable, standardChart, downloadResult, finding, formatInteger} from "../components/notebook.js";
const db = await DuckDBClient.of(MARTS);
await db.query("SET enable_external_access = false");
// Les blocs \`\`\`sql de cette page interrogent ces tables.
const sql = db.sql.bind(db);
\`\`\`

# ${title}

<p class="lede">Écrivez ici la question posée.</p>

\`\`\`js
// La réponse en une phrase, calculée sur le résultat ci-dessous (à adapter à votre question).
const derniere = donnees.findLast((d) => d.participants != null);
display(finding(derniere ? \`En \${derniere.year}, \${formatInteger(derniere.participants)} personnes différentes sont venues à La Coopération.\` : "Pas de donnée publiée pour répondre."));
\`\`\`

## Les données

\`\`\`sql id=resultat
SELECT year, participants, visits, secret
FROM activite_annuelle
WHERE scope = 'cooperation'
ORDER BY year
\`\`\`

\`\`\`js
// Règle de confidentialité : tout effectif de personnes de 1 à ${
    catalogue.threshold - 1
  } est masqué (« < ${catalogue.threshold} »).
const donnees = protect(rows(resultat), {counts: ["participants"]});
display(resultTable(donnees));
display(downloadResult(donnees, ${quoted(slugify(title))}));
\`\`\`

## Le graphique

\`\`\`js
display(html\`<div class="card" data-testid="notebook-chart">\${resize((width) => standardChart(donnees, {x: "year", y: "participants", width, title: "Participants par année", yLabel: "Participants"}))}</div>\`);
\`\`\`

## Pour continuer

- Modifiez la requête SQL ci-dessus : la page se recalcule à chaque enregistrement (avec « deno task dev »).
- Les tables disponibles, leurs colonnes et leur règle de confidentialité sont décrites sur la page
  [Tables publiées](./) ; une valeur vide dans une colonne d'effectif veut dire « moins de ${catalogue.threshold} », jamais zéro.
- Un effectif que vous calculez (une somme, un comptage) passe par \`protect(lignes, {counts: [...]})\`
  avant d'être affiché : la règle « < ${catalogue.threshold} » s'applique aussi à vos résultats.
- Les en-têtes des tableaux et des axes viennent du dictionnaire des tables publiées ; nommez vos colonnes
  calculées avec \`resultTable(lignes, {labels: {ma_colonne: "Mon libellé"}})\`. Tranches d'âge, jours et mois
  sont rangés dans leur ordre naturel.
- \`finding("…")\` affiche la réponse en une phrase : calculez-la sur le résultat plutôt que de l'écrire en dur.
- \`standardChart(lignes, {x, y, color, kind: "line"})\` trace un graphique aux couleurs du site ;
  \`downloadResult(lignes, "nom")\` ajoute les boutons CSV et Excel.
- Pour publier la page, supprimez la ligne « draft: true » en haut du fichier.
`;
}

/**
 * Writes a new analysis page `<dir>/<slug>.md`; refuses to overwrite an existing one.
 * Returns the file path and slug.
 */
export async function createAnalysis(
  title: string,
  catalogue: MartCatalogue,
  { dir = ANALYSES_DIR, publish = false } = {},
): Promise<{ path: string; slug: string }> {
  const slug = slugify(title);
  if (!slug || slug === "index") throw new Error(`Titre inutilisable comme nom de page : « ${title} »`);
  await Deno.mkdir(dir, { recursive: true });
  const path = join(dir, `${slug}.md`);
  await Deno.writeTextFile(path, analysisTemplate(title, catalogue, { publish }), { createNew: true })
    .catch((error) => {
      if (error instanceof Deno.errors.AlreadyExists) {
        throw new Error(
          `La page ${path} existe déjà : choisissez un autre titre ou modifiez-la directement.`,
        );
      }
      throw error;
    });
  return { path, slug };
}
