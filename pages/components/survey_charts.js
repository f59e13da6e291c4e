// Survey charts: each takes (data, {options}) and returns a Plot figure with French axes and a
// text alternative. Counts arrive as published text (« < 5 »); means resting on 1 to 4 people
// arrive as null and are drawn as a hatched gap, never as zero.
import * as Plot from "npm:@observablehq/plot";
import {formatDecimal, formatPercent, formatSigned} from "./numbers.js";
import {AFTER_COLOR, BEFORE_COLOR, HATCH_FILL, hatchPattern} from "./palette.js";

/** French labels of the socle commun dimensions. */
export const DIMENSION_LABELS = {
  cohesion_sociale: "Cohésion sociale",
  epanouissement: "Épanouissement",
  gouvernance: "Gouvernance et pouvoir d'agir",
  environnement: "Environnement",
  richesses_produites: "Richesses produites"
};

export const dimensionLabel = (d) => DIMENSION_LABELS[d] ?? d;

/**
 * Before / after means of each dimension (all respondents of each wave), as a dumbbell.
 * @param {Array} results rows of mart_survey_results for one form and scope
 */
export function beforeAfterChart(results, {width, title, subtitle, domain} = {}) {
  const rows = results.map((r) => ({...r, label: dimensionLabel(r.dimension)}));
  const points = rows.flatMap((r) => [
    {label: r.label, wave: "avant", mean: r.mean_before, n: r.wave_before_n},
    {label: r.label, wave: "après", mean: r.mean_after, n: r.wave_after_n}
  ]);
  const hidden = points.filter((p) => p.mean == null);
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 70 + rows.length * 44,
    marginLeft: 200,
    ariaLabel: title,
    ariaDescription: rows.map((r) => `${r.label} : ${r.mean_before == null ? "masqué" : formatDecimal(r.mean_before, 2)} avant, ${r.mean_after == null ? "masqué" : formatDecimal(r.mean_after, 2)} après`).join(" ; "),
    x: {grid: true, label: "Score moyen (échelle du questionnaire)", domain, tickFormat: (d) => formatDecimal(d, 1)},
    y: {label: null, domain: rows.map((r) => r.label)},
    color: {domain: ["avant", "après"], range: [BEFORE_COLOR, AFTER_COLOR], legend: true},
    marks: [
      hatchPattern(),
      Plot.link(rows.filter((r) => r.mean_before != null && r.mean_after != null), {y1: "label", y2: "label", x1: "mean_before", x2: "mean_after", stroke: "#999", markerEnd: "arrow"}),
      Plot.dot(points.filter((p) => p.mean != null), {y: "label", x: "mean", fill: "wave", r: 6, title: (p) => `${p.label}, ${p.wave} : ${formatDecimal(p.mean, 2)} (${p.n} réponses)`}),
      Plot.text(hidden, {y: "label", frameAnchor: "left", text: (p) => `${p.wave} : < 5 réponses (masqué)`, dx: 4, fill: "#666"})
    ]
  });
}

/**
 * Mean individual change (after − before) of the people present at both waves, with its 95 %
 * bootstrap interval as an error bar; no bar under 10 pairs (descriptive only).
 */
export function changeChart(results, {width, title, subtitle} = {}) {
  const rows = results.map((r) => ({...r, label: dimensionLabel(r.dimension)}));
  const xs = rows.flatMap((r) => [r.ci_low, r.ci_high, r.mean_change]).filter((v) => v != null).concat([0]);
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 70 + rows.length * 44,
    marginLeft: 200,
    ariaLabel: title,
    ariaDescription: rows.map((r) => `${r.label} : évolution ${r.mean_change == null ? "masquée" : formatSigned(r.mean_change)}${r.ci_low != null ? `, intervalle à 95 % de ${formatSigned(r.ci_low)} à ${formatSigned(r.ci_high)}` : ", sans intervalle (moins de 10 personnes)"}`).join(" ; "),
    x: {grid: true, label: "Évolution moyenne (points de score)", domain: [Math.min(...xs) - 0.1, Math.max(...xs) + 0.1], tickFormat: (d) => formatSigned(d, 1)},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      hatchPattern(),
      Plot.ruleX([0], {stroke: "#666"}),
      Plot.ruleY(rows.filter((r) => r.ci_low != null), {y: "label", x1: "ci_low", x2: "ci_high", stroke: AFTER_COLOR, strokeWidth: 3}),
      Plot.tickX(rows.filter((r) => r.ci_low != null).flatMap((r) => [{label: r.label, x: r.ci_low}, {label: r.label, x: r.ci_high}]), {y: "label", x: "x", stroke: AFTER_COLOR, strokeWidth: 2, inset: 12}),
      Plot.dot(rows.filter((r) => r.mean_change != null), {y: "label", x: "mean_change", fill: AFTER_COLOR, r: 6, title: (r) => `${r.label} : ${formatSigned(r.mean_change)} (${r.paired_n} personnes)`}),
      Plot.barX(rows.filter((r) => r.mean_change == null), {y: "label", x1: 0, x2: Math.max(...xs), fill: HATCH_FILL, inset: 10}),
      Plot.text(rows.filter((r) => r.mean_change == null), {y: "label", x: 0, text: () => "moins de 5 personnes : masqué", dx: 4, textAnchor: "start", fill: "#444"})
    ]
  });
}

/** Response rates per scope and wave; a rate that cannot be published is a hatched gap. */
export function responseRateChart(rates, {names, width, title, subtitle} = {}) {
  const rows = rates.map((r) => ({...r, name: names?.get(r.scope) ?? r.scope, waveLabel: r.wave === "apres" ? "après" : r.wave ?? "—"}));
  const max = Math.max(0.05, ...rows.map((r) => r.rate ?? 0));
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 60 + new Set(rows.map((r) => r.name)).size * 56,
    marginLeft: 230,
    ariaLabel: title,
    ariaDescription: rows.map((r) => `${r.name}, vague ${r.waveLabel} : ${r.rate == null ? "taux non publié" : formatPercent(r.rate)} (${r.responses} réponses)`).join(" ; "),
    x: {grid: true, label: "Taux de réponse", tickFormat: (d) => formatPercent(d), domain: [0, max * 1.15]},
    y: {label: null},
    fy: {label: null},
    color: {domain: ["avant", "après"], range: [BEFORE_COLOR, AFTER_COLOR], legend: true},
    marks: [
      hatchPattern(),
      Plot.barX(rows.filter((r) => r.rate != null), {y: "name", x: "rate", fill: "waveLabel", fy: "waveLabel", title: (r) => `${r.name}, ${r.waveLabel} : ${formatPercent(r.rate)} — ${r.responses} réponses sur ${r.reached}`}),
      Plot.barX(rows.filter((r) => r.rate == null), {y: "name", x1: 0, x2: max, fy: "waveLabel", fill: HATCH_FILL}),
      Plot.text(rows.filter((r) => r.rate != null), {y: "name", x: "rate", fy: "waveLabel", text: (r) => formatPercent(r.rate), dx: 4, textAnchor: "start"}),
      Plot.text(rows.filter((r) => r.rate == null), {y: "name", x: 0, fy: "waveLabel", text: () => "non publié (effectif trop faible ou cible inconnue)", dx: 4, textAnchor: "start", fill: "#444"}),
      Plot.ruleX([0])
    ]
  });
}
