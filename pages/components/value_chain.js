// Charts of the value chain page. d3-sankey is not a dependency: the flow is drawn with d3 as
// an alluvial diagram, one column per stage, one band per FONDA target.
import * as d3 from "npm:d3";
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {STAGE_TITLES, STAGES, TARGETS, QUESTIONS, capitalise} from "./indicators.js";
import {STAGE_COLORS, TARGET_COLORS, hatch} from "./palette.js";

/**
 * Flow from resources to impacts: in each stage column, one block per FONDA target whose height
 * is the number of indicators with a value (hidden values count: they exist); bands join the
 * same target from one stage to the next. A target with no indicator in a stage is drawn as a
 * hatched sliver, never as nothing.
 *
 * @param {{stage: string, target: string, count: number, total: number}[]} rows
 * @param {{width?: number, title?: string, subtitle?: string, description?: string}} options
 */
export function valueChainFlow(rows, {width = 900, title, subtitle, description} = {}) {
  const height = 380;
  const margin = {top: 40, right: 10, bottom: 30, left: 10};
  const columnWidth = Math.max(70, Math.min(130, width / 8));
  const x = d3.scalePoint(STAGES, [margin.left + columnWidth / 2, width - margin.right - columnWidth / 2]);
  const gap = 10;
  const maxTotal = d3.max(STAGES, (s) => d3.sum(TARGETS, (t) => Math.max(1, rows.find((r) => r.stage === s && r.target === t)?.total ?? 0)));
  const unit = (height - margin.top - margin.bottom - gap * (TARGETS.length - 1)) / Math.max(1, maxTotal);
  const missing = hatch({color: "#999"});

  // Layout: each block shows the indicators of the catalogue (outline) and those with a value (fill).
  const blocks = [];
  for (const stage of STAGES) {
    let y = margin.top;
    for (const target of TARGETS) {
      const row = rows.find((r) => r.stage === stage && r.target === target) ?? {count: 0, total: 0};
      const h = Math.max(row.total, 1) * unit;
      blocks.push({stage, target, y, h, filled: row.count * unit, ...row});
      y += h + gap;
    }
  }
  const block = (s, t) => blocks.find((b) => b.stage === s && b.target === t);
  const left = (s) => x(s) - columnWidth / 2;
  const right = (s) => x(s) + columnWidth / 2;

  const ribbon = (a, b) => {
    const [x0, x1] = [right(a.stage), left(b.stage)];
    const mid = (x0 + x1) / 2;
    const [ha, hb] = [Math.max(a.filled, 2), Math.max(b.filled, 2)];
    const path = d3.path();
    path.moveTo(x0, a.y);
    path.bezierCurveTo(mid, a.y, mid, b.y, x1, b.y);
    path.lineTo(x1, b.y + hb);
    path.bezierCurveTo(mid, b.y + hb, mid, a.y + ha, x0, a.y + ha);
    path.closePath();
    return path.toString();
  };

  const links = [];
  for (let i = 0; i + 1 < STAGES.length; i++) {
    for (const t of TARGETS) links.push([block(STAGES[i], t), block(STAGES[i + 1], t)]);
  }

  const svg = d3.create("svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", [0, 0, width, height])
    .attr("role", "img")
    .attr("aria-label", title ?? "Chaîne de valeur")
    .attr("style", "max-width: 100%; height: auto; font: 12px var(--sans-serif, sans-serif);");
  if (description) svg.append("desc").text(description);
  svg.node().append(missing.defs);

  svg.append("g").selectAll("path").data(links).join("path")
    .attr("d", ([a, b]) => ribbon(a, b))
    .attr("fill", ([a]) => TARGET_COLORS[a.target])
    .attr("fill-opacity", ([a, b]) => (a.count && b.count ? 0.35 : 0.08))
    .append("title").text(([a, b]) => `${capitalise(a.target)} : ${a.count} → ${b.count} indicateurs renseignés (${STAGE_TITLES[a.stage]} → ${STAGE_TITLES[b.stage]})`);

  const g = svg.append("g").selectAll("g").data(blocks).join("g");
  g.append("rect")
    .attr("x", (d) => left(d.stage)).attr("y", (d) => d.y)
    .attr("width", columnWidth).attr("height", (d) => d.h)
    .attr("fill", (d) => (d.total === 0 ? missing.url : "white"))
    .attr("stroke", (d) => TARGET_COLORS[d.target]).attr("stroke-width", 1.5);
  g.append("rect")
    .attr("x", (d) => left(d.stage)).attr("y", (d) => d.y)
    .attr("width", columnWidth).attr("height", (d) => d.filled)
    .attr("fill", (d) => TARGET_COLORS[d.target]);
  g.append("text")
    .attr("x", (d) => x(d.stage)).attr("y", (d) => d.y + d.h / 2).attr("dy", "0.35em")
    .attr("text-anchor", "middle").attr("fill", "#111")
    .attr("paint-order", "stroke").attr("stroke", "white").attr("stroke-width", 2)
    .text((d) => (d.total === 0 ? "aucun" : d.h >= 14 ? `${d.count} / ${d.total}` : ""));
  g.append("title").text((d) => `${STAGE_TITLES[d.stage]} · ${d.target} : ${d.count} indicateur(s) renseigné(s) sur ${d.total} au catalogue`);

  svg.append("g").selectAll("text").data(STAGES).join("text")
    .attr("x", (s) => x(s)).attr("y", margin.top - 14).attr("text-anchor", "middle")
    .attr("font-weight", "bold").text((s) => STAGE_TITLES[s]);
  svg.append("g").selectAll("text").data(STAGES.slice(1)).join("text")
    .attr("x", (s, i) => (right(STAGES[i]) + left(s)) / 2).attr("y", height - 10)
    .attr("text-anchor", "middle").attr("fill", "#666").attr("font-size", 22).text("→");

  const legend = html`<div class="legend" aria-hidden="true">${TARGETS.map((t) => html`<span><i style="background:${TARGET_COLORS[t]}"></i>${capitalise(t)}</span>`)}
    <span><i style="background:white;border:1px solid #999"></i>au catalogue, sans valeur</span></div>`;
  return html`<figure class="flow">${title ? html`<h2>${title}</h2>` : ""}${subtitle ? html`<h3>${subtitle}</h3>` : ""}${legend}${svg.node()}</figure>`;
}

