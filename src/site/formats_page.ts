/**
 * The page « Formats acceptés » (under *Outils de recueil*) as static Markdown and HTML, written
 * by the page loader `pages/outils/formats.md.ts` from the loader specs: the same description as
 * `deno task formats` (src/ingest/describe_formats.ts). A section per kind, a table of columns per
 * format; the tables turn into stacked cards on a phone and print without the sidebar.
 *
 * @module
 */
import type { LoaderSpec } from "../ingest/loader_spec.ts";
import {
  type ColumnDoc,
  describeFormats,
  FILE_TYPES,
  type FormatDoc,
  HEADER_RULES,
  type KindDoc,
} from "../ingest/describe_formats.ts";
import { escapeHtml } from "./methodology_page.ts";

const FRONT_MATTER = "---\ntitle: Formats acceptés\ntoc: false\n---\n";

/** « présences » → « Présences », for headings. */
export const capitalise = (text: string) => text ? text[0].toUpperCase() + text.slice(1) : text;

/** Ids without accents: Framework's link check does not match an encoded « é » in a link. */
const anchor = (kind: string) => `type-${kind.replace(/[^a-z0-9]+/gi, "-")}`;

/** One row of a format's table; `data-label` names the cell when the table is stacked. */
function columnRow(c: ColumnDoc): string {
  const aliases = c.aliases.length ? c.aliases.map((a) => `« ${escapeHtml(a)} »`).join(", ") : "—";
  return `<tr><td data-label="Nom"><strong>${escapeHtml(c.name)}</strong></td><td data-label="Obligatoire">${
    c.required ? "oui" : "non"
  }</td><td data-label="Aussi accepté">${aliases}</td><td data-label="Type">${
    escapeHtml(c.typeText)
  }</td></tr>`;
}

/** One format: its name, where its structure comes from, its columns and an example line. */
function formatBlock(kind: KindDoc, f: FormatDoc): string {
  return [
    `<div class="format" data-format="${escapeHtml(f.format)}">`,
    `<h3>${escapeHtml(capitalise(f.label))}</h3>`,
    `<p class="format-meta">Format <code>${escapeHtml(f.format)}</code> ; ${
      escapeHtml(f.structureText)
    }.</p>`,
    `<table class="columns"><caption>Colonnes de « ${escapeHtml(f.label)} » (${
      escapeHtml(kind.label)
    })</caption><thead><tr><th scope="col">Nom</th><th scope="col">Obligatoire</th><th scope="col">Aussi accepté</th><th scope="col">Type</th></tr></thead><tbody>`,
    ...f.columns.map(columnRow),
    "</tbody></table>",
    `<p class="example-title">Exemple (séparateur point-virgule) :</p>`,
    `<pre class="example"><code>${escapeHtml(f.example.header.join(";"))}&#10;${
      escapeHtml(f.example.values.join(";"))
    }</code></pre>`,
    "</div>",
  ].join("\n");
}

/** The whole page, from `loaders` (loaders/mod.ts). */
export function formatsPage(loaders: readonly LoaderSpec[]): string {
  const kinds = describeFormats(loaders, { published: true });
  const index = kinds.map((k) => `<a href="#${anchor(k.kind)}">${escapeHtml(capitalise(k.label))}</a>`).join(
    "\n",
  );
  const sections = kinds.map((k) =>
    [
      `<section class="kind" id="${anchor(k.kind)}" data-kind="${escapeHtml(k.kind)}">`,
      `<h2>${escapeHtml(capitalise(k.label))}</h2>`,
      `<p class="format-meta">Type <code>${
        escapeHtml(k.kind)
      }</code> (à donner à <code>--kind</code> pour forcer ce type).</p>`,
      ...k.formats.map((f) => formatBlock(k, f)),
      "</section>",
    ].join("\n")
  );
  const files = FILE_TYPES.map((t) =>
    `<li><strong>${escapeHtml(t.extensions)}</strong> : ${escapeHtml(t.text)}</li>`
  )
    .join("\n");
  return `${FRONT_MATTER}
# Quels fichiers l'observatoire sait-il lire ?

<p class="lede">Chaque export déposé dans <code>data/inbox/</code> est reconnu à ses colonnes. Cette page liste, pour chaque type d'export, les colonnes obligatoires et facultatives, les autres noms acceptés pour chacune et une ligne d'exemple. Elle est générée à partir des chargeurs de l'observatoire, comme la commande <code>deno task formats</code> qui affiche la même liste dans le terminal.</p>

<div class="method" data-testid="file-types">
<p><strong>Fichiers lus.</strong></p>
<ul>
${files}
</ul>
<p>${escapeHtml(HEADER_RULES)}</p>
<p>Un fichier non reconnu est refusé avec le type le plus proche et les colonnes obligatoires qui lui manquent ; les données personnelles (noms, dates de naissance, adresses) sont pseudonymisées au chargement et jamais publiées. Dans les exemples, les dates sont écrites jj/mm/aaaa.</p>
</div>

<nav class="kind-index" data-testid="kind-index" aria-label="Types d'export">
${index}
</nav>

<div data-testid="kinds">
${sections.join("\n")}
</div>

${STYLE}`;
}

const STYLE = `<style>
.lede { font-size: 1.1rem; max-width: 60rem; }
.method { border-left: 4px solid var(--theme-foreground-faint); padding: 0 1rem; max-width: 60rem; }
.kind-index { display: flex; gap: 0.5rem 1rem; flex-wrap: wrap; margin: 1rem 0; }
.kind { border-top: 1px solid var(--theme-foreground-faint); max-width: 60rem; }
.format-meta { color: var(--theme-foreground-muted); font-size: 0.9rem; }
table.columns { width: 100%; max-width: 60rem; border-collapse: collapse; font-size: 0.9rem; }
table.columns caption { text-align: left; color: var(--theme-foreground-muted); font-size: 0.85rem; }
table.columns td, table.columns th { vertical-align: top; overflow-wrap: anywhere; }
table.columns th { overflow-wrap: normal; white-space: nowrap; }
pre.example { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; max-width: 60rem; }
@media (max-width: 640px) {
  table.columns thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.columns tr { display: block; border-bottom: 1px solid var(--theme-foreground-faint); padding: 0.4rem 0; }
  table.columns td { display: block; border: none; padding: 0.1rem 0; }
  table.columns td::before { content: attr(data-label) " : "; color: var(--theme-foreground-muted); }
}
@media print {
  #observablehq-sidebar, #observablehq-sidebar-toggle, .kind-index { display: none !important; }
  .format { break-inside: avoid; }
  table.columns { font-size: 9pt; }
}
</style>
`;

/** The page loader's work: the page on standard output. */
export async function printFormatsPage(loaders: readonly LoaderSpec[]): Promise<void> {
  const bytes = new TextEncoder().encode(formatsPage(loaders));
  for (let written = 0; written < bytes.length;) written += await Deno.stdout.write(bytes.subarray(written));
}
