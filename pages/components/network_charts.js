// Network drawings and growth charts for the Accorderie and Cluster pages. The node-link
// drawing is laid out with d3-force, run to the end before drawing (a still image: same layout
// on every load, printable); each function takes (data, {options}) and returns an SVG element
// with a text alternative.
import * as d3 from "npm:d3";
import * as Plot from "npm:@observablehq/plot";
import {frLocale} from "./format.js";
import {formatDecimal, formatPercent} from "./numbers.js";
import {HATCH_FILL, hatchPattern, PARTNER_COLOR} from "./palette.js";

const count = frLocale.format(",d");

/**
 * A node-link drawing. Nodes: `{id, color, radius, label?, title?, stroke?}`; links:
 * `{source, target, width?, title?}` (ids). Labels are drawn only for nodes that have one.
 * @param {{nodes: Array, links: Array}} graph
 * @param {{width?: number, height?: number, title?: string, description?: string, directed?: boolean, charge?: number, distance?: number}} options
 */
export function networkChart({nodes, links}, {width = 640, height = 480, title, description, directed = false, charge = -60, distance = 40} = {}) {
  const n = nodes.map((d) => ({...d}));
  const l = links.map((d) => ({...d}));
  const simulation = d3.forceSimulation(n)
    .force("link", d3.forceLink(l).id((d) => d.id).distance(distance).strength(0.3))
    .force("charge", d3.forceManyBody().strength(charge))
    .force("collide", d3.forceCollide().radius((d) => d.radius + 2))
    .force("x", d3.forceX(width / 2).strength(0.06))
    .force("y", d3.forceY(height / 2).strength(0.08))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  const pad = 12;
  for (const d of n) {
    d.x = Math.max(pad + d.radius, Math.min(width - pad - d.radius, d.x));
    d.y = Math.max(pad + d.radius, Math.min(height - pad - d.radius, d.y));
  }
  const svg = d3.create("svg")
    .attr("viewBox", [0, 0, width, height])
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", title ?? "Réseau")
    .style("max-width", "100%")
    .style("height", "auto");
  if (description) svg.append("desc").text(description);
  if (directed) {
    svg.append("defs").append("marker").attr("id", "fleche-reseau").attr("viewBox", "0 -4 8 8").attr("refX", 8)
      .attr("markerWidth", 5).attr("markerHeight", 5).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#999");
  }
  svg.append("g").attr("stroke", "#999").attr("stroke-opacity", 0.45)
    .selectAll("line").data(l).join("line")
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y)
    .attr("stroke-width", (d) => d.width ?? 1)
    .attr("marker-end", directed ? "url(#fleche-reseau)" : null)
    .call((s) => s.append("title").text((d) => d.title ?? ""));
  svg.append("g")
    .selectAll("circle").data(n).join("circle")
    .attr("cx", (d) => d.x).attr("cy", (d) => d.y).attr("r", (d) => d.radius)
    .attr("fill", (d) => d.color ?? PARTNER_COLOR)
    .attr("stroke", (d) => d.stroke ?? "#fff").attr("stroke-width", 1.5)
    .call((s) => s.append("title").text((d) => d.title ?? ""));
  svg.append("g").attr("font-size", 11).attr("font-family", "var(--sans-serif)")
    .selectAll("text").data(n.filter((d) => d.label)).join("text")
    .attr("x", (d) => (d.x > width * 0.7 ? d.x - d.radius - 3 : d.x + d.radius + 3)).attr("y", (d) => d.y + 4)
    .attr("text-anchor", (d) => (d.x > width * 0.7 ? "end" : "start"))
    .attr("paint-order", "stroke").attr("stroke", "white").attr("stroke-width", 3)
    .text((d) => d.label);
  return svg.node();
}

/** Colours of the time-bank balance groups. */
export const BALANCE_GROUPS = {
  donne: {label: "donne surtout", color: "#0072B2"},
  recoit: {label: "reçoit surtout", color: "#E69F00"},
  equilibre: {label: "équilibré", color: "#009E73"}
};

/**
 * Hours exchanged per year (bars) for one time bank; a year hidden by the disclosure rule is a
 * hatched bar.
 */
