// Data loader of « D'une structure à l'autre » (flows): runs d-une-structure-a-l-autre.sql on the
// warehouse at build time and prints only its protected result.
import { runAnalysis } from "../../src/analysis/run_analysis.ts";

await runAnalysis(new URL("./d-une-structure-a-l-autre.sql", import.meta.url), {
  counts: ["personnes"],
  labels: { origine: "Venues d'abord à", destination: "Puis venues à", personnes: "Personnes" },
});
