/**
 * `deno task build`: regenerates the page data from the exports, then builds the site in dist/.
 */
import { join } from "node:path";
import { reportText } from "../ingest/report_text.ts";
import { PROJECT_ROOT } from "../paths.ts";
import { forgetLoadedPages, localiseHtml } from "../site/framework.ts";
import { frameworkBuild } from "../site/framework_build.ts";
import { runPipeline } from "../site/pipeline.ts";
import { frenchSearch } from "../site/search_index.ts";
import { explainFailure } from "./user_error.ts";

// An empty or partial warehouse still gives a site (its pages say what to load); an unexpected
// failure gives a French message, never a stack trace.
const reports = await explainFailure("la préparation des données du site", () => runPipeline());
const loaded = reports.filter((r) => r.status !== "unchanged");
console.log(loaded.length ? reportText(loaded, 3) : "Aucun nouvel export : données inchangées.");
// Pages written by page loaders are written again: the loader's own code may have changed.
await forgetLoadedPages();
const { code, explanation } = await frameworkBuild();
if (code !== 0) {
  console.error(explanation ?? "La construction du site a échoué.");
  Deno.exit(code);
}
await explainFailure("la finition du site", async () => {
  await localiseHtml(join(PROJECT_ROOT, "dist"));
  await frenchSearch(join(PROJECT_ROOT, "dist"));
});
console.log("Site construit dans dist/.");
