/**
 * The « Méthodologie » page as static Markdown and HTML, written by the page loader
 * `pages/methodologie.md.ts` from the published `methodologie.json` (src/site/publish_methodology.ts).
 * Every indicator entry is in the built page itself: its `#id` anchor exists for links from the
 * other pages (and Framework's link check), its definition is in the site search index, and the
 * page reads and prints without JavaScript.
 *
 * Framework reads the output as Markdown: every text is HTML-escaped, `$` and `\` included (a
 * `${…}` would become a live expression), and the entries hold no blank line (a blank line ends
 * an HTML block; the SQL's line breaks are written `&#10;`).
 *
 * @module
 */
import { join } from "node:path";
import { DIRECTION_LABELS, STAGE_TITLES, STAGES } from "../../pages/components/indicators.js";
import { DIMENSION_COLORS, TARGET_COLORS } from "../../pages/components/palette.js";
import { roundingRulesSection } from "./rounding_rules_section.ts";
import { pageDataDir } from "../paths.ts";
import { glossaryAnchor, type GlossaryEntry } from "./glossary.ts";

/** What values say about one indicator (null when it has none). */
export interface MethodologyCoverage {
  first_year: number;
  last_year: number;
  /** Values computed (scopes × years). */
  values: number;
  complete: number;
  /** Values hidden « < threshold ». */
  hidden: number;
  /** Structures with at least one value. */
  structures: number;
}

/** One indicator as published in methodologie.json. */
export interface MethodologyIndicator {
  id: string;
  label: string;
  definition: string;
  unit: string;
  stage: string;
  dimension: string | null;
  target: string | null;
  question: string | null;
  iso_subject: string | null;
  iso_issue: string | null;
  direction: string;
  disclosure: string;
  sources: string[];
  source_labels: string[];
  sql_file: string;
  sql: string | null;
  coverage: MethodologyCoverage | null;
  issues: string[];
}

/** The content of methodologie.json. */
export interface MethodologyData {
  threshold: number;
  baselineYears: number[];
  indicators: MethodologyIndicator[];
  /** The glossary of the terms used on the pages (absent from data published before it). */
  glossary?: GlossaryEntry[];
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "$": "&#36;",
  "\\": "&#92;",
  "`": "&#96;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * Text or attribute value safe in HTML read by Framework as Markdown: markup characters, `$`,
 * `\` and backquotes as character references, line breaks as `&#10;` (shown as such in `<pre>`,
 * as a space elsewhere).
 *
 * @example
 * ```ts
 * escapeHtml("a < b && ${x}") // "a &lt; b &amp;&amp; &#36;{x}"
 * ```
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"$\\`\n\r]/g, (c) => ENTITIES[c]);
}

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const capitalise = (text: string) => text ? text[0].toUpperCase() + text.slice(1) : text;
const plural = (n: number, word: string) => `${integer.format(n)} ${word}${n > 1 ? "s" : ""}`;

/** The disclosure rule of an indicator, in words. */
export function disclosureText(disclosure: string, threshold: number): string {
  const rules: Record<string, string> = {
    effectif_personnes: `effectif de personnes : une valeur de 1 à ${
      threshold - 1
    } est affichée « < ${threshold} »`,
    taux_personnes:
      `part de personnes : masquée quand moins de ${threshold} personnes sont concernées, ou quand le numérateur ou le reste compte de 1 à ${
        threshold - 1
      } personnes`,
    moyenne_personnes:
      `moyenne sur des personnes : masquée quand elle porte sur moins de ${threshold} personnes`,
    montant: "montant d'une organisation : toujours publié",
    aucune: "actions, heures ou ratios d'organisations : toujours publiés",
  };
  return rules[disclosure] ?? disclosure;
}

/** What the current values say about an indicator: years, completeness, hidden values, issues. */
export function caveats(x: MethodologyIndicator, data: MethodologyData): string[] {
  const c = x.coverage;
  const out: string[] = [];
  if (!c) out.push("Aucune valeur calculée sur les données actuelles (source non reçue).");
  else {
    const partial = c.values - c.complete;
    out.push(
      `Valeurs de ${c.first_year} à ${c.last_year} : ${
        integer.format(c.values)
      } valeurs (périmètres × années), dont ${integer.format(c.complete)} complètes${
        partial ? ` et ${integer.format(partial)} partielles` : ""
      }${c.hidden ? ` ; ${integer.format(c.hidden)} masquées « < ${data.threshold} »` : ""} ; ${
        plural(c.structures, "structure")
      } ${c.structures > 1 ? "concernées" : "concernée"}.`,
    );
    const lastBaseline = Math.max(...data.baselineYears);
    if (c.first_year > lastBaseline) {
      out.push(`Pas de valeur en ${data.baselineYears.join(" ou ")} : pas de comparaison à la référence.`);
    }
  }
  return [...out, ...x.issues];
}

