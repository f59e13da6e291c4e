// The notice of a page whose data has not been received yet: what is missing, what to load and
// where, in French. While a whole-page notice is on a page, the page shows only its title and this
// notice (see `.empty-state-page` in style.css): figures of an empty warehouse would only be
// dashes and zeros. A notice with `page: false` says what one part of the page lacks.
import {html} from "npm:htl";

/**
 * @param {{missing: string, load: string, folder?: string, note?: string, quality?: boolean, page?: boolean}} options
 *   `missing`: what has not been received (« Aucune donnée de présence reçue ») ;
 *   `load`: the exports to drop (« les exports de présences Noethys… ») ;
 *   `folder`: where (default `data/inbox/<structure>/`) ; `note`: one more sentence ;
 *   `quality`: link the data-quality page (not on that page itself) ;
 *   `page`: the page has nothing else to show (default), or `false` for a part of it.
 */
export function emptyState({missing, load, folder = "data/inbox/<structure>/", note = "", quality = true, page = true}) {
  return html`<div class=${page ? "empty-state empty-state-page" : "empty-state"} role="status" data-testid="empty-state">
  <p><strong>${missing}</strong> : déposez ${load} dans <code>${folder}</code>, puis lancez <code>deno task build</code> (ou <code>deno task ingest data/inbox</code> pendant que <code>deno task dev</code> tourne) ; cette page se remplit alors.</p>
  <p>${note ? `${note} ` : ""}Le dossier de chaque structure porte son identifiant : <code>ors</code>, <code>saint-nicolas</code>, <code>noel-guichard</code> et <code>accorderie</code> pour La Coopération (leur registre est livré avec l'observatoire) ; une autre structure s'ajoute au registre <code>structures.csv</code>, à la racine de <code>data/inbox/</code>. ${quality ? html`La page <a href="./qualite">Qualité des données</a> dit ce qui a été reçu et refusé.` : ""}</p>
</div>`;
}
