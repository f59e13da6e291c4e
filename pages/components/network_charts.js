// Network drawings and growth charts for the Accorderie and Cluster pages. The node-link
// drawing (cluster) is laid out with d3-force, run to the end before drawing (a still image: same
// layout on every load, printable); the time bank's exchanges, too many for a readable node-link
// drawing, are an ordered adjacency matrix and a group-to-group table. Each chart takes
// (data, {options}) and returns an SVG element with a text alternative.
import * as d3 from "npm:d3";
import * as Plot from "npm:@observablehq/plot";
import {frLocale} from "./format.js";
import {formatDecimal, formatPercent} from "./numbers.js";
import {HATCH_FILL, hatchPattern, PARTNER_COLOR, SUPPRESSED_COLOR} from "./palette.js";
import {yearTicks} from "./ticks.js";

const count = frLocale.format(",d");

/** A responsive SVG drawn with d3, labelled for screen readers (aria-label and <desc>). */
function svgFrame({width, height, label, description}) {
  const svg = d3.create("svg")
    .attr("viewBox", [0, 0, width, height])
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", label)
    .style("max-width", "100%")
    .style("height", "auto");
  if (description) svg.append("desc").text(description);
  return svg;
}

/**
 * A node-link drawing. Nodes: `{id, color, radius, label?, title?, stroke?}`; links:
 * `{source, target, width?, title?}` (ids). Labels are drawn only for nodes that have one.
 * @param {{nodes: Array, links: Array}} graph
 * @param {{width?: number, height?: number, title?: string, description?: string, charge?: number, distance?: number}} options
 */
export function networkChart({nodes, links}, {width = 640, height = 480, title, description, charge = -60, distance = 40} = {}) {
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
  const svg = svgFrame({width, height, label: title ?? "Réseau", description});
  svg.append("g").attr("stroke", "#999").attr("stroke-opacity", 0.45)
    .selectAll("line").data(l).join("line")
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y)
    .attr("stroke-width", (d) => d.width ?? 1)
    .call((s) => s.append("title").text((d) => d.title ?? ""));
  svg.append("g")
    .selectAll("circle").data(n).join("circle")
    .attr("cx", (d) => d.x).attr("cy", (d) => d.y).attr("r", (d) => d.radius)
    .attr("fill", (d) => d.color ?? PARTNER_COLOR)
    .attr("stroke", (d) => d.stroke ?? "#fff").attr("stroke-width", 1.5)
    .call((s) => s.append("title").text((d) => d.title ?? ""));
  svg.append("g").attr("font-size", 11).attr("font-family", "var(--sans-serif)")
    .selectAll("text").data(placeLabels(n, width)).join("text")
    .attr("x", (d) => (d.anchor === "end" ? d.x - d.radius - 3 : d.x + d.radius + 3)).attr("y", (d) => d.y + 4)
    .attr("text-anchor", (d) => d.anchor)
    .attr("paint-order", "stroke").attr("stroke", "white").attr("stroke-width", 3)
    .text((d) => d.label);
  return svg.node();
}

/**
 * The node labels that can be drawn without covering one another or leaving the drawing: the
 * biggest nodes first, each label on the side with room (on a phone, the names overlapped). A
 * node left without a label keeps its name in its tooltip and in the table under the chart.
 * @param {{x: number, y: number, radius: number, label?: string}[]} nodes laid out
 * @param {number} width
 * @returns {Array<object & {anchor: "start" | "end"}>}
 */
export function placeLabels(nodes, width) {
  const boxes = [];
  const free = (b) => b.x0 >= 0 && b.x1 <= width && boxes.every((o) => b.x1 <= o.x0 || o.x1 <= b.x0 || b.y1 <= o.y0 || o.y1 <= b.y0);
  const placed = [];
  for (const d of nodes.filter((d) => d.label).sort((a, b) => b.radius - a.radius)) {
    const w = d.label.length * 11 * 0.56;
    const sides = d.x > width * 0.7 ? ["end", "start"] : ["start", "end"];
    for (const anchor of sides) {
      const x0 = anchor === "start" ? d.x + d.radius + 3 : d.x - d.radius - 3 - w;
      const box = {x0, x1: x0 + w, y0: d.y - 7, y1: d.y + 7};
      if (!free(box)) continue;
      boxes.push(box);
      placed.push({...d, anchor});
      break;
    }
  }
  return placed;
}