/**
 * Evaluative questions by stage: one cell per question and stage, the number of indicators
 * answering it with a value this year; cells without any indicator are hatched.
 */
export function questionStageChart(rows, {width, title, subtitle} = {}) {
  const empty = hatch({color: "#bbb", background: "#fafafa"});
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 260,
    marginLeft: 90,
    ariaLabel: title,
    ariaDescription: rows.filter((d) => d.total > 0).map((d) => `${d.question}, ${d.stage} : ${d.count} sur ${d.total}`).join(" ; "),
    x: {domain: STAGES, label: null, tickFormat: (s) => STAGE_TITLES[s], axis: "top"},
    y: {domain: QUESTIONS, label: null, tickFormat: capitalise},
    color: {type: "linear", range: [STAGE_COLORS.ressources, STAGE_COLORS.impacts], label: "Indicateurs renseignés", legend: true},
    marks: [
      () => empty.defs,
      Plot.cell(rows.filter((d) => d.total === 0), {x: "stage", y: "question", fill: empty.url, inset: 1}),
      Plot.cell(rows.filter((d) => d.total > 0), {x: "stage", y: "question", fill: "count", inset: 1, stroke: "#ccc"}),
      Plot.text(rows.filter((d) => d.total > 0), {x: "stage", y: "question", text: (d) => `${d.count} / ${d.total}`, fill: "black", stroke: "white", strokeWidth: 2, paintOrder: "stroke"})
    ]
  });
}
