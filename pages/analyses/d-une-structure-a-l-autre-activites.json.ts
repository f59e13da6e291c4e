// Data loader of « D'une structure à l'autre » (activities of the people who came to several
// structures): runs the query at build time and prints only its protected result.
import { runAnalysis } from "../../src/analysis/run_analysis.ts";

await runAnalysis(new URL("./d-une-structure-a-l-autre-activites.sql", import.meta.url), {
  counts: ["personnes"],
  labels: { structure: "Structure", activite: "Activité", personnes: "Personnes" },
});
