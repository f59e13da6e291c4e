// Charts of the « Socle commun » page: completeness by dimension, change since the 2017–2018
// baseline, one indicator over the years per structure.
import * as Plot from "npm:@observablehq/plot";
import {html, svg} from "npm:htl";
import {DIMENSIONS, capitalise, formatValue, unitSuffix} from "./indicators.js";
import {slug, withChartData} from "./chart_data.js";
import {COMPLETENESS_COLORS, DIMENSION_COLORS, hatch, MUTED_TEXT_COLOR, structureColor, TREND_COLORS} from "./palette.js";
import {formatChange, formatPointsTick, formatRelativeTick, isShare} from "./value_format.js";
import {yearTicks} from "./ticks.js";
import {unitCaption} from "./unit_caption.js";

/** What the completeness chart distinguishes, in stacking order, with its French label. */
export const COMPLETENESS = [
  {key: "complete", label: "renseigné par toutes les structures"},
  {key: "partial", label: "renseigné par une partie des structures"},
  {key: "hidden", label: "masqué (< 5)"},
  {key: "missing", label: "manquant"}
];

/**
 * Indicators of each dimension by state: complete, partial, hidden, missing (hatched, never
 * drawn as a zero value).
 *
 * @param {{dimension: string, state: string, n: number}[]} rows
 */
export function completenessChart(rows, {width, title, subtitle} = {}) {
  const missing = hatch({color: "#999"});
  const hidden = hatch({color: "#555", background: "#ddd"});
  const fills = {complete: COMPLETENESS_COLORS.complete, partial: COMPLETENESS_COLORS.partial, hidden: hidden.url, missing: missing.url};
  const order = new Map(COMPLETENESS.map((c, i) => [c.key, i]));
  const data = rows.filter((d) => d.n > 0).sort((a, b) => order.get(a.state) - order.get(b.state));
  const plot = Plot.plot({
    title,
    subtitle,
    width,
    height: 240,
    marginLeft: 140,
    ariaLabel: title,
    ariaDescription: DIMENSIONS.map((dim) => `${dim} : ${COMPLETENESS.map((c) => `${data.find((d) => d.dimension === dim && d.state === c.key)?.n ?? 0} ${c.label}`).join(", ")}`).join(" ; "),
    x: {label: "Indicateurs du socle commun →", grid: true},
    y: {domain: DIMENSIONS, label: null, tickFormat: capitalise},
    color: {type: "identity"},
    marks: [
      () => svg`<g>${missing.defs}${hidden.defs}</g>`,
      Plot.barX(data, Plot.stackX({y: "dimension", x: "n", fill: (d) => fills[d.state], stroke: "white", title: (d) => `${capitalise(d.dimension)} : ${d.n} indicateur(s) ${COMPLETENESS.find((c) => c.key === d.state).label}`})),
      Plot.ruleX([0])
    ]
  });
  const legend = html`<div class="legend">${COMPLETENESS.map((c) => html`<span><svg width="14" height="12" aria-hidden="true"><rect width="14" height="12" fill=${c.key === "missing" ? missing.url : c.key === "hidden" ? "#bbb" : fills[c.key]}></rect></svg> ${c.label}</span>`)}</div>`;
  return html`<div>${legend}${plot}</div>`;
}

/**
 * Change since the 2017–2018 baseline per indicator, coloured by reading (TREND_COLORS, never a
 * structure colour), in two panels with their own axis: the relative change (%) of counts, euros
 * and ratios, and the change of shares in points (a difference of shares is never a relative %).
 * Indicators without a comparison are listed as such in their panel.
 *
 * @param {{label: string, unit: string, change: number|null, relative: number|null, trend: string|null, note?: string}[]} rows
 */
