// The value-chain story (ressources → activités → réalisations → effets → impacts) of one scope,
// from the published indicator marts: value tables, findings in plain French, trend charts.
// Each component takes (data, {options}); suppressed values read « < 5 », never 0.
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {frLocale} from "./format.js";
import {colorScale, COOPERATION_COLOR, hatchMark, SUPPRESSED_COLOR} from "./palette.js";

/** The five stages of the FONDA value chain, in order, with the question each answers. */
export const STAGES = [
  {id: "ressources", title: "Ressources", question: "Ce qui est mobilisé : argent, salariés, bénévoles, partenaires"},
  {id: "activités", title: "Activités", question: "Ce qui est organisé : actions, séances, événements"},
  {id: "réalisations", title: "Réalisations", question: "Qui est touché, combien de fois, qui revient"},
  {id: "effets", title: "Effets", question: "Ce qui change pour les habitants et les partenaires"},
  {id: "impacts", title: "Impacts", question: "Ce qui change pour le territoire"}
];

const integer = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 1});
const twoDecimals = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 2});
const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 1});
const euros = new Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR", maximumFractionDigits: 0});

/** Index of a published story: look-ups by indicator and year. */
export function storyIndex(story) {
  const indicators = new Map(story.indicators.map((d) => [d.id, d]));
  const values = new Map(story.values.map((d) => [`${d.i}|${d.y}`, d]));
  const changes = new Map(story.changes.map((d) => [`${d.i}|${d.y}`, d]));
  const years = [...new Set(story.values.map((d) => d.y))].sort((a, b) => a - b);
  return {
    indicators,
    years,
    indicator: (id) => indicators.get(id),
    value: (id, year) => values.get(`${id}|${year}`),
    change: (id, year) => changes.get(`${id}|${year}`),
    series: (id) => story.values.filter((d) => d.i === id)
  };
}

/** Whether an indicator's unit is a share (0–1). */
export function isShare(unit) {
  return /^part(\s|$)/.test(unit ?? "");
}

/**
 * A value in its unit, in French: "1 852 personnes", "44,2 %", "1,53 M€", "15,4 ETP".
 *
 * @param {number|null} value
 * @param {string} unit the catalogue unit
 * @param {{withUnit?: boolean}} [options]
 */
export function formatValue(value, unit, {withUnit = true} = {}) {
  if (value == null) return "—";
  if (isShare(unit)) return percent.format(value);
  if (unit === "€") {
    if (Math.abs(value) >= 1e6) return `${oneDecimal.format(value / 1e6)}\u00a0M€`;
    return euros.format(value);
  }
  if (/€/.test(unit)) return `${twoDecimals.format(value)}\u00a0${unit}`;
  const number = Number.isInteger(value) ? integer.format(value)
    : Math.abs(value) < 10 ? twoDecimals.format(value) : oneDecimal.format(value);
  return withUnit && unit ? `${number}\u00a0${unit.replace(/\s*\(.*\)$/, "")}` : number;
}

/** A published value: its number, « < 5 » when suppressed, « — » when there is none. */
export function formatStoryValue(row, unit, threshold = 5, options) {
  if (!row) return "—";
  if (row.s) return `< ${threshold}`;
  return formatValue(row.v, unit, options);
}

/**
 * The change since the 2017–2018 baseline: "+16,7 %" (or "+2,3 points" for a share), with
 * the direction in words when the indicator has one.
 */
export function formatChange(change, unit) {
  if (!change) return "—";
  const sign = (x) => (x > 0 ? "+" : x < 0 ? "−" : "±");
  const text = isShare(unit)
    ? `${sign(change.d)}${oneDecimal.format(Math.abs(change.d * 100))}\u00a0pt`
    : change.r == null ? `${sign(change.d)}${oneDecimal.format(Math.abs(change.d))}`
    : `${sign(change.r)}${percent.format(Math.abs(change.r))}`;
  return change.t === "sans objet" ? text : `${text} (${change.t})`;
}

/** "4 structures sur 4" or "partiel : 1 structure sur 4 a envoyé les données". */
export function formatCompleteness(row) {
  if (!row) return "—";
  if (row.n <= 1) return row.c ? "complet" : "partiel";
  return row.c ? `${row.w} sur ${row.n}` : `partiel : ${row.w} sur ${row.n}`;
}

/**
 * A sentence stating the finding for one indicator and year, e.g. « Habitants touchés : 1 852
 * personnes en 2025, +16,7 % par rapport à 2017–2018 ».
 */
