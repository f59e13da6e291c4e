// The text alternative of a chart (issue 19, RGAA 1.3 and 4.1): under the chart, a closed
// « Les chiffres du graphique » box with a table of the figures drawn (hidden values written
// « < 5 », never zero) and the CSV and Excel downloads of the same rows. Screen-reader users get
// the chart's summary sentence from its aria-description; everyone can open the table.
import {downloadButtons} from "./downloads.js";

const number = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 2});

/** A cell as shown in the table: French numbers, « — » for no value, text as is. */
export function cellText(value) {
  if (value == null || (typeof value === "number" && !Number.isFinite(value))) return "—";
  if (typeof value === "number") return number.format(value);
  return String(value);
}

/**
 * The box with the table of `rows` (objects whose keys are the French column titles) and their
 * downloads, named `name` (file name without extension).
 *
 * @param {object[]} rows
 * @param {{name: string, caption?: string, columns?: string[]}} options
 */
export function chartDataTable(rows, {name, caption, columns = Object.keys(rows[0] ?? {})}) {
  const details = document.createElement("details");
  details.className = "chart-data";
  const summary = document.createElement("summary");
  summary.textContent = "Les chiffres du graphique (tableau)";
  const table = document.createElement("table");
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const td = tr.insertCell();
      td.textContent = cellText(row[column]);
      if (typeof row[column] === "number") td.className = "num";
    }
  }
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.append(table);
  details.append(summary, scroll, downloadButtons(rows, name, {columns, label: "Télécharger ces chiffres"}));
  return details;
}

/**
 * The chart (a Plot figure, or an svg wrapped in one) followed by its table of figures, inside
 * the same figure so that both move together in grids and print.
 */
export function withChartData(chart, rows, options) {
  let figure = chart;
  if (chart.tagName?.toLowerCase() !== "figure") {
    figure = document.createElement("figure");
    figure.append(chart);
  }
  const caption = figure.querySelector("svg[aria-label]")?.getAttribute("aria-label") ?? undefined;
  figure.append(chartDataTable(rows, {caption, ...options}));
  return figure;
}

/** A file-name part: « Maison des Ors » → « maison-des-ors ». */
export function slug(text) {
  return String(text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
