/**
 * The glossary of the terms used on the pages (« Diversité des âges », « intermédiarité », « VAN »,
 * « p5 / p95 »…): read from `data/reference/glossaire.csv` (one term a line: French definition,
 * scale or unit, how to read a value), published with the methodology. The « Méthodologie » page
 * prints it as its « Glossaire » section, one `#glossaire-<id>` anchor a term; the pages link a
 * term's first use to that anchor through `pages/components/glossary.js` (which reads
 * `glossaire.json`).
 *
 * @module
 */
import { join } from "node:path";
import { REFERENCE_DIR } from "../paths.ts";
import { decodeText } from "../read/decode_text.ts";
import { parseDelimited } from "../read/parse_delimited.ts";

/** One term of the glossary. */
export interface GlossaryEntry {
  /** Anchor id (lower case, digits and hyphens): the entry is `#glossaire-<id>`. */
  id: string;
  /** The term as the pages write it. */
  term: string;
  /** What it is, in plain French. */
  definition: string;
  /** Scale or unit: « indice sans unité, de 0 à 1,79 ». */
  scale: string;
  /** How to read a value. */
  reading: string;
  /** The catalogue indicator it describes, or null. */
  indicator: string | null;
}

const HEADER = ["identifiant", "terme", "définition", "échelle", "lecture", "indicateur"];

/** Anchor of a term on the Méthodologie page. */
export function glossaryAnchor(id: string): string {
  return `glossaire-${id}`;
}

/**
 * Parses the glossary file. A wrong header, a line with the wrong number of fields, an empty
 * term or definition, a bad or repeated identifier, or an indicator absent from `indicators`
 * (when given) throws a French message naming the file, the line and the column.
 */
export function parseGlossary(text: string, file: string, indicators?: Set<string>): GlossaryEntry[] {
  const [head, ...rows] = parseDelimited(text.replace(/^\ufeff/, ""), ";");
  const where = (line: number, column: number) => `${file}, ligne ${line}, colonne ${column}`;
  const got = (head?.cells ?? []).map((c) => c.trim().toLowerCase());
  HEADER.forEach((name, i) => {
    if (got[i] !== name) {
      throw new Error(
        `${where(1, i + 1)} : en-tête « ${got[i] ?? ""} » au lieu de « ${name} ». ` +
          `La première ligne doit être : ${HEADER.join(";")}.`,
      );
    }
  });
  const seen = new Set<string>();
  const out: GlossaryEntry[] = [];
  for (const { line, cells } of rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    if (cells.length !== HEADER.length) {
      throw new Error(
        `${
          where(line, Math.min(cells.length, HEADER.length) + 1)
        } : ${cells.length} champs au lieu de ${HEADER.length}. ` +
          "Séparez les champs par « ; » et mettez entre guillemets un texte qui contient un « ; ».",
      );
    }
    const [id, term, definition, scale, reading, indicator] = cells.map((c) => c.trim());
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      throw new Error(
        `${
          where(line, 1)
        } : identifiant « ${id} » invalide : lettres minuscules sans accent, chiffres et tirets (ex. « diversite-ages »).`,
      );
    }
    if (seen.has(id)) {
      throw new Error(`${where(line, 1)} : l'identifiant « ${id} » est déjà utilisé plus haut.`);
    }
    seen.add(id);
    if (!term) {
      throw new Error(`${where(line, 2)} : le terme est vide ; écrivez-le tel que les pages l'affichent.`);
    }
    if (!definition) throw new Error(`${where(line, 3)} : la définition de « ${term} » est vide.`);
    if (indicator && indicators && !indicators.has(indicator)) {
      throw new Error(
        `${where(line, 6)} : l'indicateur « ${indicator} » n'est pas dans le catalogue des indicateurs ; ` +
          "corrigez son identifiant ou laissez la colonne vide.",
      );
    }
    out.push({ id, term, definition, scale, reading, indicator: indicator || null });
  }
  return out;
}

/** Reads `glossaire.csv` (UTF-8 or Windows-1252), in file order. */
export async function readGlossary(
  indicators?: Set<string>,
  file = join(REFERENCE_DIR, "glossaire.csv"),
): Promise<GlossaryEntry[]> {
  const { text } = decodeText(await Deno.readFile(file));
  return parseGlossary(text, file.split(/[\\/]/).slice(-3).join("/"), indicators);
}
