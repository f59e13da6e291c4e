/**
 * The « Arrondis et valeurs masquées » section of the Méthodologie page, written from the one
 * formatter's rules (`pages/components/value_format.js` ROUNDING_RULES): the page states the
 * rules the site applies, never a copy that could drift.
 *
 * @module
 */
// @ts-types="../../tests/pages/value_format.d.ts"
import { maskedNote, ROUNDING_RULES } from "../../pages/components/value_format.js";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The section as static HTML (anchor `#arrondis`): one row per kind of unit with its rule, an
 * example and what a masked value reads, then how a 2017–2018 reference is labelled.
 *
 * @example
 * ```ts
 * roundingRulesSection(5).includes('id="arrondis"') // true
 * ```
 */
export function roundingRulesSection(threshold = 5): string {
  const rows = ROUNDING_RULES.map((r) =>
    `<tr><td>${escapeHtml(r.units)}</td><td>${escapeHtml(r.rule)}</td><td>${escapeHtml(r.example)}</td><td>${
      escapeHtml(r.masked.replace("< 5", `< ${threshold}`))
    }</td></tr>`
  ).join("\n");
  // The heading carries the id so that the side « Sommaire » lists it (Framework lists `<h2 id>`).
  return `<section class="method" data-testid="rounding-rules">
<h2 id="arrondis">Arrondis et valeurs masquées</h2>
<p>Chaque valeur d'indicateur est écrite de la même façon sur toutes les pages, avec une seule règle d'arrondi par unité du catalogue, appliquée une seule fois, à l'affichage (l'entrepôt garde la valeur exacte) : un même indicateur, pour un même périmètre et une même année, se lit partout de la même façon.</p>
<table><thead><tr><th>Unités</th><th>Arrondi</th><th>Exemple</th><th>Valeur masquée</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>${
    escapeHtml(maskedNote(threshold))
  } Une évolution qui ne peut pas être montrée le dit (« évolution masquée », « pas de valeur en 2022 »).</p>
<p>La <strong>référence 2017–2018</strong> est la moyenne des deux années : elle est nommée « moyenne 2017–2018 » partout où elle figure (ou l'année seule quand une seule était disponible), et une moyenne de personnes est arrondie à la personne, comme toute valeur de cette unité.</p>
</section>`;
}
