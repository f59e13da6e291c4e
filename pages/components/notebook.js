// Helpers for the officer's analysis notebooks (pages/analyses/*.md): query results as plain
// rows, the disclosure rule applied to a result (« < 5 » for counts of people), a result table
// and a standard chart in the site's styles, French formats and the CSV / Excel download.
//
// Headers come from the published-table dictionary (marts.json), categories are shown in the
// order of their meaning (age bands, weekdays, months: notebook_labels.js), years as years.
//
// @example
// import {rows, protect, resultTable, standardChart, finding, downloadButtons} from "../components/notebook.js";
import * as Plot from "npm:@observablehq/plot";
import {FileAttachment} from "npm:@observablehq/stdlib";
import {html} from "npm:htl";
import {frLocale, formatDate, formatMonth, formatNumber, secretLabel} from "./format.js";
import {hatchMark, SUPPRESSED_COLOR, structureColor} from "./palette.js";
import {downloadButtons} from "./downloads.js";
import {categoryOrder, columnKind, columnLabel, dictionaryLabels, sortByMeaning} from "./notebook_labels.js";

export {categoryOrder, downloadButtons, formatDate, formatMonth, formatNumber, sortByMeaning};

// The published-table dictionary: column → French header (a site built before it has none).
const DICTIONARY = dictionaryLabels(await FileAttachment("../data/generated/marts.json").json().catch(() => null));

/**
 * A column's French header: the notebook's own `labels`, else the published-table dictionary,
 * else the name made readable.
 *
 * @param {string} column
 * @param {Record<string, string>} [labels]
 */
export function label(column, labels = {}) {
  return columnLabel(column, DICTIONARY, labels);
}

/** The disclosure threshold of the published tables: counts of people from 1 to 4 are hidden. */
export const THRESHOLD = 5;

const integer = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 0});
const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 1});
const signedPercent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero"});

/** « 1 234 » (integer, French spacing); « — » when missing. */
export function formatInteger(value) {
  return value == null ? "—" : integer.format(value);
}

/** « 41,2 % » from 0.412; « — » when missing. */
export function formatPercent(value) {
  return value == null ? "—" : percent.format(value);
}

/** « +7 % » from 0.0696, « −1,4 % » from −0.0139: a relative change; « — » when missing. */
export function formatChangePercent(value) {
  return value == null ? "—" : signedPercent.format(value).replace("-", "−");
}

function plainValue(value) {
  if (typeof value === "bigint") return Number(value);
  if (value != null && typeof value === "object" && !(value instanceof Date) && typeof value.valueOf === "function") {
    const v = value.valueOf();
    // A sum comes back as a HUGEINT (an Arrow decimal): its value is a number or a big integer.
    if (typeof v === "bigint" || typeof v === "number") return Number(v);
  }
  return value;
}

/**
 * The rows of a query result (an Arrow table from a ```sql cell or `db.query`) as plain objects:
 * big integers (sums, counts) become numbers, and `secret` (« participants,visits ») a list.
 *
 * @param {Iterable<object>} table
 * @returns {object[]}
 */
export function rows(table) {
  const out = [];
  for (const row of table ?? []) {
    const plain = {};
    for (const [key, value] of Object.entries(row.toJSON ? row.toJSON() : row)) {
      plain[key] = key === "secret" && typeof value === "string" ? value.split(",").filter(Boolean) : plainValue(value);
    }
    out.push(plain);
  }
  return out;
}

function secretList(row) {
  const s = row?.secret;
  if (Array.isArray(s)) return s;
  return typeof s === "string" ? s.split(",").filter(Boolean) : [];
}

/**
 * The disclosure rule applied to a result: in every `counts` column (counts of people), a value
 * from 1 to `threshold − 1` is replaced by null and the column named in the row's `secret` list;
 * a value already hidden upstream (null and named in `secret`) stays hidden. Use it on any count
 * of people you compute (a sum over published rows may fall below the threshold).
 *
 * @param {object[]} data rows (see {@link rows})
 * @param {{counts: string[], threshold?: number}} options
 * @returns {object[]} new rows, each with a `secret` list
 */
