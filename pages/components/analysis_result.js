// An analysis result published by src/analysis/run_analysis.ts ({columns, rows, masked, threshold}):
// a French table (labels from the analysis, masked counts « < 5 », masked shares « masqué »), the
// same rows for download with French headers, and the note that explains the masking once.
import {html} from "npm:htl";
import {downloadButtons} from "./downloads.js";

const integer = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 0});
const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 0});

/** One cell as text: counts as integers, shares as %, masked counts « < 5 », masked shares « masqué ». */
export function formatCell(value, role, threshold = 5) {
  if (value == null) return role === "count" ? `< ${threshold}` : role === "share" ? "masqué" : "—";
  if (role === "count") return integer.format(value);
  if (role === "share") return percent.format(value);
  return typeof value === "number" && !Number.isInteger(value) ? integer.format(value) : String(value);
}

/** The rows with French column labels, masked cells left empty: what the download buttons write. */
export function labelledRows(result, rows = result.rows) {
  return rows.map((row) => Object.fromEntries(result.columns.map((c) => [c.label, row[c.name] ?? null])));
}

/**
 * The result as a table (optionally a subset of its rows), with its download buttons.
 *
 * @example
 * display(analysisTable(result, {rows: result.rows.filter((d) => d.perimetre === "La Coopération"), name: "revenants"}))
 */
export function analysisTable(result, {rows = result.rows, name = "analyse", caption} = {}) {
  const numeric = (c) => c.role !== "dimension";
  return html`<div class="analysis-result">
    <div class="table-scroll" style="overflow-x: auto; max-width: 100%" tabindex="0" role="region" aria-label=${caption ?? "Résultat de l'analyse"}>
      <table>
        ${caption ? html`<caption>${caption}</caption>` : ""}
        <thead><tr>${result.columns.map((c) => html`<th scope="col" class=${numeric(c) ? "num" : ""}>${c.label}</th>`)}</tr></thead>
        <tbody>${rows.map((row) => html`<tr>${result.columns.map((c) => html`<td class=${numeric(c) ? "num" : ""}>${formatCell(row[c.name], c.role, result.threshold)}</td>`)}</tr>`)}</tbody>
      </table>
    </div>
    ${downloadButtons(labelledRows(result, rows), name)}
  </div>`;
}

/** The masking note, written once under a result: what « < 5 » and « masqué » mean. */
export function maskingNote(result) {
  return html`<p class="note">Règle de diffusion : un nombre de personnes inférieur à ${result.threshold} est
  remplacé par « < ${result.threshold} », et un autre nombre est masqué quand un total permettrait de le
  retrouver ; une part est « masquée » quand elle ou son complément repose sur moins de ${result.threshold}
  personnes. ${result.masked ? `${integer.format(result.masked)} case${result.masked > 1 ? "s" : ""} masquée${result.masked > 1 ? "s" : ""} dans ce résultat.` : "Aucune case masquée dans ce résultat."}</p>`;
}
