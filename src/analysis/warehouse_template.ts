/**
 * `deno task analyse "Titre" --entrepot`: scaffolds an analysis on the warehouse — a query, its
 * data loader (which applies the disclosure rule) and a page — so that a new analysis reads in
 * French, masks small counts and offers its downloads before the officer writes a line.
 *
 * @module
 */
import { join } from "node:path";
import { slugify } from "../site/analysis_page.ts";
import { queryWarehouse } from "./run_analysis.ts";

/** Person-level views an analysis may query, and what one row is. */
export const PERSON_VIEWS: { view: string; row: string }[] = [
  {
    view: "ind_visits",
    row: "une présence d'une personne à une activité (person_key : la personne, pseudonymisée)",
  },
  { view: "ind_registrations", row: "une inscription d'une personne à une activité" },
  { view: "ind_memberships", row: "une adhésion d'une personne, une ligne par année couverte" },
  { view: "ind_volunteering", row: "des heures de bénévolat d'un bénévole pour un mois" },
  { view: "ind_survey_person_scores", row: "les réponses d'une personne à une enquête, par dimension" },
  { view: "stg_structures", row: "une structure (name, in_cooperation, cluster…)" },
];

/** Each person-level view with its columns, read from the warehouse (empty when it is absent). */
export async function describeViews(
  path?: string,
): Promise<{ view: string; row: string; columns: string[] }[]> {
  const out = [];
  for (const v of PERSON_VIEWS) {
    const columns = await queryWarehouse(`DESCRIBE ${v.view}`, path)
      .then((rows) => rows.map((r) => String(r.column_name)), () => []);
    out.push({ ...v, columns });
  }
  return out;
}

/** The three files of a new warehouse analysis, by file name. */
export function warehouseAnalysisFiles(
  title: string,
  views: { view: string; row: string; columns: string[] }[],
  { publish = false } = {},
): Record<string, string> {
  const slug = slugify(title);
  const catalogue = views.map((v) =>
    `--   ${v.view} : ${v.row}.` + (v.columns.length ? `\n--     colonnes : ${v.columns.join(", ")}` : "")
  ).join("\n");
  const sql = `-- ${title}
--
-- Requête sur l'entrepôt (données par personne, pseudonymisées). Elle s'exécute à la construction du
-- site, sur cette machine, en lecture seule ; seul son résultat, protégé, arrive sur la page. Règles :
-- regroupez toujours (GROUP BY) et comptez des personnes (count(DISTINCT person_key)) ; déclarez
-- chaque colonne qui compte des personnes dans ${slug}.json.ts (counts). Un résultat qui montre un
-- pseudonyme, une ligne par personne ou aucun compte est refusé.
--
-- Vues disponibles :
${catalogue}
SELECT s.name AS structure, v.year AS annee, count(DISTINCT v.person_key) AS personnes
FROM ind_visits v JOIN stg_structures s USING (structure_id)
WHERE s.in_cooperation
GROUP BY ALL
ORDER BY structure, annee
`;
  const loader =
    `// Chargeur de données de « ${title} » : exécute ${slug}.sql sur l'entrepôt à la construction et
// n'écrit que son résultat protégé (effectifs de 1 à 4 masqués, masquage secondaire, parts sûres).
import { runAnalysis } from "../../src/analysis/run_analysis.ts";

await runAnalysis(new URL("./${slug}.sql", import.meta.url), {
  // Les colonnes qui comptent des personnes : la règle de diffusion s'applique à elles.
  counts: ["personnes"],
  // Des parts à calculer ici plutôt qu'en SQL (masquées quand elles reposent sur trop peu de personnes) :
  // shares: { part_x: { part: "x", whole: "personnes" } },
  labels: { structure: "Structure", annee: "Année", personnes: "Personnes" },
});
`;
  const page = `---
title: ${JSON.stringify(title)}
${publish ? "" : "draft: true\n"}toc: false
---

<!-- Analyse sur l'entrepôt créée par « deno task analyse --entrepot » : ${slug}.sql s'exécute à la
construction ; ${slug}.json.ts n'écrit que son résultat protégé. Supprimez « draft: true » pour publier. -->

\`\`\`js
import {analysisTable, maskingNote} from "../components/analysis_result.js";
const result = await FileAttachment("${slug}.json").json();
const shown = result.rows.filter((d) => d.personnes != null);
\`\`\`

# ${title}

<p class="lede">Écrivez ici la question posée et, une fois les chiffres lus, la réponse.</p>

\`\`\`js
display(html\`<div class="card" data-testid="analysis-chart">\${resize((width) => Plot.plot({
  width, height: 300, marginLeft: 48,
  x: {label: "Année", tickFormat: "d", ticks: [...new Set(shown.map((d) => d.annee))].filter((_, i) => width > 500 || i % 2 === 0)},
  y: {label: "Personnes", grid: true},
  color: {legend: true},
  marks: [Plot.line(shown, {x: "annee", y: "personnes", stroke: "structure", tip: true}), Plot.ruleY([0])]
}))}</div>\`);
display(analysisTable(result, {name: ${JSON.stringify(slug)}}));
display(maskingNote(result));
\`\`\`
`;
  return { [`${slug}.sql`]: sql, [`${slug}.json.ts`]: loader, [`${slug}.md`]: page };
}

/**
 * Writes the three files in `dir`; refuses when any of them exists. Returns the page's slug.
 */
export async function createWarehouseAnalysis(
  title: string,
  { dir, publish = false, warehouse }: { dir: string; publish?: boolean; warehouse?: string },
): Promise<{ slug: string; paths: string[] }> {
  const slug = slugify(title);
  if (!slug || slug === "index") throw new Error(`Titre inutilisable comme nom de page : « ${title} »`);
  const files = warehouseAnalysisFiles(title, await describeViews(warehouse), { publish });
  await Deno.mkdir(dir, { recursive: true });
  for (const name of Object.keys(files)) {
    if (await Deno.stat(join(dir, name)).then(() => true, () => false)) {
      throw new Error(
        `Le fichier ${join(dir, name)} existe déjà : choisissez un autre titre ou modifiez-le directement.`,
      );
    }
  }
  const paths = [];
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(join(dir, name), text, { createNew: true });
    paths.push(join(dir, name));
  }
  return { slug, paths };
}
