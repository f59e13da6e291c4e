// SROI charts: each takes (data, {options}) and returns a Plot figure with French axes and an
// aria description (the text alternative); the tables beside them give the same figures.
import * as Plot from "npm:@observablehq/plot";
import {frLocale} from "./format.js";
import {formatDecimal, formatEuros, formatRatio} from "./numbers.js";
import {COOPERATION_COLOR, HIGH_COLOR, LOW_COLOR} from "./palette.js";

const euroTick = frLocale.format(",.0f");

/** Decimals a number is written with (shortest writing), at most 10 (beyond: binary noise). */
function writtenDecimals(value) {
  const [mantissa, exponent] = Math.abs(value).toString().split("e");
  return Math.min(10, Math.max(0, (mantissa.split(".")[1]?.length ?? 0) - Number(exponent ?? 0)));
}

/**
 * A proxy in euros with the precision the map was written with: 0,03672 € stays « 0,03672 € »
 * (not 0,04 €), 450 € stays « 450 € », and a value with cents shows at least two decimals
 * (« 337,50 € »). `source` is the line's proxy, for the values derived from it (± 25 %, seuil).
 */
export function formatProxy(value, source = value) {
  if (value == null || !Number.isFinite(value)) return "—";
  const written = Math.max(writtenDecimals(source), writtenDecimals(value));
  const digits = written === 0 ? 0 : Math.max(2, written);
  return `${formatDecimal(value, digits)}\u00a0€`;
}

/** French label of each tested assumption. */
export const PARAMETER_LABELS = {
  proxy: "proxy financier",
  quantity: "quantité",
  duration_years: "durée",
  deadweight: "aubaine",
  displacement: "déplacement",
  attribution: "attribution",
  drop_off: "décroissance",
  discount_rate: "taux d'actualisation"
};

/**
 * Value created each year (undiscounted, all outcomes together) and its present value.
 * @param {number[]} yearTotals undiscounted value of years 1..horizon
 * @param {{discountRate: number, width?: number, title?: string, subtitle?: string}} options
 */
export function yearValuesChart(yearTotals, {discountRate, width, title, subtitle} = {}) {
  const data = yearTotals.map((value, i) => ({year: i + 1, value, present: value / (1 + discountRate) ** (i + 1)}));
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 280,
    marginLeft: 70,
    ariaLabel: title,
    ariaDescription: data.map((d) => `Année ${d.year} : ${formatEuros(d.value)} (valeur actuelle ${formatEuros(d.present)})`).join(" ; "),
    x: {label: "Année après l'action", tickFormat: (d) => `année ${d}`, padding: 0.3},
    y: {grid: true, label: "Valeur sociale (€)", tickFormat: euroTick},
    marks: [
      Plot.barY(data, {x: "year", y: "value", fill: COOPERATION_COLOR, fillOpacity: 0.25, title: (d) => `Valeur de l'année : ${formatEuros(d.value)}`}),
      Plot.barY(data, {x: "year", y: "present", fill: COOPERATION_COLOR, inset: 8, title: (d) => `Valeur actuelle : ${formatEuros(d.present)}`}),
      Plot.text(data, {x: "year", y: "value", text: (d) => formatEuros(d.value), dy: -8, lineAnchor: "bottom"}),
      Plot.ruleY([0])
    ]
  });
}

/** A short label for one sensitivity entry: « Parents… – proxy financier ». */
export function sensitivityLabel(entry, maxLength = 38) {
  if (entry.parameter === "discount_rate") return "Taux d'actualisation (toute la carte)";
  const who = entry.stakeholder ?? entry.outcome ?? `ligne ${entry.row}`;
  const short = who.length > maxLength ? `${who.slice(0, maxLength - 1)}…` : who;
  return `${short} – ${PARAMETER_LABELS[entry.parameter] ?? entry.parameter}`;
}

/**
 * Tornado chart: the ratio when each assumption is set to its low and high test value, the
 * widest swings first; the base ratio and the 1 : 1 line are drawn.
 * @param {Array} sensitivity entries of the report (low/high ratio)
 * @param {{ratio: number, top?: number, width?: number, title?: string, subtitle?: string}} options
 */