/**
 * Colours of the time-bank balance groups, in the order of the matrix; `masque`: members of a
 * group of 1 to 4 (and of the group hidden with it), published without their group.
 */
export const BALANCE_GROUPS = {
  donne: {label: "donne surtout", color: "#0072B2"},
  equilibre: {label: "équilibré", color: "#009E73"},
  recoit: {label: "reçoit surtout", color: "#E69F00"},
  masque: {label: "groupe masqué (< 5)", color: SUPPRESSED_COLOR}
};

/** Cell colours of the exchange matrix: an arc one way only, an arc whose reverse exists too. */
export const ARC_COLORS = {oneWay: "#56B4E9", mutual: "#D55E00"};

/**
 * The published exchange network of one year (`nodes`: balance group per member, `links`:
 * `[giver, receiver, hours]`) as an ordered adjacency matrix: members sorted by balance group
 * ({@link BALANCE_GROUPS} order), then by number of partners (descending), then hours; one cell per
 * arc (row = who gives, column = who receives), `mutual` when the reverse arc exists too.
 *
 * @returns {{members: {index: number, group: string, partners: number, hours: number}[], cells: {row: number, col: number, hours: number, mutual: boolean}[], blocks: {group: string, start: number, size: number}[]}}
 */
export function exchangeMatrix({nodes, links}) {
  const partners = nodes.map(() => new Set());
  const hours = nodes.map(() => 0);
  const arcs = new Set();
  for (const [s, t, h] of links) {
    partners[s].add(t);
    partners[t].add(s);
    hours[s] += h;
    hours[t] += h;
    arcs.add(`${s}>${t}`);
  }
  const groupRank = Object.fromEntries(Object.keys(BALANCE_GROUPS).map((g, i) => [g, i]));
  const members = nodes.map((group, index) => ({index, group, partners: partners[index].size, hours: hours[index]}))
    .sort((a, b) => groupRank[a.group] - groupRank[b.group] || b.partners - a.partners || b.hours - a.hours || a.index - b.index);
  const position = new Map(members.map((m, i) => [m.index, i]));
  const cells = links.map(([s, t, h]) => ({row: position.get(s), col: position.get(t), hours: h, mutual: arcs.has(`${t}>${s}`)}));
  const blocks = [];
  members.forEach((m, i) => {
    if (blocks.at(-1)?.group === m.group) blocks.at(-1).size++;
    else blocks.push({group: m.group, start: i, size: 1});
  });
  return {members, cells, blocks};
}

/**
 * Hours given from each balance group to each (members' own groups as published), with the
 * number of arcs: rows of `{from, to, hours, arcs}` for every pair of groups present.
 */
export function groupFlows({nodes, links}) {
  const present = Object.keys(BALANCE_GROUPS).filter((g) => nodes.includes(g));
  const flows = present.flatMap((from) => present.map((to) => ({from, to, hours: 0, arcs: 0})));
  const at = (from, to) => flows.find((f) => f.from === from && f.to === to);
  for (const [s, t, h] of links) {
    const f = at(nodes[s], nodes[t]);
    f.hours += h;
    f.arcs++;
  }
  return flows;
}

/**
 * How concentrated the ties are: `median` partners per member, `halfAtLeast` (half the members
 * have at least this many partners), the `share` best-connected members (most partners, at least
 * one) and `topAtLeast`, the fewest partners among them, and `topShare`, the share of the ties
 * (pairs of members) that involve at least one of them.
 */
