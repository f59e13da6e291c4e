/**
 * French search on the built site. Framework 1.13 indexes pages with MiniSearch: the page text is
 * folded (accents removed) on both sides, but titles and keywords are indexed with their accents
 * while the query is folded, so « qualite » only reaches « Qualité des données » by fuzzy luck
 * (and « equipe » would miss « équipe » in a title). After the build, every accented term of the
 * index also becomes its folded form, and the search box speaks French.
 *
 * @module
 */
import { join } from "node:path";

/** « Équipe » → « equipe »: NFD, combining marks removed, lower case (as Framework's query). */
export function foldTerm(term: string): string {
  return term.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

type Postings = Record<string, Record<string, number>>;

/** A MiniSearch index as serialised by `toJSON()` (serialisation version 2). */
export interface SerialisedIndex {
  index: [string, Postings][];
  [key: string]: unknown;
}

/**
 * Adds the folded form of every accented term, merging its postings (field → document →
 * frequency) with those the folded term already had.
 *
 * @example
 * ```ts
 * foldIndex({ index: [["qualité", { "0": { "3": 1 } }]] }).index
 * // [["qualité", {…}], ["qualite", { "0": { "3": 1 } }]]
 * ```
 */
export function foldIndex(json: SerialisedIndex): SerialisedIndex {
  if (json.accentsFolded) return json; // already done: folding twice would double frequencies
  const terms = new Map<string, Postings>(json.index.map(([t, p]) => [t, structuredClone(p)]));
  for (const [term, postings] of json.index) {
    const folded = foldTerm(term);
    if (folded === term) continue;
    const target = terms.get(folded) ?? {};
    for (const [field, docs] of Object.entries(postings)) {
      const merged = target[field] ?? (target[field] = {});
      for (const [doc, freq] of Object.entries(docs)) merged[doc] = (merged[doc] ?? 0) + freq;
    }
    terms.set(folded, target);
  }
  return { ...json, index: [...terms], accentsFolded: true };
}

/** The search box's English strings and their French. */
const SEARCH_STRINGS: [string, string][] = [
  ['"<div>no results</div>"', '"<div>aucun résultat</div>"'],
  ['toLocaleString("en-US")} result${', 'toLocaleString("fr-FR")} résultat${'],
];

/**
 * Folds the built index (`dist/_observablehq/minisearch.*.json`) and translates the search
 * script; returns the number of files changed (0 when search is off).
 */
export async function frenchSearch(distDir: string): Promise<number> {
  const dir = join(distDir, "_observablehq");
  let changed = 0;
  const entries = await Array.fromAsync(Deno.readDir(dir)).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (/^minisearch\.[0-9a-f]+\.json$/.test(entry.name)) {
      const json = JSON.parse(await Deno.readTextFile(path)) as SerialisedIndex;
      await Deno.writeTextFile(path, JSON.stringify(foldIndex(json)));
      changed++;
    } else if (/^search\.[0-9a-f]+\.js$/.test(entry.name)) {
      let text = await Deno.readTextFile(path);
      for (const [english, french] of SEARCH_STRINGS) text = text.replaceAll(english, french);
      await Deno.writeTextFile(path, text);
      changed++;
    }
  }
  return changed;
}
