// The value-chain story (ressources → activités → réalisations → effets → impacts) of one scope,
// from the published indicator marts: value tables, findings in plain French, trend charts.
// Each component takes (data, {options}); suppressed values read « < 5 », never 0.
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {frLocale} from "./format.js";
import {slug, withChartData} from "./chart_data.js";
import {colorScale, COOPERATION_COLOR, hatchMark, MUTED_TEXT_COLOR, SUPPRESSED_COLOR, TREND_COLORS} from "./palette.js";
import {baselineLabel, formatChange, formatPointsTick, formatRelativeTick, formatStoryValue, formatValue, indicatorValue, isShare, maskedLabel} from "./value_format.js";
import {charsIn, labelMargin, wrapLabel, yearTicks} from "./ticks.js";
import {labelWithUnit} from "./unit_caption.js";

// The value formatter is shared with every indicator page (value_format.js).
export {formatChange, formatStoryValue, formatValue, isShare};

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

/** "4 sur 4", "1 sur 1" (one structure) or "partiel : 1 sur 4" (some structures did not send the data). */
export function formatCompleteness(row) {
  if (!row) return "—";
  // One structure: « 1 sur 1 », the same reading as a level's « 4 sur 4 ».
  if (row.n <= 1) return row.c ? "1 sur 1" : "partiel";
  return row.c ? `${row.w} sur ${row.n}` : `partiel : ${row.w} sur ${row.n}`;
}

/**
 * A sentence stating the finding for one indicator and year, e.g. « Habitants touchés : 1 852
 * personnes en 2025, +16,7 % par rapport à la moyenne 2017–2018 ».
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
  const reference = baselineLabel(change.years);
  return delta ? `${base}, ${delta} par rapport ${reference.startsWith("moyenne") ? `à la ${reference}` : `à ${reference}`}` : base;
}

/**
 * Why a stage-table row has no change since 2017–2018: the value is masked, the reference
 * years are masked, or there was no value in 2017–2018 (a change never vanishes unexplained).
 */
function missingBaselineReason(story, id, row) {
  if (row?.s) return "évolution masquée";
  const reference = story.values.filter((d) => d.i === id && d.y >= 2017 && d.y <= 2018);
  if (reference.some((d) => d.s)) return "référence masquée";
  if (reference.length === 0) return "pas de valeur en 2017–2018";
  return "—";
}

/**
 * The table of one value-chain stage for a year: indicator, value, change since 2017–2018,
 * completeness of the sources. Rows carry `data-indicator` (for tests and links).
 *
 * @param {object} story the published story
 * @param {{stage: string, year: number, threshold?: number, methodHref?: string}} options
 */