/** « question centrale 6.8, domaine d'action 6.8.9 », or « — ». */
function isoText(x: MethodologyIndicator): string {
  const parts = [
    x.iso_subject ? `question centrale ${x.iso_subject}` : null,
    x.iso_issue ? `domaine d'action ${x.iso_issue}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "—";
}

/** A coloured square and the capitalised name, or « — ». */
function swatch(name: string | null, colors: Record<string, string>): string {
  if (!name) return "—";
  const color = colors[name];
  const square = color ? `<i class="sq" style="background:${escapeHtml(color)}"></i>` : "";
  return `${square}${escapeHtml(capitalise(name))}`;
}

/** One indicator's entry: a single HTML block (no blank line), its id the link target. */
export function indicatorEntry(x: MethodologyIndicator, data: MethodologyData): string {
  const id = escapeHtml(x.id);
  const stageTitle = (STAGE_TITLES as Record<string, string>)[x.stage] ?? x.stage;
  const direction = (DIRECTION_LABELS as Record<string, string>)[x.direction] ?? x.direction;
  const row = (term: string, value: string) => `<dt>${term}</dt><dd>${value}</dd>`;
  return [
    `<article class="indicator" id="${id}" data-indicator="${id}">`,
    `<h3>${escapeHtml(x.label)} <a class="anchor" href="#${id}" title="Lien vers cet indicateur">#</a></h3>`,
    `<p class="definition">${escapeHtml(x.definition)}</p>`,
    "<dl>",
    row("Identifiant", `<code>${id}</code>`),
    row("Unité", escapeHtml(x.unit)),
    row("Étape", escapeHtml(stageTitle)),
    row("Dimension", swatch(x.dimension, DIMENSION_COLORS)),
    row("Cible FONDA", swatch(x.target, TARGET_COLORS)),
    row("Question évaluative", x.question ? escapeHtml(capitalise(x.question)) : "—"),
    row("ISO 26000", escapeHtml(isoText(x))),
    row("Sens", escapeHtml(direction)),
    row("Diffusion", escapeHtml(disclosureText(x.disclosure, data.threshold))),
    row(
      "Sources",
      `${escapeHtml(x.source_labels.join(" ; "))} <span class="card-note">(tables de l'entrepôt : ${
        x.sources.map((s) => `<code>${escapeHtml(s)}</code>`).join(", ")
      })</span>`,
    ),
    "</dl>",
    `<details class="sql"><summary>Formule (requête SQL, <code>data/indicators/sql/${
      escapeHtml(x.sql_file)
    }</code>)</summary><pre><code>${escapeHtml(x.sql ?? "fichier introuvable")}</code></pre></details>`,
    `<ul class="caveats">${caveats(x, data).map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul>`,
    "</article>",
  ].join("\n");
}

/** The indicators by stage of the value chain, in catalogue order within each stage. */
function byStage(data: MethodologyData): [string, MethodologyIndicator[]][] {
  const known = STAGES as string[];
  const others = [...new Set(data.indicators.map((x) => x.stage).filter((s) => !known.includes(s)))];
  return [...known, ...others].map((s) => [s, data.indicators.filter((x) => x.stage === s)]);
}

// The side table of contents (« Sommaire », observablehq.config.ts) lists the `<h2 id>` of the
// page: the common rules, the glossary and the five stages.
const FRONT_MATTER = "---\ntitle: Méthodologie\n---\n";

/**
 * The « Glossaire » section: one entry a term, its anchor `#glossaire-<id>` the target of the
 * pages' links (pages/components/glossary.js), with its scale and how to read a value, and a
 * link to the indicator it describes.
 */