export function finding(story, id, year, {threshold = 5} = {}) {
  const index = storyIndex(story);
  const x = index.indicator(id);
  const row = index.value(id, year);
  if (!x) return "";
  if (!row) return `${x.label} : pas de donnée en ${year}`;
  const base = `${x.label} : ${formatStoryValue(row, x.unit, threshold)} en ${year}`;
  const change = index.change(id, year);
  if (!change) return base;
  const delta = isShare(x.unit)
    ? `${change.d >= 0 ? "+" : "−"}${oneDecimal.format(Math.abs(change.d * 100))} point${Math.abs(change.d * 100) >= 2 ? "s" : ""}`
    : change.r == null ? "" : `${change.r >= 0 ? "+" : "−"}${percent.format(Math.abs(change.r))}`;
  return delta ? `${base}, ${delta} par rapport à 2017–2018` : base;
}

/**
 * The table of one value-chain stage for a year: indicator, value, change since 2017–2018,
 * completeness of the sources. Rows carry `data-indicator` (for tests and links).
 *
 * @param {object} story the published story
 * @param {{stage: string, year: number, threshold?: number, methodHref?: string}} options
 */
export function stageTable(story, {stage, year, threshold = 5, methodHref} = {}) {
  const index = storyIndex(story);
  const rows = story.indicators.filter((x) => x.stage === stage).map((x) => ({x, row: index.value(x.id, year), change: index.change(x.id, year)}))
    .filter((d) => d.row);
  if (rows.length === 0) return html`<p class="muted">Aucun indicateur de cette étape n'a de valeur en ${year} : les exports nécessaires n'ont pas été reçus.</p>`;
  return html`<table class="story-table">
    <caption class="sr-only">Indicateurs de l'étape « ${stage} » en ${year}</caption>
    <thead><tr><th scope="col">Indicateur</th><th scope="col" class="num">${year}</th><th scope="col" class="num">Depuis 2017–2018</th><th scope="col">Structures ayant envoyé les données</th></tr></thead>
    <tbody>${rows.map(({x, row, change}) => html`<tr data-indicator=${x.id}>
      <th scope="row" title=${x.definition}>${methodHref ? html`<a href=${`${methodHref}#${x.id}`}>${x.label}</a>` : x.label}</th>
      <td class="num value">${formatStoryValue(row, x.unit, threshold)}</td>
      <td class="num">${formatChange(change, x.unit)}</td>
      <td class=${row.c ? "" : "partial"}>${formatCompleteness(row)}</td>
    </tr>`)}</tbody>
  </table>`;
}

const count = frLocale.format(",d");

function axisFormat(unit) {
  if (isShare(unit)) return (d) => percent.format(d);
  if (unit === "€") return (d) => (Math.abs(d) >= 1e6 ? `${oneDecimal.format(d / 1e6)} M€` : Math.abs(d) >= 1e3 ? `${integer.format(d / 1e3)} k€` : `${integer.format(d)} €`);
  return (d) => (Number.isInteger(d) ? count(d) : twoDecimals.format(d));
}

/**
 * One indicator year by year for one scope: bars in the scope's colour, the 2017–2018 baseline
 * as a dashed line, suppressed years as grey hatching labelled « < 5 », years without data left
 * empty (said in the text alternative).
 *
 * @param {object} story the published story
 * @param {{indicator: string, color?: string, width?: number, title?: string, subtitle?: string, threshold?: number, years?: number[]}} options
 */
export function trendChart(story, {indicator, color = COOPERATION_COLOR, width, title, subtitle, threshold = 5, years} = {}) {
  const index = storyIndex(story);
  const x = index.indicator(indicator);
  const series = index.series(indicator).filter((d) => !years || years.includes(d.y));
  const shown = series.filter((d) => !d.s && d.v != null);
  const hidden = series.filter((d) => d.s);
  const baseline = story.changes.find((d) => d.i === indicator);
  const domainYears = years ?? index.years;
  const max = Math.max(0, ...shown.map((d) => d.v), baseline?.b ?? 0) || 1;
  const hatch = hatchMark();
  const fmt = axisFormat(x?.unit);
  const missing = domainYears.filter((y) => !series.some((d) => d.y === y));
  const description = `${x?.label ?? indicator} par année : ` + domainYears.map((y) => {
    const row = series.find((d) => d.y === y);
    return `${y} ${row ? formatStoryValue(row, x.unit, threshold) : "pas de donnée"}`;
  }).join(" ; ") + (baseline ? `. Référence 2017–2018 : ${formatValue(baseline.b, x.unit)}.` : ".");
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 240,
    marginLeft: 64,
    ariaLabel: title ?? x?.label,
    ariaDescription: description,
    x: {type: "band", domain: domainYears, label: null, tickFormat: (d) => String(d)},
    y: {grid: true, label: x ? `${x.label} (${x.unit})` : null, tickFormat: fmt, domain: [0, max * 1.1]},
    marks: [
      hatch.defs,
      Plot.barY(shown, {x: "y", y: "v", fill: color, tip: {format: {y: (d) => formatValue(d, x?.unit), x: (d) => String(d)}}}),
      Plot.barY(hidden, {x: "y", y1: 0, y2: max * 0.25, fill: hatch.fill, stroke: SUPPRESSED_COLOR}),
      Plot.text(hidden, {x: "y", y: max * 0.25, text: () => `< ${threshold}`, dy: -8, fill: "#555"}),
      Plot.text(missing, {x: (d) => d, y: 0, text: () => "n.d.", dy: -8, fill: "#777", fontSize: 9}),
      baseline ? Plot.ruleY([baseline.b], {stroke: "#555", strokeDasharray: "4 3"}) : null,
      baseline ? Plot.text([baseline.b], {y: (d) => d, frameAnchor: "right", text: () => "réf. 2017–2018", dy: -6, fill: "#555", fontSize: 10, textAnchor: "end"}) : null,
      Plot.ruleY([0])
    ]
  });
}

