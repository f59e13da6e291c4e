// Charts of the « Département » page: the map of the structures by commune (only when the user
// supplied commune outlines) and ranked bars across structures.
import * as d3 from "npm:d3";
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {formatValue, unitSuffix} from "./indicators.js";
import {hatch, MUTED_TEXT_COLOR, structureColor} from "./palette.js";
import {charsIn, labelMargin, wrapLabel} from "./ticks.js";
import {unitCaption} from "./unit_caption.js";

/**
 * Communes where structures stand, shaded by their number of structures, and one circle per
 * structure sized by the chosen indicator (hidden: hatched circle; missing: hollow circle).
 *
 * @param {object[]} features GeoJSON features {properties: {code, nom}, geometry}
 * @param {{structures: object[], values: Map<string, {value: number|null, hidden: boolean}>, unit: string, label: string, threshold: number, width?: number, title?: string, subtitle?: string}} options
 */
export function communeMap(features, {structures, values, unit, label, threshold = 5, width = 640, title, subtitle}) {
  const height = Math.round(Math.min(width, 720) * 1.1);
  const collection = {type: "FeatureCollection", features};
  const projection = d3.geoConicConformal().parallels([44, 49]).rotate([-3, 0]).fitExtent([[20, 20], [width - 20, height - 20]], collection);
  const path = d3.geoPath(projection);
  const perCommune = d3.group(structures, (s) => s.insee);
  const shade = d3.scaleSequential([0, d3.max(perCommune.values(), (l) => l.length) ?? 1], d3.interpolateBlues);
  const hidden = hatch({color: "#555", background: "#eee"});
  const max = d3.max(structures, (s) => values.get(s.id)?.value ?? 0) || 1;
  const radius = d3.scaleSqrt([0, max], [0, Math.max(7, width / 70)]);
  const byCode = new Map(features.map((f) => [f.properties.code, f]));

  // Structures of one commune sit on a small ring around its centroid.
  const dots = [];
  for (const [insee, list] of perCommune) {
    const feature = byCode.get(insee);
    if (!feature) continue;
    const [cx, cy] = path.centroid(feature);
    list.forEach((s, i) => {
      const angle = (2 * Math.PI * i) / list.length;
      const offset = list.length > 1 ? 7 : 0;
      const v = values.get(s.id);
      dots.push({s, x: cx + offset * Math.cos(angle), y: cy + offset * Math.sin(angle), v});
    });
  }
  dots.sort((a, b) => (b.v?.value ?? 0) - (a.v?.value ?? 0));

  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("viewBox", [0, 0, width, height])
    .attr("role", "img").attr("aria-label", title ?? "Carte des structures")
    .attr("style", "max-width: 100%; height: auto; font: 11px var(--sans-serif, sans-serif);");
  svg.append("desc").text(dots.map((d) => `${d.s.name} (${d.s.commune}) : ${d.v?.hidden ? `< ${threshold}` : d.v?.value == null ? "pas de donnée" : formatValue(d.v.value, unit)}`).join(" ; "));
  svg.node().append(hidden.defs);
  svg.append("g").selectAll("path").data(features).join("path")
    .attr("d", path)
    .attr("fill", (f) => shade(perCommune.get(f.properties.code)?.length ?? 0))
    .attr("stroke", "#667").attr("stroke-width", 0.6)
    .append("title").text((f) => `${perCommune.get(f.properties.code)?.[0]?.commune ?? f.properties.nom} : ${perCommune.get(f.properties.code)?.length ?? 0} structure(s)`);
  const g = svg.append("g").selectAll("g").data(dots).join("g").attr("transform", (d) => `translate(${d.x},${d.y})`);
  g.append("circle")
    .attr("r", (d) => (d.v?.value != null ? Math.max(2.5, radius(d.v.value)) : 4))
    .attr("fill", (d) => (d.v?.hidden ? hidden.url : d.v?.value == null ? "white" : structureColor(d.s.id)))
    .attr("fill-opacity", (d) => (d.v?.value != null ? 0.85 : 1))
    .attr("stroke", (d) => (d.v?.value == null && !d.v?.hidden ? "#888" : "#222")).attr("stroke-width", 0.8);
  g.append("title").text((d) => `${d.s.name} (${d.s.commune})\n${label} : ${d.v?.hidden ? `< ${threshold}` : d.v?.value == null ? "pas de donnée" : `${formatValue(d.v.value, unit)}${unitSuffix(unit)}`}`);

  const legend = html`<div class="legend"><span><svg width="14" height="12"><rect width="14" height="12" fill=${shade(1)} stroke="#667"></rect></svg> commune avec structure(s), plus foncée quand il y en a plusieurs</span>
    <span><svg width="14" height="14"><circle cx="7" cy="7" r="6" fill=${structureColor("other")} stroke="#222"></circle></svg> ${label.toLowerCase()} (surface proportionnelle)</span>
    <span><svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="white" stroke="#888"></circle></svg> pas de donnée</span>
    <span><svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="#bbb" stroke="#222"></circle></svg> masqué (< ${threshold})</span></div>`;
  return html`<figure class="map">${title ? html`<h2>${title}</h2>` : ""}${subtitle ? html`<h3>${subtitle}</h3>` : ""}${legend}${svg.node()}</figure>`;
}