export function glossarySection(terms: GlossaryEntry[], indicatorIds: Set<string>): string {
  if (!terms.length) return "";
  const entry = (t: GlossaryEntry) => {
    const id = escapeHtml(glossaryAnchor(t.id));
    const parts = [
      `<div class="term" id="${id}" data-term="${escapeHtml(t.id)}">`,
      `<dt>${escapeHtml(t.term)} <a class="anchor" href="#${id}" title="Lien vers ce terme">#</a></dt>`,
      `<dd><p>${escapeHtml(t.definition)}</p>`,
      t.scale ? `<p><strong>Échelle :</strong> ${escapeHtml(t.scale)}.</p>` : "",
      t.reading ? `<p><strong>Lecture :</strong> ${escapeHtml(t.reading)}</p>` : "",
      t.indicator && indicatorIds.has(t.indicator)
        ? `<p><a href="#${escapeHtml(t.indicator)}">Calcul de l'indicateur</a></p>`
        : "",
      "</dd></div>",
    ];
    return parts.filter(Boolean).join("");
  };
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, "fr", { sensitivity: "base" }));
  return [
    `<section class="glossary" data-testid="glossary"><h2 id="glossaire">Glossaire</h2>`,
    `<p class="card-note">Les termes des pages, dans l'ordre alphabétique : ce qu'ils désignent, leur échelle et comment lire une valeur. Sur les pages, un terme souligné en pointillé mène ici.</p>`,
    `<dl class="glossary-list">`,
    ...sorted.map(entry),
    "</dl></section>",
  ].join("\n");
}

/** The whole page (Markdown with static HTML), from the published data. */
export function methodologyPage(data: MethodologyData, dataFile = "methodologie.json"): string {
  const stages = byStage(data);
  const title = (s: string) => escapeHtml((STAGE_TITLES as Record<string, string>)[s] ?? s);
  // Ids without accents: Framework's link check does not match an encoded « é » in a link.
  const stageId = (s: string) => escapeHtml(`etape-${s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")}`);
  const index = stages.map(([s, xs]) => `<a href="#${stageId(s)}">${title(s)} (${xs.length})</a>`).join("\n");
  const entries = stages.map(([s, xs]) =>
    [
      `<section class="stage"><h2 id="${stageId(s)}">${title(s)}</h2>`,
      ...xs.map((x) => indicatorEntry(x, data)),
      "</section>",
    ].join("\n")
  );
  const years = data.baselineYears.join(" et ");
  return `${FRONT_MATTER}
# Comment chaque indicateur est-il défini et calculé ?

<p class="lede" data-testid="lede">L'observatoire calcule <strong>${data.indicators.length}</strong> indicateurs, chacun décrit ci-dessous tel qu'il figure dans le catalogue des indicateurs de l'observatoire : définition, unité, place dans la chaîne de valeur, dimension du socle commun, cible et question évaluative, références ISO 26000, sens de lecture, règle de confidentialité, sources et requête de calcul.</p>

<nav class="stage-index" data-testid="stage-index">
<a href="#regles-communes">Règles communes</a>
<a href="#arrondis">Arrondis</a>
${
    data.glossary?.length
      ? `<a href="#glossaire">Glossaire (${data.glossary.length} termes)</a>\n`
      : ""
  }${index}
</nav>

<h2 id="regles-communes">Règles communes</h2>

<div class="method" data-testid="general-rules">

*Niveaux* : chaque structure, La Coopération (les 4 structures), le cluster (structures du cluster ou d'une commune de Valence Romans Agglo) et le département, pour chaque année ; une personne venue dans deux structures compte une fois au-dessus de la structure (les effectifs ne sont jamais additionnés). *Données manquantes* : une structure qui n'a pas envoyé la source d'un indicateur n'a pas de valeur (jamais 0) ; une valeur au-dessus de la structure est *complète* quand toutes les structures du périmètre ont envoyé toutes les sources requises cette année-là. *Référence* : la moyenne des années ${years} disponibles ; l'écart d'une année suivante est lu dans le sens de l'indicateur (amélioration, dégradation, stable ; sans objet pour un indicateur neutre) ; la référence est masquée si l'une de ses années l'est. *Confidentialité* : seuil de ${data.threshold} personnes.

</div>

${roundingRulesSection(data.threshold)}
${glossarySection(data.glossary ?? [], new Set(data.indicators.map((x) => x.id)))}

<div data-testid="indicators">
${entries.join("\n")}
</div>

<p class="source" data-testid="sources">Source : catalogue des indicateurs de l'observatoire (fichier <code>data/indicators/catalogue.csv</code> et requêtes <code>data/indicators/sql/</code>, pour l'équipe technique) tel que chargé dans l'entrepôt ; couverture calculée sur les valeurs publiées des indicateurs. Les mêmes informations au format JSON : <a href="./data/generated/${
    escapeHtml(dataFile)
  }" download>${escapeHtml(dataFile)}</a>.</p>

${STYLE}`;
}

