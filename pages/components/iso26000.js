// Charts of the « ISO 26000 » page: the self-assessment matrix (relevance × maturity), maturity
// per domain between two assessments, and maturity per core subject.
import * as Plot from "npm:@observablehq/plot";
import {hatch, MUTED_TEXT_COLOR, structureColor} from "./palette.js";

const decimal = new Intl.NumberFormat("fr-FR", {minimumFractionDigits: 1, maximumFractionDigits: 2});

/** Relevance levels of the self-assessment (0 = not relevant). */
export const RELEVANCE_LABELS = ["non pertinent", "faible", "moyenne", "forte"];
/** Maturity levels, 1 to 4 (4 = the most advanced). */
export const MATURITY_LABELS = {1: "1 · premiers pas", 2: "2 · en progrès", 3: "3 · maîtrisé", 4: "4 · exemplaire"};

/** « 2,5 » for a maturity, « — » when missing. */
export function formatMaturity(value) {
  return value == null ? "—" : decimal.format(value);
}

/**
 * The matrix of one structure and year: relevance (columns) × maturity (rows); each cell lists
 * the domains' codes. Domains judged not relevant have no maturity: they sit in a hatched column.
 *
 * @param {{code: string, relevance: number, maturity: number|null}[]} rows
 */
export function isoMatrixChart(rows, {width, title, subtitle, domainName = (c) => c} = {}) {
  const none = hatch({color: "#bbb", background: "#fafafa"});
  const rowOf = (d) => (d.maturity == null ? "sans objet" : MATURITY_LABELS[d.maturity]);
  const yDomain = [MATURITY_LABELS[4], MATURITY_LABELS[3], MATURITY_LABELS[2], MATURITY_LABELS[1], "sans objet"];
  const groups = new Map();
  for (const d of rows) {
    const key = `${d.relevance}|${rowOf(d)}`;
    if (!groups.has(key)) groups.set(key, {relevance: RELEVANCE_LABELS[d.relevance], maturity: rowOf(d), priority: d.relevance * (5 - (d.maturity ?? 5)), codes: []});
    groups.get(key).codes.push(d.code);
  }
  const cells = [...groups.values()];
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 330,
    marginLeft: 120,
    ariaLabel: title,
    ariaDescription: rows.map((d) => `${d.code} ${domainName(d.code)} : pertinence ${RELEVANCE_LABELS[d.relevance]}, maturité ${d.maturity ?? "sans objet"}`).join(" ; "),
    x: {domain: RELEVANCE_LABELS, label: "Pertinence pour la structure →", axis: "top"},
    y: {domain: yDomain, label: "Maturité"},
    color: {type: "linear", domain: [0, 9], range: ["#f7fbff", "#D55E00"], label: "Priorité (forte pertinence, faible maturité)", legend: true},
    marks: [
      () => none.defs,
      Plot.cell(RELEVANCE_LABELS.slice(1).flatMap((r) => yDomain.slice(4).map((m) => ({r, m}))), {x: "r", y: "m", fill: none.url, inset: 1}),
      Plot.cell(cells, {x: "relevance", y: "maturity", fill: "priority", inset: 1, stroke: "#ccc"}),
      Plot.text(cells, {x: "relevance", y: "maturity", text: (d) => d.codes.join("\n"), lineHeight: 1.1, fontSize: 11, fill: "black", stroke: "white", strokeWidth: 3, paintOrder: "stroke",
        title: (d) => d.codes.map((c) => `${c} ${domainName(c)}`).join("\n")})
    ]
  });
}

/**
 * Maturity per domain at two assessments: an arrow from the first to the second; a domain not
 * relevant in one of them shows a single dot.
 *
 * @param {{code: string, label: string, before: number|null, after: number|null}[]} rows
 */
