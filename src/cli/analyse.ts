/**
 * `deno task analyse "Titre de l'analyse"`: creates the notebook `pages/analyses/<slug>.md` from
 * the French template (a draft unless `--publier`), and prints its address on the dev server.
 * Never overwrites a page. `--dossier <dir>` writes elsewhere (tests). `--entrepot` scaffolds an
 * analysis on the warehouse instead: a query, its data loader and a page (src/analysis/warehouse_template.ts).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { pageDataDir } from "../paths.ts";
import { ANALYSES_DIR, createAnalysis } from "../site/analysis_page.ts";
import { disclosureRule, type MartCatalogue, PUBLISHED_MARTS } from "../site/publish_marts.ts";
import { DEFAULT_THRESHOLD } from "../privacy/disclosure.ts";
import { createWarehouseAnalysis } from "../analysis/warehouse_template.ts";

/** The published catalogue, or (before the first build) the list of tables to be published. */
async function catalogue(): Promise<MartCatalogue> {
  try {
    return JSON.parse(await Deno.readTextFile(join(pageDataDir(), "marts.json")));
  } catch {
    return {
      threshold: DEFAULT_THRESHOLD,
      rule: disclosureRule(DEFAULT_THRESHOLD),
      tables: PUBLISHED_MARTS.map((s) => ({
        table: s.table,
        title: s.title,
        source: s.source,
        grain: s.grain,
        disclosure: s.disclosure,
        rows: 0,
        bytes: 0,
        file: `marts/${s.table}.arrow`,
        columns: [],
      })),
    };
  }
}

const { values, positionals } = parseArgs({
  args: Deno.args,
  options: {
    dossier: { type: "string" },
    publier: { type: "boolean", default: false },
    entrepot: { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const title = positionals.join(" ").trim();
if (!title) {
  console.error('Usage : deno task analyse "Titre de l\'analyse" [--publier] [--entrepot]');
  Deno.exit(2);
}
try {
  if (values.entrepot) {
    const { slug, paths } = await createWarehouseAnalysis(title, {
      dir: values.dossier ?? ANALYSES_DIR,
      publish: values.publier,
    });
    console.log(`Analyse sur l'entrepôt créée :\n${paths.map((p) => `  ${p}`).join("\n")}`);
    const port = Deno.env.get("PORT") ?? "3000";
    console.log(`Avec « deno task dev », ouvrez http://127.0.0.1:${port}/analyses/${slug}`);
    Deno.exit(0);
  }
  const { path, slug } = await createAnalysis(title, await catalogue(), {
    dir: values.dossier ?? ANALYSES_DIR,
    publish: values.publier,
  });
  const port = Deno.env.get("PORT") ?? "3000";
  console.log(`Carnet créé : ${path}${values.publier ? "" : " (brouillon : draft: true)"}`);
  console.log(`Avec « deno task dev », ouvrez http://127.0.0.1:${port}/analyses/${slug}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  Deno.exit(1);
}
