// Chart components: each takes (data, {options}) and returns a Plot figure with French axes.
import * as Plot from "npm:@observablehq/plot";
import {formatMonth, frLocale, frTime} from "./format.js";
import {colorScale, hatchMark, STRUCTURE_COLORS} from "./palette.js";
import {yearTicks} from "./ticks.js";
import {slug, withChartData} from "./chart_data.js";

// The palette lives in palette.js; re-exported for the pages that import it from here.
export {colorScale, STRUCTURE_COLORS};

const count = frLocale.format(",d");

/** What the monthly chart can show, with its French axis label and unit. */
export const MONTHLY_MEASURES = {
  visits: {label: "Passages", unit: "passages"},
  participants: {label: "Participants différents", unit: "participants"},
  person_hours: {label: "Heures de présence", unit: "heures"}
};

/** One measure per month, one line per structure. Hidden months leave a gap, never a zero. */
export function monthlyChart(months, {structures, measure = "visits", width, title, subtitle} = {}) {
  const names = new Map(structures.map((s) => [s.id, s.name]));
  const {label, unit} = MONTHLY_MEASURES[measure];
  const data = months.map((d) => ({...d, date: new Date(`${d.month}-01T00:00:00Z`), structure: names.get(d.scope)}));
  const chart = Plot.plot({
    title,
    subtitle,
    width,
    height: 320,
    marginLeft: 60,
    marginRight: 30,
    ariaLabel: title,
    ariaDescription: `${label} par mois et par structure. Le tableau « Chiffres par structure » donne les totaux annuels.`,
    x: {type: "utc", label: null, tickFormat: (d) => frTime.utcFormat("%b %Y")(d)},
    y: {grid: true, label: `${label} par mois`, tickFormat: count},
    color: colorScale(structures, {legend: false}),
    // One marker shape per structure as well as one colour (never colour alone, issue 19).
    symbol: {domain: structures.map((s) => s.name), legend: true},
    marks: [
      Plot.lineY(data, {x: "date", y: measure, stroke: "structure", strokeWidth: 2}),
      Plot.dot(data, {x: "date", y: measure, stroke: "structure", symbol: "structure", r: 3.5, strokeWidth: 1.5}),
      Plot.ruleY([0]),
      Plot.tip(data, Plot.pointerX({
        x: "date",
        y: measure,
        stroke: "structure",
        title: (d) => `${d.structure}\n${formatMonth(d.month)} : ${d[measure] == null ? "masqué (règle de confidentialité)" : `${count(d[measure])} ${unit}`}`
      }))
    ]
  });
  const rows = data.map((d) => ({Mois: formatMonth(d.month), Structure: d.structure, [label]: d[measure] ?? "< 5"}));
  return withChartData(chart, rows, {name: `${slug(label)}-par-mois`});
}

/** Participants per year and structure, grouped bars. */
export function yearlyParticipantsChart(years, {structures, width, title, subtitle} = {}) {
  const names = new Map(structures.map((s) => [s.id, s.name]));
  const data = years.filter((d) => d.scope !== "cooperation" && d.participants != null)
    .map((d) => ({...d, structure: names.get(d.scope)}));
  const chart = Plot.plot({
    title,
    subtitle,
    width,
    height: 320,
    marginLeft: 60,
    ariaLabel: title,
    ariaDescription: "Participants différents par année, une barre empilée par structure.",
    x: {label: null, tickFormat: (d) => String(d), ticks: yearTicks(data.map((d) => d.year), width)},
    y: {grid: true, label: "Participants", tickFormat: count},
    fx: {label: null},
    color: colorScale(structures),
    marks: [
      Plot.barY(data, {x: "year", y: "participants", fill: "structure", tip: {format: {y: count, x: (d) => String(d)}}}),
      Plot.ruleY([0])
    ]
  });
  return withChartData(chart, data.map((d) => ({"Année": d.year, Structure: d.structure, Participants: d.participants})), {name: "participants-par-annee-et-structure"});
}

/** Participants per age band for one scope and year; hidden bands drawn as hatched gaps. */
export function ageBandsChart(ages, {width, title, subtitle, color = "#333333", order} = {}) {
  // Bands in age order; a band absent that year (often « Âge inconnu ») gets no empty row.
  const rank = (band) => (order ?? []).indexOf(band);
  const sorted = order ? [...ages].sort((a, b) => rank(a.age_band) - rank(b.age_band)) : ages;
  const domain = order ? order.filter((band) => ages.some((d) => d.age_band === band)) : undefined;
  const chart = Plot.plot({
    title,
    subtitle,
    // Never narrower than its margins (a zero width, before layout, gave negative bar widths).
    width: Math.max(width ?? 640, 240),
    height: 260,
    marginLeft: 110,
    ariaLabel: title,
    ariaDescription: sorted.map((d) => `${d.age_band} : ${d.participants == null ? "moins de 5" : d.participants}`).join(" ; "),
    x: {grid: true, label: "Participants", tickFormat: count},
    y: {label: null, domain},
    marks: [
      Plot.barX(ages.filter((d) => d.participants != null), {y: "age_band", x: "participants", fill: color, tip: {format: {x: count}}}),
      Plot.text(ages.filter((d) => d.participants == null), {y: "age_band", x: 0, text: () => "< 5 (masqué)", textAnchor: "start", dx: 4, fill: "#666"}),
      Plot.ruleX([0])
    ]
  });
  return withChartData(chart, sorted.map((d) => ({"Tranche d'âge": d.age_band, Participants: d.participants ?? "< 5"})), {name: "participants-par-tranche-d-age"});
}

/**
 * Participants of one public per year (rows of the published publics): bars, hidden years as
 * hatched bars up to the threshold, labelled « < 5 ».
 */
export function publicTrendChart(rows, {width, title, subtitle, color = "#333333", threshold = 5} = {}) {
  const shown = rows.filter((d) => d.participants != null);
  const hidden = rows.filter((d) => d.participants == null);
  const hatch = hatchMark();
  const chart = Plot.plot({
    title,
    subtitle,
    width,
    height: 260,
    marginLeft: 60,
    ariaLabel: title,
    ariaDescription: rows.map((d) => `${d.year} : ${d.participants == null ? `moins de ${threshold} (masqué)` : count(d.participants)}`).join(" ; "),
    x: {label: null, tickFormat: (d) => String(d), type: "band", ticks: yearTicks(rows.map((d) => d.year), width)},
    y: {grid: true, label: "Participants", tickFormat: count},
    marks: [
      hatch.defs,
      Plot.barY(shown, {x: "year", y: "participants", fill: color, tip: {format: {y: count, x: (d) => String(d)}}}),
      Plot.barY(hidden, {x: "year", y: () => threshold, fill: hatch.fill}),
      Plot.text(hidden, {x: "year", y: () => threshold, text: () => `< ${threshold}`, dy: -8, fill: "#555"}),
      Plot.ruleY([0])
    ]
  });
  return withChartData(chart, rows.map((d) => ({"Année": d.year, Participants: d.participants ?? `< ${threshold}`})), {name: `participants-${slug(title ?? "public")}`});
}
