/**
 * `deno task dev`: regenerates the page data, then serves the site on http://127.0.0.1:3000/
 * with live reload (Framework's preview server).
 */
import { forgetLoadedPages, frameworkCommand } from "../site/framework.ts";
import { runPipeline } from "../site/pipeline.ts";
import { reportText } from "../ingest/report_text.ts";
import { explainFailure } from "./user_error.ts";

const reports = await explainFailure("la préparation des données du site", () => runPipeline());
const loaded = reports.filter((r) => r.status !== "unchanged");
console.log(loaded.length ? reportText(loaded, 3) : "Aucun nouvel export : données inchangées.");
// Pages written by page loaders are written again: the loader's own code may have changed.
await forgetLoadedPages();
const port = Deno.env.get("PORT") ?? "3000";
console.log(`Site disponible sur http://127.0.0.1:${port}/cooperation`);
const child = frameworkCommand(["preview", "--host", "127.0.0.1", "--port", port, "--no-open"]).spawn();
Deno.exit((await child.status).code);