export function tornadoChart(sensitivity, {ratio, top = 12, width, title, subtitle} = {}) {
  const rows = sensitivity
    .filter((e) => e.low.ratio != null && e.high.ratio != null)
    .map((e) => ({...e, label: sensitivityLabel(e, 90), swing: Math.abs(e.high.ratio - e.low.ratio)}))
    .filter((e) => e.swing > 1e-9)
    .sort((a, b) => b.swing - a.swing)
    .slice(0, top);
  const bars = rows.flatMap((e) => [
    {label: e.label, from: ratio, to: e.low.ratio, side: "valeur basse", value: e.low.value, parameter: e.parameter},
    {label: e.label, from: ratio, to: e.high.ratio, side: "valeur haute", value: e.high.value, parameter: e.parameter}
  ]);
  const xs = bars.map((b) => b.to).concat([ratio, 1]);
  // Long labels wrap over up to three lines in the left margin (lineWidth is in ems of 10 px).
  const marginLeft = Math.min(360, (width ?? 640) * 0.42);
  const domain = [Math.min(...xs) * 0.97, Math.max(...xs) * 1.03];
  // Two decimals, and few enough ticks that no two of them print the same label.
  const ticks = Math.max(2, Math.min(Math.floor(((width ?? 640) - marginLeft) / 90), Math.floor((domain[1] - domain[0]) / 0.01)));
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 60 + rows.length * 40,
    marginLeft,
    ariaLabel: title,
    ariaDescription: rows.map((e) => `${e.label} : ratio de ${formatRatio(e.low.ratio)} à ${formatRatio(e.high.ratio)}`).join(" ; "),
    x: {grid: true, label: "Ratio SROI (€ de valeur par € investi)", ticks, tickFormat: (d) => formatDecimal(d, 2), domain},
    y: {label: null, domain: rows.map((e) => e.label)},
    color: {domain: ["valeur basse", "valeur haute"], range: [LOW_COLOR, HIGH_COLOR], legend: true},
    marks: [
      Plot.axisY({label: null, lineWidth: Math.max(8, (marginLeft - 14) / 10), tickSize: 0}),
      Plot.barX(bars, {y: "label", x1: "from", x2: "to", fill: "side", title: (b) => `${b.label}\n${b.side} : ratio ${formatRatio(b.to)}`}),
      Plot.ruleX([ratio], {stroke: COOPERATION_COLOR, strokeWidth: 2}),
      Plot.ruleX([1], {stroke: "#666", strokeDasharray: "4,3"}),
      Plot.text([1], {x: (d) => d, frameAnchor: "top", text: () => "1 : 1", dy: -2, dx: 4, textAnchor: "start", fill: "#666"})
    ]
  });
}

/**
 * Monte Carlo distribution of the ratio: histogram of the draws with p5, p50 and p95 marked.
 * @param {{x0: number, x1: number, count: number}[]} histogram
 * @param {{p5: number, p50: number, p95: number, ratio?: number, width?: number, title?: string, subtitle?: string}} options
 */
export function monteCarloChart(histogram, {p5, p50, p95, iterations, width, title, subtitle} = {}) {
  const marks = [
    {x: p5, label: `p5 ${formatDecimal(p5, 2)}`},
    {x: p50, label: `médiane ${formatDecimal(p50, 2)}`},
    {x: p95, label: `p95 ${formatDecimal(p95, 2)}`}
  ];
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 300,
    marginLeft: 60,
    marginTop: 36,
    ariaLabel: title,
    ariaDescription: `Sur ${iterations} tirages, le ratio est compris entre ${formatRatio(p5)} et ${formatRatio(p95)} dans 90 % des cas ; médiane ${formatRatio(p50)}.`,
    x: {label: "Ratio SROI", tickFormat: (d) => formatDecimal(d, 2)},
    y: {grid: true, label: "Tirages", tickFormat: frLocale.format(",d")},
    marks: [
      Plot.rectY(histogram, {x1: "x0", x2: "x1", y: "count", fill: COOPERATION_COLOR, fillOpacity: 0.55, insetLeft: 0.5, insetRight: 0.5}),
      Plot.ruleX([marks[0], marks[2]], {x: "x", stroke: HIGH_COLOR, strokeWidth: 2, strokeDasharray: "4,3"}),
      Plot.ruleX([marks[1]], {x: "x", stroke: HIGH_COLOR, strokeWidth: 2}),
      Plot.text([marks[0]], {x: "x", frameAnchor: "top", text: "label", dy: -6, dx: -4, fill: HIGH_COLOR, textAnchor: "end"}),
      Plot.text([marks[1]], {x: "x", frameAnchor: "top", text: "label", dy: -20, fill: HIGH_COLOR, textAnchor: "middle"}),
      Plot.text([marks[2]], {x: "x", frameAnchor: "top", text: "label", dy: -6, dx: 4, fill: HIGH_COLOR, textAnchor: "start"}),
      Plot.ruleY([0])
    ]
  });
}