export function timebankHoursChart(years, {width, title, subtitle, color = "#CC79A7"} = {}) {
  const shown = years.filter((d) => d.hours != null);
  const hidden = years.filter((d) => d.hours == null);
  const max = Math.max(1, ...shown.map((d) => d.hours));
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 280,
    marginLeft: 60,
    ariaLabel: title,
    ariaDescription: years.map((d) => `${d.year} : ${d.hours == null ? "masqué" : `${count(Math.round(d.hours))} heures`}`).join(" ; "),
    x: {label: null, tickFormat: (d) => String(d), type: "band"},
    y: {grid: true, label: "Heures échangées", tickFormat: count},
    marks: [
      hatchPattern(),
      Plot.barY(shown, {x: "year", y: "hours", fill: color, title: (d) => `${d.year} : ${count(Math.round(d.hours))} heures, ${count(d.exchanges)} échanges`}),
      Plot.barY(hidden, {x: "year", y1: 0, y2: max, fill: HATCH_FILL}),
      Plot.text(shown, {x: "year", y: "hours", text: (d) => count(Math.round(d.hours)), dy: -8}),
      Plot.ruleY([0])
    ]
  });
}

/** Active members per year split by balance group (stacked); hidden groups hatched. */
export function balanceChart(years, {width, title, subtitle} = {}) {
  const keys = [["mostly_give", "donne"], ["mostly_receive", "recoit"], ["balanced", "equilibre"]];
  const rows = years.flatMap((d) => keys.map(([field, group]) => ({year: d.year, group: BALANCE_GROUPS[group].label, value: d[field], hidden: d[field] == null})));
  const hiddenYears = years.filter((d) => keys.some(([f]) => d[f] == null));
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 280,
    marginLeft: 60,
    ariaLabel: title,
    ariaDescription: years.map((d) => `${d.year} : ${keys.map(([f, g]) => `${BALANCE_GROUPS[g].label} ${d[f] == null ? "< 5" : d[f]}`).join(", ")}`).join(" ; "),
    x: {label: null, tickFormat: (d) => String(d), type: "band"},
    y: {grid: true, label: "Membres actifs", tickFormat: count},
    color: {domain: keys.map(([, g]) => BALANCE_GROUPS[g].label), range: keys.map(([, g]) => BALANCE_GROUPS[g].color), legend: true},
    marks: [
      hatchPattern(),
      Plot.barY(rows.filter((r) => !r.hidden), {x: "year", y: "value", fill: "group", title: (r) => `${r.year}, ${r.group} : ${r.value}`}),
      Plot.text(hiddenYears, {x: "year", frameAnchor: "bottom", text: () => "< 5 masqué", dy: -4, fill: "#444"}),
      Plot.ruleY([0])
    ]
  });
}

/** Actors and ties of the cluster network per year (two lines). */
export function clusterGrowthChart(years, {width, title, subtitle} = {}) {
  const rows = years.flatMap((d) => [
    {year: d.year, measure: "acteurs", value: d.actors},
    {year: d.year, measure: "liens", value: d.ties},
    {year: d.year, measure: "structures du registre", value: d.structures}
  ]);
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 280,
    marginLeft: 50,
    ariaLabel: title,
    ariaDescription: years.map((d) => `${d.year} : ${d.actors} acteurs, ${d.ties} liens, densité ${formatPercent(d.density)}`).join(" ; "),
    x: {label: null, tickFormat: (d) => String(d)},
    y: {grid: true, label: "Nombre", tickFormat: count},
    color: {domain: ["acteurs", "liens", "structures du registre"], range: ["#333333", "#0072B2", "#CC79A7"], legend: true},
    marks: [
      Plot.lineY(rows, {x: "year", y: "value", stroke: "measure", strokeWidth: 2, marker: "circle-stroke"}),
      Plot.tip(rows, Plot.pointerX({x: "year", y: "value", stroke: "measure", title: (r) => `${r.year} : ${r.value} ${r.measure}`})),
      Plot.ruleY([0])
    ]
  });
}

/** Small multiple of one indicator over the years (cluster scope); hidden years hatched. */
export function indicatorSparkline(values, {width = 220, height = 70, format = (v) => formatDecimal(v, 1), color = "#333333"} = {}) {
  const shown = values.filter((d) => d.value != null);
  const hidden = values.filter((d) => d.value == null);
  return Plot.plot({
    width,
    height,
    marginLeft: 8,
    marginRight: 8,
    marginBottom: 18,
    marginTop: 6,
    ariaDescription: values.map((d) => `${d.year} : ${d.value == null ? "masqué" : format(d.value)}`).join(" ; "),
    x: {label: null, tickFormat: (d) => String(d), ticks: Math.min(4, values.length), type: "linear"},
    y: {axis: null, zero: false},
    marks: [
      hatchPattern(),
      Plot.ruleX(hidden, {x: "year", stroke: HATCH_FILL, strokeWidth: 6}),
      Plot.lineY(shown, {x: "year", y: "value", stroke: color, strokeWidth: 1.5}),
      Plot.dot(shown, {x: "year", y: "value", fill: color, r: 2, title: (d) => `${d.year} : ${format(d.value)}`})
    ]
  });
}
