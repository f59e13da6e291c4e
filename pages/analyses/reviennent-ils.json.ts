// Data loader of « Reviennent-ils ? »: runs reviennent-ils.sql on the warehouse at build time and
// prints only its protected result (counts under 5 masked, shares hidden when small).
import { runAnalysis } from "../../src/analysis/run_analysis.ts";

await runAnalysis(new URL("./reviennent-ils.sql", import.meta.url), {
  counts: ["nouveaux", "revenants"],
  shares: { part_revenants: { part: "revenants", whole: "nouveaux" } },
  // Cohorts of one perimeter add up (disjoint people); perimeters are summed by a reader too.
  additive: ["cohorte", "perimetre"],
  labels: {
    perimetre: "Périmètre",
    cohorte: "Première venue",
    annees_apres: "Années après",
    nouveaux: "Nouveaux participants",
    revenants: "Revenus",
    part_revenants: "Part revenue",
  },
});
