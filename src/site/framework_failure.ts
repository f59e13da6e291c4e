/**
 * Turns a failed Framework run into a French message. Framework runs with network access limited
 * to loopback (src/site/framework.ts): a page that needs a library the site does not ship offline
 * makes Framework try the CDN, which Deno refuses; the output then names the page and the package.
 *
 * @module
 */

/** What a failed build tried to fetch, and from which page when Framework said so. */
export interface MissingLibrary {
  /** npm package name, e.g. `leaflet` or `@observablehq/sample-datasets`. */
  library: string;
  /** Page path (`/carte`) whose imports needed it, when the output names one. */
  page?: string;
}

// Framework logs `load /page npm:name@version/+esm → …` before it fetches a package.
const LOAD_LINE = /^load (\/\S*) npm:((?:@[^/\s@]+\/)?[^/\s@]+)@/gm;
// Deno's refusal (`Requires net access to "<host>:443"`) or a failed fetch of a package URL
// (`https://<host>/npm/<name>@<version>/…`), whichever CDN or registry Framework asked.
const CDN_URL = /https?:\/\/[^/\s"]+\/(?:npm\/)?((?:@[^/\s@"]+\/)?[^/\s@"]+)@/;
const NET_REFUSED = /Requires net access to "([^"]+)"/;
// Framework colours its log (picocolors) when the environment says CI or FORCE_COLOR, even into a pipe.
// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Finds the library a failed Framework run tried to download, from its combined output.
 *
 * @example
 * ```ts
 * missingLibrary("load /carte npm:leaflet@0.0.0-hors-ligne/+esm → …\nNotCapable: Requires net access")
 * // { library: "leaflet", page: "/carte" }
 * ```
 */
export function missingLibrary(coloured: string): MissingLibrary | null {
  const output = coloured.replace(ANSI, "");
  const loads = [...output.matchAll(LOAD_LINE)];
  const refused = NET_REFUSED.test(output) || CDN_URL.test(output);
  if (!refused) return null;
  const last = loads.at(-1);
  if (last) return { library: last[2], page: last[1] };
  const url = output.match(CDN_URL);
  return url ? { library: url[1] } : { library: "" };
}

/**
 * The French explanation of a Framework run that failed because a page needs a library the site
 * does not ship offline; null for any other failure (Framework's own message then stands).
 *
 * @example
 * ```ts
 * explainFrameworkFailure("load /carte npm:leaflet@0.0.0-hors-ligne/+esm → …\nRequires net access to \"<cdn>:443\"")
 * // « La page /carte utilise la bibliothèque « leaflet », … »
 * ```
 */
export function explainFrameworkFailure(output: string): string | null {
  const missing = missingLibrary(output);
  if (!missing) return null;
  const what = missing.library ? `la bibliothèque « ${missing.library} »` : "une bibliothèque";
  const where = missing.page ? `La page ${missing.page} utilise ${what}` : `Une page utilise ${what}`;
  return `${where}, que le site ne fournit pas hors ligne : la construction s'arrête plutôt que ` +
    `de la télécharger sur Internet. Retirez-la de la page, ou installez-la pour le site ` +
    `(package.json, puis la liste VENDORED de src/site/vendor_npm.ts) et relancez.`;
}