export function isoDomainsChart(rows, {width, title, subtitle, color = "#333", years = ["", ""]} = {}) {
  const both = rows.filter((d) => d.before != null && d.after != null);
  return Plot.plot({
    title,
    subtitle,
    width,
    height: 26 * rows.length + 60,
    marginLeft: Math.min(360, width / 2.2),
    ariaLabel: title,
    ariaDescription: rows.map((d) => `${d.label} : ${formatMaturity(d.before)} en ${years[0]}, ${formatMaturity(d.after)} en ${years[1]}`).join(" ; "),
    x: {domain: [0.8, 4.2], ticks: [1, 2, 3, 4], tickFormat: String, label: "Maturité (1 à 4) →", grid: true},
    y: {domain: rows.map((d) => d.label), label: null},
    marks: [
      Plot.dot(rows.filter((d) => d.before != null), {y: "label", x: "before", r: 4, stroke: color, fill: "white", title: (d) => `${d.label}\n${years[0]} : ${d.before}`}),
      Plot.arrow(both.filter((d) => d.after !== d.before), {y: "label", x1: "before", x2: "after", stroke: color, strokeWidth: 2, headLength: 7, inset: 5}),
      Plot.dot(rows.filter((d) => d.after != null), {y: "label", x: "after", r: 4, fill: color, title: (d) => `${d.label}\n${years[1]} : ${d.after}`}),
      Plot.text(rows.filter((d) => d.before == null && d.after == null), {y: "label", x: 1, text: () => "non pertinent", textAnchor: "start", fill: MUTED_TEXT_COLOR, fontStyle: "italic"})
    ]
  });
}

/**
 * Maturity per core subject (weighted by relevance) for several scopes at two assessments:
 * hollow dot for the first, filled dot and arrow for the second; one colour per structure.
 *
 * @param {{scope: string, name: string, subject: string, before: number|null, after: number|null}[]} rows
 */
export function isoSubjectsChart(rows, {width, title, subtitle, years = ["", ""], subjects} = {}) {
  const names = [...new Map(rows.map((d) => [d.name, d.scope])).entries()];
  const empty = rows.filter((d) => d.before == null && d.after == null && d.scope === rows[0]?.scope);
  return Plot.plot({
    title,
    subtitle,
    width,
    height: subjects.length * (names.length * 16 + 18) + 70,
    marginLeft: 250,
    ariaLabel: title,
    ariaDescription: rows.map((d) => `${d.name}, ${d.subject} : ${formatMaturity(d.before)} en ${years[0]}, ${formatMaturity(d.after)} en ${years[1]}`).join(" ; "),
    x: {domain: [0.8, 4.2], ticks: [1, 2, 3, 4], tickFormat: String, label: "Maturité moyenne pondérée par la pertinence (1 à 4) →", grid: true},
    y: {domain: names.map(([n]) => n), axis: null},
    fy: {domain: subjects, label: null, axis: "left"},
    color: {domain: names.map(([n]) => n), range: names.map(([, id]) => structureColor(id)), legend: true},
    marks: [
      Plot.frame({anchor: "bottom", stroke: "#ddd"}),
      Plot.dot(rows.filter((d) => d.before != null), {fy: "subject", y: "name", x: "before", stroke: "name", fill: "white", r: 4}),
      Plot.arrow(rows.filter((d) => d.before != null && d.after != null && d.before !== d.after), {fy: "subject", y1: "name", y2: "name", x1: "before", x2: "after", stroke: "name", headLength: 6, inset: 4}),
      Plot.dot(rows.filter((d) => d.after != null), {fy: "subject", y: "name", x: "after", fill: "name", r: 4.5, title: (d) => `${d.name}, ${d.subject}\n${years[0]} : ${formatMaturity(d.before)} → ${years[1]} : ${formatMaturity(d.after)}`}),
      Plot.text(empty, {fy: "subject", y: "name", x: 1, text: () => "aucun domaine jugé pertinent", textAnchor: "start", fill: MUTED_TEXT_COLOR, fontStyle: "italic"})
    ]
  });
}