export function protect(data, {counts, threshold = THRESHOLD}) {
  return data.map((row) => {
    const secret = new Set(secretList(row));
    const out = {...row};
    for (const column of counts) {
      const value = plainValue(row[column]);
      if (value != null && value > 0 && value < threshold) {
        out[column] = null;
        secret.add(column);
      }
    }
    out.secret = [...secret];
    return out;
  });
}

/** A cell as text: « < 5 » when hidden, « — » when missing, French numbers and dates. */
export function formatCell(row, column, threshold = THRESHOLD) {
  const value = row[column];
  if (value == null) return secretList(row).includes(column) ? secretLabel(threshold) : "—";
  if (value instanceof Date) return formatDate(value.toISOString().slice(0, 10));
  if (typeof value === "number") {
    const kind = columnKind(column);
    if (kind === "year") return String(value);
    if (kind === "change") return formatChangePercent(value);
    if (kind === "share" && Math.abs(value) <= 1) return formatPercent(value);
    return frLocale.format(",~r")(Number(value.toPrecision(Math.abs(value) >= 1 ? 12 : 3)));
  }
  if (typeof value === "boolean") return value ? "oui" : "non";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The columns rows are grouped by: text columns and years, in the order they come. */
function categoryColumns(data, cols) {
  return cols.filter((c) => columnKind(c) === "year" || data.some((r) => typeof r[c] === "string"));
}

/**
 * A result table in the site's style: French headers (from the published-table dictionary, or
 * `labels` for the notebook's own columns), rows in the order of their categories' meaning
 * (age bands by age, weekdays from Monday; `sort: false` keeps the query's order), French
 * numbers (years as « 2024 », shares in %, relative changes « +7 % »), « < 5 » for hidden counts,
 * « — » for missing values, at most `max` rows shown (the download holds them all). The `secret`
 * column is not shown.
 *
 * @param {object[]} data
 * @param {{columns?: string[], labels?: Record<string, string>, sort?: boolean, max?: number, caption?: string, threshold?: number}} [options]
 */
export function resultTable(data, {columns, labels = {}, sort = true, max = 50, caption, threshold = THRESHOLD} = {}) {
  const cols = (columns ?? Object.keys(data[0] ?? {})).filter((c) => c !== "secret");
  const ordered = sort ? sortByMeaning(data, categoryColumns(data, cols)) : data;
  const shown = ordered.slice(0, max);
  const numeric = new Set(cols.filter((c) => data.some((r) => typeof r[c] === "number")));
  return html`<div class="notebook-result" data-testid="notebook-table">
    <table>
      ${caption ? html`<caption>${caption}</caption>` : ""}
      <thead><tr>${cols.map((c) => html`<th scope="col" class=${numeric.has(c) ? "num" : ""} data-column=${c}>${label(c, labels)}</th>`)}</tr></thead>
      <tbody>${shown.map((row) => html`<tr>${cols.map((c) => html`<td class=${numeric.has(c) ? "num" : ""}>${formatCell(row, c, threshold)}</td>`)}</tr>`)}</tbody>
    </table>
    <p class="muted">${data.length > max ? `${formatInteger(max)} premières lignes sur ${formatInteger(data.length)}.` : `${formatInteger(data.length)} ligne${data.length > 1 ? "s" : ""}.`} « ${secretLabel(threshold)} » : effectif masqué par la règle de confidentialité ; « — » : pas de donnée.</p>
  </div>`;
}

/**
 * A finding stated in a sentence, computed by the notebook from its result (the reader's answer
 * to the page's question), shown above the evidence.
 *
 * @param {string|Node} text
 */
export function finding(text) {
  return html`<p class="notebook-finding" data-testid="notebook-finding" style="font-size: 1.1rem; max-width: 60rem; border-left: 4px solid var(--theme-foreground-focus); padding-left: 0.75rem;"><strong>En bref.</strong> ${text}</p>`;
}

/**
 * A standard chart in the project's style: bars (default) or lines (`kind: "line"`) of `y` by
 * `x`, coloured by `color` (structure ids get their usual colours), hidden values drawn as grey
 * hatching (never as zero), French number formats. Axis labels default to the columns' French
 * headers (see {@link label}); categories come in the order of their meaning (`order` to choose);
 * a year axis has one tick a year, never « 2017.5 ».
 *
 * @param {object[]} data rows (see {@link rows}, {@link protect})
 * @param {{x: string, y: string, color?: string, kind?: "bar" | "line", width?: number,
 *   title?: string, subtitle?: string, xLabel?: string, yLabel?: string, order?: string[],
 *   labels?: Record<string, string>}} options
 */
export function standardChart(data, {x, y, color, kind = "bar", width = 640, title, subtitle, xLabel, yLabel, order, labels = {}} = {}) {
  xLabel = xLabel === undefined ? label(x, labels) : xLabel;
  yLabel = yLabel ?? label(y, labels);
  const years = columnKind(x) === "year" ? categoryOrder(data.map((d) => d[x]).filter((v) => v != null)) : null;
  // A year axis: whole years only, thinned to about one tick per 60 px.
  const yearTicks = years && kind === "line" ? years.filter((_, i) => i % Math.max(1, Math.ceil((years.length * 60) / width)) === 0) : undefined;
  order = order ?? (kind === "line" && years ? undefined : categoryOrder(data.map((d) => d[x])));
  const hidden = data.filter((d) => d[y] == null && secretList(d).includes(y));
  const shown = data.filter((d) => d[y] != null);
  const hatch = hatchMark();
  const colors = color ? categoryOrder(data.map((d) => d[color])) : [];
  const colorOption = color
    ? {domain: colors, range: colors.map((c, i) => structureColor(c, ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"][i % 7])), legend: true}
    : undefined;
  const top = Math.max(1, ...shown.map((d) => d[y]));
  const marks = kind === "line"
    ? [Plot.lineY(shown, {x, y, stroke: color ?? "#0072B2", strokeWidth: 2, marker: "circle-stroke"}), Plot.ruleY([0])]
    : [
        hatch.defs,
        // With a colour, grouped bars (one group per x value), never stacked.
        Plot.barY(shown, color ? {fx: x, x: color, y, fill: color} : {x, y, fill: "#0072B2"}),
        Plot.barY(hidden, color
          ? {fx: x, x: color, y: () => top * 0.05, fill: hatch.fill, stroke: SUPPRESSED_COLOR}
          : {x, y: () => top * 0.05, fill: hatch.fill, stroke: SUPPRESSED_COLOR}),
        Plot.ruleY([0])
      ];
  marks.push(Plot.tip(shown, (kind === "line" ? Plot.pointerX : Plot.pointer)({...(color && kind !== "line" ? {fx: x, x: color} : {x}), y, title: (d) => `${formatCell(d, x)}${color ? ` — ${d[color]}` : ""}\n${yLabel ?? y} : ${formatCell(d, y)}`})));
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 320,
    marginLeft: 60,
    ariaLabel: title ?? `${yLabel ?? y} par ${xLabel ?? x}`,
    ...(color && kind !== "line"
      ? {fx: {label: xLabel, domain: order, tickFormat: (v) => (typeof v === "number" ? String(v) : v)}, x: {axis: null, domain: colors}}
      : {x: {label: xLabel, domain: order, ticks: yearTicks, tickFormat: (v) => (typeof v === "number" ? String(v) : v)}}),
    y: {grid: true, label: yLabel ?? y, tickFormat: (v) => frLocale.format(",~r")(v)},
    color: colorOption,
    marks
  });
}

/** A download button (CSV and Excel) for a result; the `secret` lists become text. */
export function downloadResult(data, name) {
  return downloadButtons(data.map((r) => ({...r, secret: secretList(r).join(",")})), name, {label: "Télécharger le résultat"});
}