/**
 * One indicator per structure and year: one line per structure in its colour. A suppressed
 * point breaks the line and is marked « < 5 » at the top; a year without data is a gap.
 *
 * @param {{scope: string, i: string, y: number, v: number|null, s: boolean}[]} rows
 * @param {{indicator: object, structures: {id: string, name: string}[], width?: number, title?: string, subtitle?: string, threshold?: number}} options
 */
export function structuresChart(rows, {indicator, structures, width, title, subtitle, threshold = 5} = {}) {
  const names = new Map(structures.map((s) => [s.id, s.name]));
  const data = rows.filter((d) => d.i === indicator.id && names.has(d.scope)).map((d) => ({...d, structure: names.get(d.scope)}));
  const fmt = axisFormat(indicator.unit);
  const description = structures.map((s) => `${s.name} : ` + data.filter((d) => d.scope === s.id)
    .map((d) => `${d.y} ${d.s ? `< ${threshold}` : formatValue(d.v, indicator.unit)}`).join(", ")).join(" ; ");
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 260,
    marginLeft: 64,
    ariaLabel: title ?? indicator.label,
    ariaDescription: `${indicator.label} par structure et par année. ${description}`,
    x: {label: null, tickFormat: (d) => String(d), ticks: [...new Set(data.map((d) => d.y))]},
    y: {grid: true, label: `${indicator.label} (${indicator.unit})`, tickFormat: fmt, zero: true},
    color: colorScale(structures),
    marks: [
      Plot.lineY(data, {x: "y", y: (d) => (d.s ? NaN : d.v), stroke: "structure", strokeWidth: 2, marker: "circle-stroke",
        tip: {format: {y: (d) => formatValue(d, indicator.unit), x: (d) => String(d)}}}),
      Plot.text(data.filter((d) => d.s), {x: "y", frameAnchor: "top", text: () => `< ${threshold}`, fill: "structure"}),
      Plot.ruleY([0])
    ]
  });
}

/**
 * The change since 2017–2018 of several indicators, as a diverging dot plot: improvements in
 * the scope's colour, deteriorations in orange, neutral indicators in grey.
 *
 * @param {object} story the published story
 * @param {{year: number, indicators: string[], width?: number, title?: string, subtitle?: string}} options
 */
export function baselineChart(story, {year, indicators, width, title, subtitle, color = COOPERATION_COLOR} = {}) {
  const index = storyIndex(story);
  const data = indicators.map((id) => ({x: index.indicator(id), c: index.change(id, year)}))
    .filter((d) => d.x && d.c && d.c.r != null && !isShare(d.x.unit))
    .map((d) => ({label: d.x.label, r: d.c.r, t: d.c.t}))
    .concat(indicators.map((id) => ({x: index.indicator(id), c: index.change(id, year)}))
      .filter((d) => d.x && d.c && isShare(d.x.unit))
      .map((d) => ({label: `${d.x.label} (en points)`, r: d.c.d, t: d.c.t})));
  const colors = {"amélioration": color, "dégradation": "#E69F00", "stable": "#777", "sans objet": "#999"};
  const text = data.map((d) => `${d.label} : ${d.r >= 0 ? "+" : "−"}${percent.format(Math.abs(d.r))} (${d.t})`).join(" ; ");
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 30 + 24 * Math.max(data.length, 1),
    marginLeft: 260,
    ariaLabel: title,
    ariaDescription: `Évolution par rapport à la moyenne 2017–2018, en ${year}. ${text}`,
    x: {grid: true, label: `Évolution depuis 2017–2018 (en ${year})`, tickFormat: (d) => `${d > 0 ? "+" : ""}${percent.format(d)}`},
    y: {label: null, domain: data.map((d) => d.label)},
    color: {domain: Object.keys(colors), range: Object.values(colors), legend: true},
    marks: [
      Plot.ruleX([0], {stroke: "#333"}),
      Plot.ruleY(data, {y: "label", x1: 0, x2: "r", stroke: "t", strokeWidth: 2}),
      Plot.dot(data, {y: "label", x: "r", fill: "t", r: 5, tip: {format: {x: (d) => percent.format(d)}}})
    ]
  });
}