export function stageTable(story, {stage, year, threshold = 5, methodHref, scopeName} = {}) {
  const index = storyIndex(story);
  const rows = story.indicators.filter((x) => x.stage === stage).map((x) => ({x, row: index.value(x.id, year), change: index.change(x.id, year)}))
    .filter((d) => d.row);
  if (rows.length === 0) return html`<p class="muted">Aucun indicateur de cette étape n'a de valeur en ${year}${scopeName ? ` pour ${scopeName}` : ""} : les exports nécessaires n'ont pas été reçus.</p>`;
  // With `scopeName`, the caption is visible: a filtered page says whose values the table shows.
  return html`<table class="story-table" data-scope=${scopeName ?? ""}>
    ${scopeName
      ? html`<caption class="story-scope" style="caption-side: top; text-align: left; font-size: 0.85rem; color: var(--theme-foreground-muted); padding-bottom: 0.25rem;">Indicateurs de l'étape « ${stage} » en ${year} : ${scopeName}</caption>`
      : html`<caption class="sr-only">Indicateurs de l'étape « ${stage} » en ${year}</caption>`}
    <thead><tr><th scope="col">Indicateur</th><th scope="col" class="num">${year}</th><th scope="col" class="num">Depuis la moyenne 2017–2018</th><th scope="col">Structures ayant envoyé les données</th></tr></thead>
    <tbody>${rows.map(({x, row, change}) => html`<tr data-indicator=${x.id}>
      <th scope="row" title=${x.definition}>${methodHref ? html`<a href=${`${methodHref}#${x.id}`}>${x.label}</a>` : x.label}</th>
      <td class="num value">${story.scope ? indicatorValue({indicator: x.id, scope: story.scope, year, unit: x.unit, value: row.v, masked: row.s, threshold}) : formatStoryValue(row, x.unit, threshold)}</td>
      <td class="num">${formatChange(change, x.unit, {missing: missingBaselineReason(story, x.id, row)})}</td>
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
  }).join(" ; ") + (baseline ? `. Référence (${baselineLabel(baseline.years)}) : ${formatValue(baseline.b, x.unit)}.` : ".");
  const chart = Plot.plot({
    title,
    subtitle,
    width,
    height: 240,
    marginLeft: 64,
    // The baseline's label sits in the right margin, never over a bar.
    marginRight: baseline ? 62 : 20,
    ariaLabel: title ?? x?.label,
    ariaDescription: description,
    x: {type: "band", domain: domainYears, label: null, tickFormat: (d) => String(d), ticks: yearTicks(domainYears, width)},
    y: {grid: true, label: x ? labelWithUnit(x.label, x.unit) : null, tickFormat: fmt, domain: [0, max * 1.1]},
    marks: [
      hatch.defs,
      Plot.barY(shown, {x: "y", y: "v", fill: color, tip: {format: {y: (d) => formatValue(d, x?.unit), x: (d) => String(d)}}}),
      Plot.barY(hidden, {x: "y", y1: 0, y2: max * 0.25, fill: hatch.fill, stroke: SUPPRESSED_COLOR}),
      Plot.text(hidden, {x: "y", y: max * 0.25, text: () => maskedLabel(x?.unit, threshold), dy: -8, fill: "#555"}),
      Plot.text(missing, {x: (d) => d, y: 0, text: () => "n.d.", dy: -8, fill: MUTED_TEXT_COLOR, fontSize: 9}),
      baseline ? Plot.ruleY([baseline.b], {stroke: "#555", strokeDasharray: "4 3"}) : null,
      baseline ? Plot.text([baseline.b], {y: (d) => d, frameAnchor: "right", text: () => baselineLabel(baseline.years).startsWith("moyenne") ? `réf. moy.\n${baselineLabel(baseline.years).replace("moyenne ", "")}` : `réf.\n${baselineLabel(baseline.years)}`, dx: 4, fill: "#555", fontSize: 10, textAnchor: "start", lineAnchor: "middle", clip: false}) : null,
      Plot.ruleY([0])
    ]
  });
  const column = x ? `${x.label} (${x.unit})` : indicator;
  const rows = domainYears.map((y) => {
    const row = series.find((d) => d.y === y);
    return {"Année": y, [column]: !row ? "pas de donnée" : row.s ? `< ${threshold}` : row.v};
  });
  if (baseline) rows.push({"Année": "Référence 2017–2018", [column]: baseline.b});
  return withChartData(chart, rows, {name: slug(x?.label ?? indicator)});
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
    .map((d) => `${d.y} ${formatStoryValue(d, indicator.unit, threshold)}`).join(", ")).join(" ; ");
  const chart = Plot.plot({
    title,
    subtitle,
    width,
    height: 260,
    marginLeft: 64,
    ariaLabel: title ?? indicator.label,
    ariaDescription: `${indicator.label} par structure et par année. ${description}`,
    x: {label: null, tickFormat: (d) => String(d), ticks: yearTicks(data.map((d) => d.y), width)},
    y: {grid: true, label: labelWithUnit(indicator.label, indicator.unit), tickFormat: fmt, zero: true},
    color: colorScale(structures, {legend: false}),
    // One marker shape per structure as well as one colour (never colour alone, issue 19).
    symbol: {domain: structures.map((s) => s.name), legend: true},
    marks: [
      Plot.lineY(data, {x: "y", y: (d) => (d.s ? NaN : d.v), stroke: "structure", strokeWidth: 2,
        tip: {format: {y: (d) => formatValue(d, indicator.unit), x: (d) => String(d)}}}),
      Plot.dot(data, {x: "y", y: (d) => (d.s ? NaN : d.v), stroke: "structure", symbol: "structure", r: 3.5, strokeWidth: 1.5}),
      Plot.text(data.filter((d) => d.s), {x: "y", frameAnchor: "top", text: () => maskedLabel(indicator.unit, threshold), fill: "structure"}),
      Plot.ruleY([0])
    ]
  });
  const column = `${indicator.label} (${indicator.unit})`;
  const figures = data.map((d) => ({Structure: d.structure, "Année": d.y, [column]: d.s ? `< ${threshold}` : d.v}));
  return withChartData(chart, figures, {name: `${slug(indicator.label)}-par-structure`});
}

/**
 * The change since 2017–2018 of several indicators, as diverging dot plots read in each
 * indicator's direction (TREND_COLORS: never a structure colour). Two panels, each with its own
 * axis: relative changes (%) of counts, euros and ratios, then changes of shares in points — a
 * difference of shares is never drawn on a % axis.
 *
 * @param {object} story the published story
 * @param {{year: number, indicators: string[], width?: number, title?: string, subtitle?: string}} options
 */
export function baselineChart(story, {year, indicators, width, title, subtitle} = {}) {
  const index = storyIndex(story);
  const rows = indicators.map((id) => ({x: index.indicator(id), c: index.change(id, year)})).filter((d) => d.x && d.c);
  const relative = rows.filter((d) => !isShare(d.x.unit) && d.c.r != null).map((d) => ({label: d.x.label, v: d.c.r, t: d.c.t, unit: d.x.unit, c: d.c}));
  const points = rows.filter((d) => isShare(d.x.unit) && d.c.d != null).map((d) => ({label: d.x.label, v: d.c.d, t: d.c.t, unit: d.x.unit, c: d.c}));
  const describe = (list) => list.map((d) => `${d.label} : ${formatChange(d.c, d.unit)}`).join(" ; ");
  const trends = Object.keys(TREND_COLORS);
  // Each panel is a figure titled by its heading (a chart always has a visible title).
  // Labels get the margin they need, up to half the chart, wrapped on two lines beyond (a fixed
  // 260 px margin left the dots no room on a phone).
  const panel = (list, {label, tick, legend, heading}) => {
    const marginLeft = labelMargin(list.map((d) => d.label), width, {share: 0.5});
    const chars = charsIn(marginLeft - 8);
    const wrapped = list.some((d) => d.label.length > chars);
    return html`<div class="baseline-panel">${Plot.plot({
    title: heading,
    width,
    height: 50 + (wrapped ? 30 : 24) * Math.max(list.length, 1),
    marginLeft,
    ariaLabel: heading,
    ariaDescription: `${heading}, en ${year}. ${describe(list)}`,
    x: {grid: true, label, tickFormat: tick, nice: true, domain: symmetric(list.map((d) => d.v))},
    y: {label: null, domain: list.map((d) => d.label), tickFormat: (l) => wrapLabel(l, chars)},
    color: {domain: trends, range: trends.map((t) => TREND_COLORS[t]), legend},
    marks: [
      Plot.ruleX([0], {stroke: "#333"}),
      Plot.ruleY(list, {y: "label", x1: 0, x2: "v", stroke: "t", strokeWidth: 2}),
      Plot.dot(list, {y: "label", x: "v", fill: "t", stroke: "#333", strokeWidth: 0.5, r: 5, title: (d) => `${d.label} : ${formatChange(d.c, d.unit)}`})
    ]
  })}</div>`;
  };
  return html`<div class="baseline-chart">${title ? html`<h2>${title}</h2>` : ""}${subtitle ? html`<h3>${subtitle}</h3>` : ""}
    ${relative.length ? panel(relative, {heading: "Effectifs, heures et montants : écart relatif, en %", label: `Évolution depuis la moyenne 2017–2018 (en ${year}), en %`, tick: formatRelativeTick, legend: true}) : ""}
    ${points.length ? panel(points, {heading: "Parts : écart en points de pourcentage", label: `Évolution depuis la moyenne 2017–2018 (en ${year}), en points`, tick: formatPointsTick, legend: !relative.length}) : ""}
  </div>`;
}

/** A domain symmetric around zero that holds every value (a diverging axis). */
function symmetric(values) {
  const max = Math.max(1e-9, ...values.map(Math.abs));
  return [-max * 1.1, max * 1.1];
}
