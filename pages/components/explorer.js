// The Explorateur's building blocks: a SQL editor, the query run on the published marts in
// DuckDB-wasm (offline), French error messages, and a quick chart from the first two columns.
import * as Plot from "npm:@observablehq/plot";
import {frLocale} from "./format.js";

const integer = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 0});

/**
 * A SQL editor: a labelled text area and a « Lancer la requête » button (or Ctrl+Entrée).
 * Its `value` is the submitted query; an `input` event is sent on each run, for `view()`.
 */
export function sqlEditor(initial) {
  const form = document.createElement("form");
  form.className = "sql-editor";
  form.setAttribute("aria-label", "Requête SQL");
  const label = document.createElement("label");
  label.htmlFor = "explorateur-sql";
  label.textContent = "Requête SQL sur les tables publiées";
  const area = document.createElement("textarea");
  area.id = "explorateur-sql";
  area.name = "sql";
  area.rows = 6;
  area.spellcheck = false;
  area.value = initial;
  area.setAttribute("aria-describedby", "explorateur-aide");
  const help = document.createElement("p");
  help.id = "explorateur-aide";
  help.className = "help";
  help.textContent = "Ctrl + Entrée lance la requête. Les résultats restent dans ce navigateur.";
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Lancer la requête";
  form.append(label, area, help, button);
  form.value = initial;
  // Typing must not re-run the query: only a submit announces a new value to view().
  area.addEventListener("input", (event) => event.stopPropagation());
  form.onsubmit = (event) => {
    event.preventDefault();
    form.value = area.value;
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  area.onkeydown = (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  };
  return form;
}

/** An Arrow field's type, in the catalogue's words. */
function fieldKind(type) {
  const name = String(type);
  if (/^(Int|Uint)/.test(name)) return "INTEGER";
  if (/^Float|^Decimal/.test(name)) return "DOUBLE";
  if (/^Bool/.test(name)) return "BOOLEAN";
  if (/^Date|^Timestamp/.test(name)) return "DATE";
  return "VARCHAR";
}

function jsValue(value, kind) {
  if (value == null) return null;
  if (kind === "DATE") return value instanceof Date ? value : new Date(value);
  if (typeof value === "bigint") return Number(value);
  if (kind === "VARCHAR" && typeof value === "object") return JSON.stringify(value);
  return value;
}

/** DuckDB's English error, in a French sentence with a hint when the cause is a common one. */
export function frenchError(error) {
  const message = String(error?.message ?? error).replace(/^Error:\s*/, "");
  const hints = [
    [/Catalog Error: Table with name (\S+) does not exist/i, (m) => `La table ${m[1]} n'existe pas parmi les tables publiées (voir la liste ci-dessous).`],
    [/Referenced column "?([^"\s]+)"? not found/i, (m) => `La colonne « ${m[1]} » n'existe pas dans cette table (voir ses colonnes dans le catalogue).`],
    [/Parser Error: syntax error at or near "([^"]*)"/i, (m) => `Erreur de syntaxe près de « ${m[1]} ».`],
    [/Parser Error: syntax error at end of input/i, () => "La requête semble incomplète."],
    [/must appear in the GROUP BY clause/i, () => "Une colonne affichée doit figurer dans GROUP BY ou dans une fonction d'agrégat (sum, count…)."],
    [/No function matches/i, () => "Cette fonction n'existe pas ou ne prend pas ces types d'arguments."],
    [/enable_external_access|external access/i, () => "Le carnet ne peut lire que les tables publiées : aucun fichier ni adresse extérieure."],
    [/Conversion Error/i, () => "Une valeur n'a pas pu être convertie dans le type demandé."]
  ];
  for (const [pattern, explain] of hints) {
    const match = pattern.exec(message);
    if (match) return {summary: explain(match), detail: message};
  }
  return {summary: "DuckDB n'a pas pu exécuter la requête.", detail: message};
}

/**
 * Runs `sql` on `db` (a DuckDBClient). Returns `{rows, columns, ms}` (rows as plain objects,
 * at most `limit`, with `total` the full count) or `{error}` with a French summary.
 */
export async function runQuery(db, sql, {limit = 10000} = {}) {
  const text = sql.trim().replace(/;\s*$/, "");
  if (!text) return {error: {summary: "Écrivez une requête, par exemple SELECT * FROM structures.", detail: ""}};
  const start = performance.now();
  try {
    const table = await db.query(text);
    const ms = performance.now() - start;
    const columns = table.schema.fields.map((f) => ({name: f.name, type: fieldKind(f.type)}));
    const total = table.numRows;
    const rows = [];
    const n = Math.min(total, limit);
    const vectors = columns.map((c) => table.getChild(c.name));
    for (let i = 0; i < n; i++) {
      const row = {};
      columns.forEach((c, j) => (row[c.name] = jsValue(vectors[j]?.get(i), c.type)));
      rows.push(row);
    }
    return {rows, columns, total, ms};
  } catch (error) {
    return {error: frenchError(error), ms: performance.now() - start};
  }
}

/** « 1 234 lignes », « 1 ligne ». */
export function rowCount(n) {
  return `${integer.format(n)} ligne${n > 1 ? "s" : ""}`;
}