export function hubSummary({nodes, links}, {share = 0.1} = {}) {
  const partners = nodes.map(() => new Set());
  for (const [s, t] of links) {
    partners[s].add(t);
    partners[t].add(s);
  }
  const degree = partners.map((p) => p.size);
  const ascending = degree.slice().sort((a, b) => a - b);
  const n = nodes.length;
  const ranked = degree.map((d, i) => [d, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const top = ranked.slice(0, Math.max(1, Math.round(n * share)));
  const inTop = new Set(top.map(([, i]) => i));
  const ties = new Set(links.map(([s, t]) => (s < t ? `${s}-${t}` : `${t}-${s}`)));
  let withTop = 0;
  for (const key of ties) {
    const [a, b] = key.split("-").map(Number);
    if (inTop.has(a) || inTop.has(b)) withTop++;
  }
  return {
    median: d3.median(degree) ?? null,
    halfAtLeast: n ? ascending[n - Math.ceil(n / 2)] : null,
    topAtLeast: top.length ? top.at(-1)[0] : null,
    topShare: ties.size ? withTop / ties.size : null,
    share
  };
}

/**
 * The exchange network of one year as an adjacency matrix ({@link exchangeMatrix}): one row and
 * one column per member, grouped by balance group (coloured bands and labels), the members with
 * the most partners first in each group; a cell per member who gave to another (vermillion when
 * the other gave back, sky blue otherwise); on the right, each member's number of partners.
 *
 * @param {{nodes: string[], links: [number, number, number][]}} network
 * @param {{width?: number, title?: string, description?: string}} options
 */
export function exchangeMatrixChart(network, {width = 640, title, description} = {}) {
  const {members, cells, blocks} = exchangeMatrix(network);
  const n = members.length;
  const left = 118, top = 118, barWidth = Math.min(90, width * 0.14), gap = 8, bottom = 28;
  const size = Math.max(80, Math.min(width - left - gap - barWidth - 10, 620));
  const step = size / Math.max(1, n);
  const height = top + size + bottom;
  const svg = svgFrame({width, height, label: title ?? "Matrice des échanges", description})
    .attr("font-family", "var(--sans-serif)")
    .attr("font-size", 11);
  svg.append(hatchPattern());
  const g = svg.append("g").attr("transform", `translate(${left},${top})`);
  g.append("rect").attr("width", size).attr("height", size).attr("fill", "#fafafa").attr("stroke", "#ccc");
  // Group bands along both axes, and block separators.
  const bandFill = (group) => (group === "masque" ? HATCH_FILL : BALANCE_GROUPS[group].color);
  const bands = g.append("g").attr("class", "bands");
  for (const b of blocks) {
    bands.append("rect").attr("x", -10).attr("y", b.start * step).attr("width", 8).attr("height", b.size * step).attr("fill", bandFill(b.group));
    bands.append("rect").attr("y", -10).attr("x", b.start * step).attr("height", 8).attr("width", b.size * step).attr("fill", bandFill(b.group));
    const label = BALANCE_GROUPS[b.group].label;
    if (b.size * step >= 12) {
      bands.append("text").attr("x", -14).attr("y", (b.start + b.size / 2) * step).attr("dy", "0.32em").attr("text-anchor", "end").text(label);
      bands.append("text").attr("transform", `translate(${(b.start + b.size / 2) * step},-14) rotate(-45)`).attr("text-anchor", "start").text(label);
    }
    if (b.start > 0) {
      g.append("line").attr("x1", 0).attr("x2", size).attr("y1", b.start * step).attr("y2", b.start * step).attr("stroke", "#888");
      g.append("line").attr("y1", 0).attr("y2", size).attr("x1", b.start * step).attr("x2", b.start * step).attr("stroke", "#888");
    }
  }
  g.append("line").attr("x1", 0).attr("y1", 0).attr("x2", size).attr("y2", size).attr("stroke", "#ddd");
  const hours = (h) => `${formatDecimal(h, h % 1 ? 1 : 0)} h`;
  g.append("g").attr("class", "cells")
    .selectAll("rect").data(cells).join("rect")
    .attr("x", (c) => c.col * step).attr("y", (c) => c.row * step)
    .attr("width", Math.max(1, step - (step > 4 ? 1 : 0))).attr("height", Math.max(1, step - (step > 4 ? 1 : 0)))
    .attr("fill", (c) => (c.mutual ? ARC_COLORS.mutual : ARC_COLORS.oneWay))
    .call((s) => s.append("title").text((c) => `${hours(c.hours)} données${c.mutual ? " ; l'autre membre a aussi donné en retour" : ""}`));
  // Axis titles.
  svg.append("text").attr("x", left + size / 2).attr("y", top + size + 18).attr("text-anchor", "middle").attr("fill", "#444")
    .text("colonnes : le membre qui reçoit →");
  svg.append("text").attr("transform", `translate(14,${top + size / 2}) rotate(-90)`).attr("text-anchor", "middle").attr("fill", "#444")
    .text("lignes : le membre qui donne →");
  // Partners per member, beside each row.
  const maxPartners = d3.max(members, (m) => m.partners) ?? 1;
  const x = d3.scaleLinear([0, maxPartners], [0, barWidth]);
  const bars = svg.append("g").attr("class", "partners").attr("transform", `translate(${left + size + gap},${top})`);
  bars.selectAll("rect").data(members).join("rect")
    .attr("y", (_, i) => i * step).attr("height", Math.max(1, step - (step > 4 ? 1 : 0)))
    .attr("width", (m) => x(m.partners)).attr("fill", "#777")
    .call((s) => s.append("title").text((m) => `${count(m.partners)} partenaires d'échange`));
  bars.append("text").attr("y", -6).attr("fill", "#444").text("partenaires");
  bars.append("text").attr("y", size + 14).attr("fill", "#444").text(`0 – ${count(maxPartners)}`);
  return svg.node();
}

/**
 * Hours given from each balance group (rows) to each (columns), from {@link groupFlows}: one
 * cell per pair of groups, darker for more hours, labelled with the hours and their share.
 */
export function groupFlowChart(flows, {width = 420, title, subtitle} = {}) {
  const total = d3.sum(flows, (f) => f.hours) || 1;
  const label = (g) => BALANCE_GROUPS[g].label;
  const domain = Object.keys(BALANCE_GROUPS).filter((g) => flows.some((f) => f.from === g)).map(label);
  const rows = flows.map((f) => ({...f, fromLabel: label(f.from), toLabel: label(f.to), share: f.hours / total}));
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 90 + 56 * domain.length,
    marginLeft: 110,
    marginTop: 52,
    ariaLabel: title,
    ariaDescription: rows.map((r) => `${r.fromLabel} → ${r.toLabel} : ${count(Math.round(r.hours))} heures (${formatPercent(r.share)})`).join(" ; "),
    x: {domain, label: "reçoit →", axis: "top", tickFormat: (d) => d.replace(" ", "\n")},
    y: {domain, label: "donne ↓"},
    // Text turns white only above 72 % of the range: below, white on the mid blues fell under 4.5:1 (issue 19).
    color: {type: "linear", range: ["#f0f6fb", "#0b4f80"], domain: [0, d3.max(rows, (r) => r.hours) || 1]},
    marks: [
      Plot.cell(rows, {x: "toLabel", y: "fromLabel", fill: "hours", inset: 1, title: (r) => `${r.fromLabel} → ${r.toLabel} : ${count(Math.round(r.hours))} heures, ${count(r.arcs)} liens`}),
      Plot.text(rows, {x: "toLabel", y: "fromLabel", text: (r) => `${count(Math.round(r.hours))} h\n${formatPercent(r.share)}`, fill: (r) => (r.hours > 0.72 * (d3.max(rows, (x) => x.hours) || 1) ? "white" : "black"), lineHeight: 1.2})
    ]
  });
}

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
    x: {label: null, tickFormat: (d) => String(d), type: "band", ticks: yearTicks(years.map((d) => d.year), width)},
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
    x: {label: null, tickFormat: (d) => String(d), type: "band", ticks: yearTicks(years.map((d) => d.year), width)},
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
    x: {label: null, tickFormat: (d) => String(d), ticks: yearTicks(years.map((d) => d.year), width)},
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
  // Whole years only, the first and the last, inside the frame (no « 2023.5 », no clipped « '023 »).
  const years = values.map((d) => d.year);
  const ticks = [...new Set([Math.min(...years), Math.max(...years)])];
  return Plot.plot({
    width,
    height,
    // Drawn at its size even in a narrow table cell (the table wraps its text instead): shrunk
    // to the cell, its years printed at 6,6 pt.
    style: {maxWidth: "none"},
    marginLeft: 18,
    marginRight: 18,
    marginBottom: 18,
    marginTop: 6,
    ariaDescription: values.map((d) => `${d.year} : ${d.value == null ? "masqué" : format(d.value)}`).join(" ; "),
    x: {label: null, tickFormat: (d) => String(d), ticks, type: "linear"},
    y: {axis: null, zero: false},
    marks: [
      hatchPattern(),
      Plot.ruleX(hidden, {x: "year", stroke: HATCH_FILL, strokeWidth: 6}),
      Plot.lineY(shown, {x: "year", y: "value", stroke: color, strokeWidth: 1.5}),
      Plot.dot(shown, {x: "year", y: "value", fill: color, r: 2, title: (d) => `${d.year} : ${format(d.value)}`})
    ]
  });
}