export function baselineChart(rows, {width, title, subtitle} = {}) {
  const trends = Object.keys(TREND_COLORS);
  const shares = rows.filter((d) => isShare(d.unit)).map((d) => ({...d, v: d.change}));
  const others = rows.filter((d) => !isShare(d.unit)).map((d) => ({...d, v: d.relative}));
  const text = (d) => formatChange({d: d.change, r: d.relative, t: d.trend}, d.unit, {withTrend: false});
  const panel = (list, {heading, label, limit, tick, legend}) => {
    const shown = list.filter((d) => d.v != null);
    const clip = (v) => Math.max(-limit, Math.min(limit, v));
    return html`<div class="baseline-panel">${Plot.plot({
      title: heading,
      width,
      height: Math.max(90, 28 * list.length + 50),
      marginLeft: Math.min(320, width / 2.6),
      ariaLabel: heading,
      ariaDescription: list.map((d) => `${d.label} : ${d.v == null ? d.note ?? "pas de comparaison" : `${text(d)} (${d.trend})`}`).join(" ; "),
      x: {label, tickFormat: tick, grid: true, domain: [-limit, limit]},
      y: {domain: list.map((d) => d.label), label: null},
      color: {domain: trends, range: trends.map((t) => TREND_COLORS[t]), legend},
      marks: [
        Plot.barX(shown, {y: "label", x: (d) => clip(d.v), fill: "trend", title: (d) => `${d.label} : ${text(d)} (${d.trend})`}),
        Plot.text(shown, {y: "label", x: (d) => clip(d.v), text, dx: 4, textAnchor: "start", fill: "#333", filter: (d) => d.v >= 0}),
        Plot.text(shown, {y: "label", x: (d) => clip(d.v), text, dx: -4, textAnchor: "end", fill: "#333", filter: (d) => d.v < 0}),
        Plot.text(list.filter((d) => d.v == null), {y: "label", x: 0, text: (d) => d.note ?? "pas de référence", textAnchor: "start", dx: 4, fill: MUTED_TEXT_COLOR, fontStyle: "italic"}),
        Plot.ruleX([0])
      ]
    })}</div>`;
  };
  return html`<div class="baseline-chart">${title ? html`<h2>${title}</h2>` : ""}${subtitle ? html`<h3>${subtitle}</h3>` : ""}
    ${others.length ? panel(others, {heading: "Effectifs, heures, montants et scores : écart relatif, en %", label: "Écart à la moyenne 2017–2018, en % →", limit: 1.5, tick: formatRelativeTick, legend: true}) : ""}
    ${shares.length ? panel(shares, {heading: "Parts : écart en points de pourcentage", label: "Écart à la moyenne 2017–2018, en points →", limit: Math.max(0.1, ...shares.map((d) => Math.abs(d.v ?? 0))) * 1.15, tick: formatPointsTick, legend: !others.length}) : ""}
  </div>`;
}

/**
 * One indicator over the years for several scopes, one colour per structure; hidden or missing
 * years leave a gap and a hatched marker, never a zero.
 *
 * @param {{scope: string, name: string, year: number, value: number|null, hidden: boolean}[]} rows
 */
export function indicatorYearsChart(rows, {width, title, subtitle, unit = "", scopes, baseline} = {}) {
  const hidden = hatch({color: "#555", background: "#eee"});
  const chart = Plot.plot({
    title,
    subtitle,
    width,
    height: 300,
    marginLeft: 70,
    ariaLabel: title,
    ariaDescription: rows.map((d) => `${d.name} ${d.year} : ${d.hidden ? "masqué" : d.value == null ? "manquant" : formatValue(d.value, unit)}`).join(" ; "),
    x: {label: null, tickFormat: (d) => String(d), type: "point", ticks: yearTicks(rows.map((d) => d.year), width)},
    y: {grid: true, label: unitCaption(unit), tickFormat: (v) => formatValue(v, unit), zero: !unit.startsWith("niveau")},
    color: {domain: scopes.map((s) => s.name), range: scopes.map((s) => structureColor(s.id)), legend: false},
    // One point shape per structure as well as one colour (never colour alone, issue 19).
    symbol: {domain: scopes.map((s) => s.name), legend: true},
    marks: [
      () => hidden.defs,
      baseline != null ? Plot.ruleY([baseline], {stroke: "#333", strokeDasharray: "4,3"}) : null,
      baseline != null ? Plot.text([baseline], {y: (d) => d, frameAnchor: "left", text: () => "référence (moyenne 2017–2018)", dy: -6, fill: "#333"}) : null,
      Plot.lineY(rows, {x: "year", y: (d) => (d.hidden ? NaN : d.value), stroke: "name", z: "name", strokeWidth: 2}),
      Plot.dot(rows.filter((d) => !d.hidden && d.value != null), {x: "year", y: "value", fill: "name", symbol: "name", r: 4, title: (d) => `${d.name}, ${d.year} : ${formatValue(d.value, unit)}${unitSuffix(unit)}`}),
      Plot.dot(rows.filter((d) => d.hidden), {x: "year", frameAnchor: "bottom", dy: -6, r: 6, fill: hidden.url, stroke: "name", symbol: "square", title: (d) => `${d.name}, ${d.year} : masqué (< 5)`})
    ]
  });
  const column = unit ? `Valeur (${unit})` : "Valeur";
  const figures = rows.map((d) => ({Structure: d.name, "Année": d.year, [column]: d.hidden ? "< 5" : d.value ?? "manquant"}));
  if (baseline != null) figures.push({Structure: "Référence 2017–2018", "Année": "2017–2018", [column]: baseline});
  return withChartData(chart, figures, {name: slug(title ?? "indicateur")});
}

/** A coloured square and the dimension's name, for tables and headings. */
export function dimensionBadge(dimension) {
  return html`<span class="badge"><i style="background:${DIMENSION_COLORS[dimension]}"></i>${capitalise(dimension)}</span>`;
}
