/**
 * The footer every page carries: who the site is for, the disclosure rule, and when its data was
 * last loaded and from how many exports (read from the home page's data, `accueil.json`, that the
 * pipeline writes before each build). Each page's own « Source » lines say which exports.
 *
 * @module
 */
import { join } from "node:path";
import { pageDataDir } from "../paths.ts";

const BASE =
  "Observatoire d'impact des centres sociaux — La Coopération, Romans-sur-Isère. Données pseudonymisées, effectifs inférieurs à 5 masqués.";

/**
 * The footer text, with « Données chargées le 3 mars 2024 à partir de 207 exports » when the
 * pipeline has published its data.
 *
 * @example
 * ```ts
 * dataFooter("/nowhere.json") // the base text alone
 * ```
 */
export function dataFooter(file = join(pageDataDir(), "accueil.json")): string {
  let period: { last_loaded?: string | null; files?: number | null } | undefined;
  try {
    period = JSON.parse(Deno.readTextFileSync(file)).period;
  } catch {
    return BASE;
  }
  if (!period?.last_loaded || !period.files) return BASE;
  const date = new Date(`${period.last_loaded}T12:00:00Z`);
  if (isNaN(date.getTime())) return BASE;
  const day = new Intl.DateTimeFormat("fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  })
    .format(date);
  const files = new Intl.NumberFormat("fr-FR").format(period.files);
  return `${BASE} Données chargées le ${day} à partir de ${files} export${period.files > 1 ? "s" : ""} ` +
    "(détail par structure : Accueil et Qualité des données).";
}