/** The page while the pipeline has not published its data yet. */
export function methodologyPagePending(): string {
  return `${FRONT_MATTER}
# Comment chaque indicateur est-il défini et calculé ?

<p class="lede" data-testid="lede">Les définitions des indicateurs ne sont pas encore publiées : lancez <code>deno task build</code> ou <code>deno task dev</code>, qui chargent les données puis publient cette page.</p>
`;
}

const STYLE = `<style>
.lede { font-size: 1.1rem; max-width: 60rem; }
.card-note { color: var(--theme-foreground-muted); font-size: 0.85rem; }
.method { border-left: 4px solid var(--theme-foreground-faint); padding: 0 1rem; max-width: 60rem; }
.source { font-size: 0.85rem; color: var(--theme-foreground-muted); }
.stage-index { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.indicator { border-top: 1px solid var(--theme-foreground-faint); padding: 0.5rem 0 1rem; max-width: 60rem; scroll-margin-top: 1rem; }
.indicator:target { background: var(--theme-background-alt); }
.indicator h3 { margin-bottom: 0.25rem; }
.indicator .anchor { color: var(--theme-foreground-faint); text-decoration: none; font-weight: normal; }
.indicator dl { display: grid; grid-template-columns: 11rem 1fr; gap: 0.15rem 1rem; font-size: 0.9rem; margin: 0.5rem 0; }
.indicator dt { color: var(--theme-foreground-muted); }
.indicator dd { margin: 0; }
.indicator .sq { display: inline-block; width: 10px; height: 10px; margin-right: 5px; }
.indicator pre { white-space: pre-wrap; font-size: 0.8rem; max-width: 60rem; }
.caveats { font-size: 0.85rem; color: var(--theme-foreground-muted); }
.glossary-list { max-width: 60rem; margin: 0.5rem 0; }
.glossary-list .term { border-top: 1px solid var(--theme-foreground-faint); padding: 0.4rem 0; scroll-margin-top: 1rem; }
.glossary-list .term:target { background: var(--theme-background-alt); }
.glossary-list dt { font-weight: 600; }
.glossary-list dd { margin: 0; font-size: 0.9rem; }
.glossary-list dd p { margin: 0.15rem 0; }
.indicator dt, .indicator dd, .glossary-list dd { min-width: 0; overflow-wrap: anywhere; }
.indicator pre { overflow-x: auto; overflow-wrap: anywhere; }
.indicator details.sql { max-width: 100%; overflow: hidden; }
/* On a phone, each fact under its name: nothing wider than the screen. */
@media (max-width: 600px) {
  .indicator dl { grid-template-columns: minmax(0, 1fr); }
  .indicator dt { margin-top: 0.3rem; }
}
/* Two columns of facts a row on a wide screen: the entries are half as tall. */
@media (min-width: 900px) {
  .indicator dl { grid-template-columns: 9rem 1fr 9rem 1fr; }
}
@media print {
  #observablehq-sidebar, #observablehq-sidebar-toggle, .stage-index { display: none !important; }
  details.sql { display: block; }
  .indicator { break-inside: avoid; }
  .stage { break-before: page; }
}
</style>
`;

/**
 * Reads the published data, retrying while the pipeline is writing it (the dev server may run
 * the loader as soon as the file changes); null when it has never been published.
 */
export async function readMethodologyData(
  file = join(pageDataDir(), "methodologie.json"),
  attempts = 10,
): Promise<MethodologyData | null> {
  for (let i = 1;; i++) {
    let text: string;
    try {
      text = await Deno.readTextFile(file);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return null;
      throw error;
    }
    try {
      return JSON.parse(text) as MethodologyData;
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The page loader's work: the page on standard output. */
export async function printMethodologyPage(): Promise<void> {
  const data = await readMethodologyData();
  const page = data ? methodologyPage(data) : methodologyPagePending();
  const bytes = new TextEncoder().encode(page);
  for (let written = 0; written < bytes.length;) written += await Deno.stdout.write(bytes.subarray(written));
}
