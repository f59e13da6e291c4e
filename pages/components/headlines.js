// Sentences that answer a page's question: titles that follow the scope filter, headlines that
// say when several structures are tied, name the weakest completeness, lead with what was
// produced and say on how many structures a figure rests. Pure functions (no DOM, no npm
// import), unit-tested in tests/pages/headlines_test.ts.
import {withArticle} from "./names.js";

const integer = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 0});
const percent = new Intl.NumberFormat("fr-FR", {style: "percent", maximumFractionDigits: 0});

/** « A », « A et B », « A, B et C ». */
export function frenchList(items) {
  const list = items.filter((d) => d != null && d !== "");
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} et ${list.at(-1)}`;
}

/** « La Coopération » or the structure's name: who a section of /cooperation speaks of. */
export function scopeName(scope) {
  return !scope || scope.id === "cooperation" ? "La Coopération" : scope.name;
}

/**
 * The /cooperation title for the chosen scope: « Combien d'habitants les quatre structures de La
 * Coopération accueillent-elles ? » or « Combien d'habitants la Maison de quartier des Ors
 * accueille-t-elle ? ».
 */
export function cooperationTitle(scope, members = 4) {
  if (!scope || scope.id === "cooperation") {
    const count = members === 4 ? "quatre" : integer.format(members);
    return `Combien d'habitants les ${count} structures de La Coopération accueillent-elles ?`;
  }
  return `Combien d'habitants ${withArticle(scope.name)} accueille-t-elle ?`;
}

/**
 * The rows sharing the best value (ties included), from rows already sorted best first.
 *
 * @param {{value: number|null}[]} sorted
 */
export function leaders(sorted) {
  const shown = sorted.filter((d) => d.value != null);
  if (shown.length === 0) return [];
  const best = shown[0].value;
  const close = (v) => Math.abs(v - best) <= 1e-9 * Math.max(1, Math.abs(best));
  return shown.filter((d) => close(d.value));
}

/**
 * A ranking's headline: one structure « en tête », or the tie said as such (« 3 structures à
 * égalité en tête : A, B et C »). `subject` ends the sentence (« pour « séances » en 2025 »).
 *
 * @param {{name: string, value: number|null}[]} sorted rows sorted best first
 * @param {string} subject
 */
export function rankingHeadline(sorted, subject) {
  const top = leaders(sorted);
  if (top.length === 0) return `Aucune valeur ${subject}`;
  if (top.length === 1) return `${top[0].name} en tête ${subject}`;
  const names = top.length <= 3 ? frenchList(top.map((d) => d.name)) : `${frenchList(top.slice(0, 2).map((d) => d.name).concat(`${top.length - 2} autres`))}`;
  return `${top.length === sorted.filter((d) => d.value != null).length ? "Toutes les structures" : `${top.length} structures`} à égalité en tête ${subject} : ${names}`;
}

/**
 * The identity line of a structure page without saying the name twice: « L'Accorderie est un
 * espace de vie sociale de Romans-sur-Isère », but « Le Centre social de Crest fait partie des
 * structures agréées de la Drôme » (its name already says what and where it is).
 *
 * @param {{name: string, type?: string, commune?: string, qpv?: string}} s
 */
export function identitySentence(s) {
  const kind = s.type === "EVS" ? "un espace de vie sociale" : s.type === "Centre social" ? "un centre social" : s.type ? `un ${String(s.type).toLowerCase()}` : null;
  const fold = (t) => String(t ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const name = fold(s.name);
  const kindWords = s.type === "EVS" ? "espace de vie sociale" : fold(s.type);
  const kindInName = !kind || (kindWords && name.includes(kindWords));
  const communeInName = !s.commune || name.includes(fold(s.commune));
  const subject = withArticle(s.name, {capital: true});
  const qpv = s.qpv ? `, au service du quartier prioritaire ${s.qpv}` : "";
  if (!kindInName) return `${subject} est ${kind}${communeInName ? "" : ` de ${s.commune}`}${qpv}.`;
  if (!communeInName) return `${subject} se trouve à ${s.commune}${qpv}.`;
  if (s.qpv) return `${subject} est au service du quartier prioritaire ${s.qpv}.`;
  return `${subject} fait partie des structures agréées de la Drôme.`;
}

/**
 * The weakest completeness of the received files, for the Qualité headline: the field known for
 * the smallest share of rows, and for how many structures it is not known at all.
 *
 * @param {{structure: string, kind: string, rows: number, fields: Record<string, number|null>}[]} rows
 *   shares (0–1) of rows where each field is known, per structure and kind
 * @param {Record<string, string>} labels French name of each field (« le quartier »)
 * @returns {{field: string, label: string, share: number, none: number, structures: number}|null}
 */
export function weakestCompleteness(rows, labels) {
  let weakest = null;
  for (const field of Object.keys(labels)) {
    const withField = rows.filter((r) => r.fields[field] != null && r.rows > 0);
    if (withField.length === 0) continue;
    const total = withField.reduce((s, r) => s + r.rows, 0);
    const known = withField.reduce((s, r) => s + r.rows * r.fields[field], 0);
    const share = known / total;
    const structures = new Set(withField.map((r) => r.structure));
    const none = [...structures].filter((id) => withField.every((r) => r.structure !== id || r.fields[field] === 0)).length;
    if (!weakest || share < weakest.share) weakest = {field, label: labels[field], share, none, structures: structures.size};
  }
  return weakest;
}

/**
 * The Qualité headline: refused lines and the weakest completeness, so that « complètes et
 * fiables ? » is answered on both counts.
 */
export function qualityHeadline({rejected, weakest}) {
  const refused = rejected === 0 ? "Aucune ligne refusée" : `${integer.format(rejected)} ligne${rejected > 1 ? "s" : ""} refusée${rejected > 1 ? "s" : ""}`;
  if (!weakest) return `${refused}.`;
  const none = weakest.none ? ` : il manque partout chez ${integer.format(weakest.none)} des ${integer.format(weakest.structures)} structures` : "";
  return `${refused}, mais ${weakest.label} n'est connu que pour ${percent.format(weakest.share)} des lignes${none}.`;
}

/**
 * The value chain's lede: what was produced first (« En 2025, La Coopération a accueilli 1 852
 * habitants pour 24 310 passages, lors de 1 204 séances… »), then how much of the catalogue it
 * rests on.
 *
 * @param {{who: string, year: number, produced: string[], withValue: number, catalogue: number}} p
 *   `produced`: phrases already formatted (« 1 852 habitants différents »)
 */
export function producedLede({who, year, produced, withValue, catalogue}) {
  const what = produced.length ? `En ${year}, ${who} : ${frenchList(produced)}.` : `En ${year}, aucune réalisation n'est mesurée pour ${who}.`;
  return `${what} Ces chiffres reposent sur ${integer.format(withValue)} des ${integer.format(catalogue)} indicateurs du catalogue qui ont une valeur cette année-là.`;
}

/**
 * How many structures of a group a page's figures rest on, said up front: « Ces chiffres
 * reposent sur 9 des 17 structures du cluster : celles qui ont envoyé leurs partenariats. »
 */
export function basisSentence({withData, inScope, group, what}) {
  if (inScope == null || withData == null) return "";
  if (withData >= inScope) return `Ces chiffres reposent sur les ${integer.format(inScope)} structures ${group}.`;
  return `Ces chiffres ne reposent que sur ${integer.format(withData)} des ${integer.format(inScope)} structures ${group} : celles qui ont envoyé ${what}.`;
}