const isTimeLike = (c, rows) =>
  c.type === "DATE" || (c.type === "INTEGER" && /^(year|annee|année|an)$/i.test(c.name)) ||
  (c.type === "VARCHAR" && rows.length > 0 && rows.every((r) => r[c.name] == null || /^\d{4}(-\d{2})?(-\d{2})?$/.test(r[c.name])));

/**
 * A quick chart of a result: the first column on x, the second (a number) on y. A date, a year or
 * a `2024-03` text gives a line; anything else gives bars (the first 40 rows). Returns a figure
 * with a caption and an aria-label, or a short French message when no chart fits.
 */
export function quickChart({rows, columns}, {width = 640, labels = {}} = {}) {
  const figure = document.createElement("figure");
  figure.className = "quick-chart";
  const note = (text) => {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = text;
    return p;
  };
  if (!columns || columns.length < 2 || rows.length === 0) {
    figure.append(note("Pas de graphique : il faut au moins deux colonnes et une ligne."));
    return figure;
  }
  const [x, y] = columns;
  // Axis labels and title in French (the dictionary's words), not the SQL names.
  const nameOf = (c) => labels[c.name] ?? c.name;
  if (y.type !== "INTEGER" && y.type !== "DOUBLE") {
    figure.append(note(`Pas de graphique : la deuxième colonne (« ${nameOf(y)} ») n'est pas numérique.`));
    return figure;
  }
  const line = isTimeLike(x, rows);
  const data = rows.filter((r) => r[y.name] != null).slice(0, line ? rows.length : 40).map((r) => ({
    x: line && x.type === "VARCHAR" ? new Date(`${r[x.name]}${String(r[x.name]).length === 4 ? "-01-01" : String(r[x.name]).length === 7 ? "-01" : ""}T00:00:00Z`) : r[x.name],
    y: r[y.name]
  }));
  const hidden = rows.length - rows.filter((r) => r[y.name] != null).length;
  const kind = line ? "Courbe" : "Barres";
  const title = `${kind} : ${nameOf(y)} selon ${nameOf(x)}`;
  const format = frLocale.format(",~r");
  const chart = Plot.plot({
    width,
    height: 300,
    marginLeft: 70,
    marginBottom: line ? 30 : 60,
    ariaLabel: title,
    ariaDescription: data.slice(0, 20).map((d) => `${d.x instanceof Date ? d.x.toISOString().slice(0, 10) : d.x} : ${format(d.y)}`).join(" ; "),
    // Years on x: whole years only (no « 2017.5 »), never grouped (« 2017 », not « 2 017 »).
    x: line ? {label: nameOf(x), ...(x.type === "INTEGER" ? {tickFormat: (d) => Number.isInteger(d) ? String(d) : "", ...(data.length <= 15 ? {ticks: [...new Set(data.map((d) => d.x))]} : {})} : {type: "utc"})} : {label: nameOf(x), tickRotate: data.length > 8 ? -30 : 0, type: "band"},
    y: {label: nameOf(y), grid: true, tickFormat: format},
    marks: line
      ? [Plot.lineY(data, {x: "x", y: "y", stroke: "#0072B2", marker: "circle-stroke"}), Plot.ruleY([0])]
      : [Plot.barY(data, {x: "x", y: "y", fill: "#0072B2", tip: true}), Plot.ruleY([0])]
  });
  const caption = document.createElement("figcaption");
  caption.textContent = `${title}${!line && rows.length > 40 ? " (40 premières lignes)" : ""}${hidden ? ` ; ${rowCount(hidden)} sans valeur (masquée ou manquante) non tracée${hidden > 1 ? "s" : ""}` : ""}.`;
  figure.append(chart, caption);
  return figure;
}

/** Columns that hold years (« year », « annee », « first_year »…): shown as « 2017 », not « 2 017 ». */
export function yearFormats(columns) {
  return Object.fromEntries((columns ?? []).filter((c) => c.type === "INTEGER" && /(^|_)(year|annee|année)$|^(year|annee|année)_/i.test(c.name))
    .map((c) => [c.name, (v) => v == null ? "" : String(v)]));
}

/**
 * French column headers for a result, from the published-table dictionary (marts.json): `year`
 * reads « Année », `visits` « Passages ». A column the dictionary does not know (an alias written
 * in the query) keeps its name, underscores read as spaces.
 */
export function columnLabels(columns, catalogue) {
  const known = new Map();
  for (const t of catalogue?.tables ?? []) for (const c of t.columns) if (!known.has(c.name)) known.set(c.name, c.description);
  return Object.fromEntries((columns ?? []).map((c) => {
    const description = known.get(c.name);
    const label = description ? description[0].toUpperCase() + description.slice(1) : c.name.replace(/_/g, " ");
    return [c.name, label];
  }));
}

/**
 * A text of the table dictionary with its identifiers (table names, column names, coded values such
 * as « plus_est_mieux ») set as code: what the officer types in a query, shown as such.
 */
export function withCode(text) {
  const span = document.createElement("span");
  for (const part of String(text ?? "").split(/(\b[a-z][a-z0-9]*_[a-z0-9_]+\b)/)) {
    if (/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(part)) {
      const code = document.createElement("code");
      code.textContent = part;
      span.append(code);
    } else span.append(part);
  }
  return span;
}