/**
 * Structures ranked by a value: one bar per structure in its colour; hidden values as a hatched
 * bar labelled « < 5 », missing ones as « pas de donnée ».
 *
 * @param {{id: string, name: string, value: number|null, hidden: boolean}[]} rows in display order
 */
export function rankedBars(rows, {width, title, subtitle, unit = "", threshold = 5, reference, referenceLabel} = {}) {
  const hidden = hatch({color: "#555", background: "#eee"});
  const max = d3.max(rows, (d) => d.value) ?? 1;
  // Names get the margin they need, up to 45 % of the chart; longer ones wrap on two lines
  // (a phone cut « Centre social d'Anneyron » to « tre social d'Anneyron »).
  const marginLeft = labelMargin(rows.map((d) => d.name), width, {share: 0.45});
  const chars = charsIn(marginLeft - 8);
  const wrapped = rows.some((d) => d.name.length > chars);
  return Plot.plot({
    title,
    subtitle,
    width,
    height: (wrapped ? 28 : 18) * rows.length + 60,
    marginLeft,
    marginRight: 60,
    ariaLabel: title,
    ariaDescription: rows.map((d) => `${d.name} : ${d.hidden ? `< ${threshold}` : d.value == null ? "pas de donnée" : formatValue(d.value, unit)}`).join(" ; "),
    x: {label: `${unitCaption(unit)} →`, grid: true, tickFormat: (v) => formatValue(v, unit), domain: [0, max * 1.05]},
    y: {domain: rows.map((d) => d.name), label: null, tickFormat: (name) => wrapLabel(name, chars)},
    marks: [
      () => hidden.defs,
      Plot.barX(rows.filter((d) => d.value != null), {y: "name", x: "value", fill: (d) => structureColor(d.id)}),
      Plot.text(rows.filter((d) => d.value != null), {y: "name", x: "value", text: (d) => formatValue(d.value, unit), dx: 4, textAnchor: "start"}),
      Plot.barX(rows.filter((d) => d.hidden), {y: "name", x: max * 0.04, fill: hidden.url, stroke: "#555"}),
      Plot.text(rows.filter((d) => d.hidden), {y: "name", x: max * 0.04, text: () => `< ${threshold} (masqué)`, dx: 4, textAnchor: "start", fill: "#555"}),
      Plot.text(rows.filter((d) => d.value == null && !d.hidden), {y: "name", x: 0, text: () => "pas de donnée", dx: 4, textAnchor: "start", fill: MUTED_TEXT_COLOR, fontStyle: "italic"}),
      reference != null ? Plot.ruleX([reference], {stroke: "#333", strokeDasharray: "4,3"}) : null,
      reference != null ? Plot.text([reference], {x: (d) => d, frameAnchor: "top", text: () => referenceLabel, dy: -2, fill: "#333", textAnchor: "start", dx: 3}) : null,
      Plot.ruleX([0])
    ]
  });
}
