/**
 * Removes people's names from free text (testimonies) before it is stored: the given first names
 * and surnames become « [prénom] », a civility followed by a name (« M. Dupont », « Mme Martin »)
 * becomes « [nom] ». Pure: no I/O, no state.
 *
 * @module
 */

/** Accented and ligature spellings of each plain letter, as typed in French texts. */
const VARIANTS: Record<string, string> = {
  a: "aàâäáãå",
  c: "cç",
  e: "eéèêë",
  i: "iîïíì",
  n: "nñ",
  o: "oôöóòõ",
  u: "uùûüú",
  y: "yÿý",
};

const LETTER_OR_DIGIT = String.raw`[\p{L}\p{N}]`;

/** A civility and one or two capitalised words after it: « M. Dupont », « Madame Marie Martin ». */
const CIVILITY = new RegExp(
  String.raw`(?<!${LETTER_OR_DIGIT})(?:M\.|Mr\.?|MM\.|Mme\.?|Mmes\.?|Mlle\.?|Madame|Monsieur|Mademoiselle)` +
    String.raw`\s+\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*)?`,
  "gu",
);

/** Lower case without accents, ligatures spelled out: the form letters are compared in. */
function fold(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, (c) => `\\${c}`);
}

/** Regex source matching `name` whatever its case, accents, ligatures and apostrophe. */
function namePattern(name: string): string {
  const folded = fold(name.trim());
  let out = "";
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i];
    const next = folded[i + 1];
    if ((c === "o" || c === "a") && next === "e") {
      out += c === "o" ? `(?:o[${VARIANTS.e}]|œ)` : `(?:a[${VARIANTS.e}]|æ)`;
      i++;
    } else if (VARIANTS[c]) out += `[${escapeClass(VARIANTS[c])}]`;
    else if (/\s/.test(c)) out += String.raw`\s+`;
    else if (c === "'" || c === "’") out += "['’]";
    else if (c === "-") out += String.raw`[\-\s]?`;
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, (x) => `\\${x}`);
  }
  return out;
}

/**
 * `text` with every given name replaced by « [prénom] » (case-, accent- and ligature-insensitive,
 * whole words only, longest names first) and every civility + name by « [nom] ». Names shorter
 * than two letters (initials) are ignored.
 *
 * @example
 * ```ts
 * redactNames("Merci à HELENE et à Mme Martin !", ["Hélène"])
 * // "Merci à [prénom] et à [nom] !"
 * ```
 */
export function redactNames(text: string, names: readonly string[]): string {
  let out = text.replace(CIVILITY, "[nom]");
  const wanted = [
    ...new Set(names.map((n) => n.trim()).filter((n) => fold(n).replace(/[^a-z]/g, "").length >= 2)),
  ]
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  for (const name of wanted) {
    const pattern = new RegExp(`(?<!${LETTER_OR_DIGIT})${namePattern(name)}(?!${LETTER_OR_DIGIT})`, "giu");
    out = out.replace(pattern, "[prénom]");
  }
  return out;
}

/**
 * The words of an author cell worth redacting: « Jean-Pierre B. » gives « Jean-Pierre », « Jean »
 * and « Pierre » (initials are skipped).
 */
export function nameParts(author: string | null): string[] {
  if (!author) return [];
  const words = author.split(/[\s,;/]+/).map((w) => w.replace(/^[.'’]+|[.'’]+$/g, ""))
    .filter((w) => w.length >= 2);
  const parts = words.flatMap((w) => w.includes("-") ? w.split("-").filter((p) => p.length >= 3) : []);
  return [...new Set([...words, ...parts])];
}
