/**
 * French, human-readable summary of an ingest run (the `--json` flag prints the reports as is).
 *
 * @module
 */
import type { LoadReport, LoadStatus } from "./load_report.ts";

const fmt = new Intl.NumberFormat("fr-FR");

/** French word for each status. */
export const STATUS_LABELS: Record<LoadStatus, string> = {
  loaded: "chargé",
  partial: "chargé en partie",
  unchanged: "déjà chargé",
  rejected: "refusé",
};

/** One paragraph per file, with its first issues located by line and column. */
export function reportText(reports: LoadReport[], maxIssuesPerFile = 10): string {
  const lines: string[] = [];
  for (const r of reports) {
    const where = r.sheet ? `${r.file} (feuille « ${r.sheet} »)` : r.file;
    const what = (r.format ? ` — ${r.format}` : "") + (r.layout ? ` (correspondance ${r.layout.file})` : "");
    const loaded = r.status === "loaded" || r.status === "partial";
    const counts = loaded
      ? ` : ${fmt.format(r.rowsLoaded)} lignes chargées, ${fmt.format(r.rowsRejected)} rejetées` +
        (r.rowsDuplicate ? `, ${fmt.format(r.rowsDuplicate)} en double` : "") +
        (r.rowsReplaced ? `, ${fmt.format(r.rowsReplaced)} remplacées` : "") +
        (r.superseded.length ? `, remplace ${r.superseded.length} chargement(s) antérieur(s)` : "")
      : ` : ${STATUS_LABELS[r.status]}`;
    lines.push(`${where}${what}${counts}`);
    for (const issue of r.issues.slice(0, maxIssuesPerFile)) {
      const at = [
        issue.line === null ? null : `ligne ${issue.line}`,
        issue.column === null ? null : `colonne « ${issue.column} »`,
      ].filter(Boolean).join(", ");
      lines.push(`  ${issue.severity} ${r.file}${at ? ` ${at}` : ""} : ${issue.message}`);
    }
    if (r.issues.length > maxIssuesPerFile) {
      lines.push(`  … et ${fmt.format(r.issues.length - maxIssuesPerFile)} autres remarques`);
    }
  }
  const loaded = reports.reduce((s, r) => s + r.rowsLoaded, 0);
  const rejected = reports.reduce((s, r) => s + r.rowsRejected, 0);
  const refused = reports.filter((r) => r.status === "rejected").length;
  lines.push(
    `Total : ${fmt.format(reports.length)} fichiers ou feuilles, ${fmt.format(loaded)} lignes chargées, ${
      fmt.format(rejected)
    } rejetées${refused ? `, ${fmt.format(refused)} fichier(s) ou feuille(s) refusé(s)` : ""}.`,
  );
  return lines.join("\n");
}
