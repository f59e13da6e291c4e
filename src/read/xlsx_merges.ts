/**
 * Merged cells of the sheets of an .xlsx workbook. read-excel-file does not report them (it
 * returns the value in the top-left cell and null elsewhere), so the `<mergeCells>` element of
 * each sheet's XML is read here, straight from the archive.
 *
 * @module
 */
import type { MergedRange } from "./row.ts";
import { zipEntries, zipText } from "./zip_entries.ts";

/** « A12 » → 1-based row 12, 0-based column 0. */
function cellAddress(ref: string): { line: number; column: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return { line: Number(match[2]), column: column - 1 };
}

/**
 * The range of a `ref` attribute (« A2:A9 »), or null when it is not a range of cells.
 *
 * @example
 * ```ts
 * mergedRange("A2:B9") // { firstLine: 2, lastLine: 9, firstColumn: 0, lastColumn: 1 }
 * ```
 */
export function mergedRange(ref: string): MergedRange | null {
  const [from, to] = ref.split(":").map(cellAddress);
  if (!from || !to) return null;
  return {
    firstLine: Math.min(from.line, to.line),
    lastLine: Math.max(from.line, to.line),
    firstColumn: Math.min(from.column, to.column),
    lastColumn: Math.max(from.column, to.column),
  };
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    if (code[0] === "#") {
      return String.fromCodePoint(
        code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : +code.slice(1),
      );
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[code.toLowerCase()]!;
  });
}

/** The attributes of every `<tag …>` in `xml` (any namespace prefix), as name → value. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const [, attributes] of xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\s([^>]*)>`, "g"))) {
    const record: Record<string, string> = {};
    for (const [, name, value] of attributes.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) {
      record[name] = unescapeXml(value);
    }
    out.push(record);
  }
  return out;
}

/** The relationship id attribute, whatever its namespace prefix (`r:id`). */
function relationId(record: Record<string, string>): string | undefined {
  const key = Object.keys(record).find((name) => /^(\w+:)?id$/.test(name));
  return key === undefined ? undefined : record[key];
}

/** `target` (relative to the folder of `from`, or absolute) as an archive path. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

/**
 * Merged ranges of each sheet of an .xlsx, by sheet name (sheets without merges are absent).
 * Throws when the archive or its workbook part cannot be read.
 *
 * @example
 * ```ts
 * (await readXlsxMerges(bytes)).get("Feuil1") // [{ firstLine: 2, lastLine: 9, firstColumn: 0, lastColumn: 0 }]
 * ```
 */
export async function readXlsxMerges(bytes: Uint8Array): Promise<Map<string, MergedRange[]>> {
  const entries = zipEntries(bytes);
  const text = async (path: string) => {
    const entry = entries.get(path);
    return entry ? await zipText(bytes, entry) : null;
  };
  const rootRels = await text("_rels/.rels");
  const office = elements(rootRels ?? "", "Relationship").find((r) => r.Type?.endsWith("/officeDocument"));
  const workbookPath = office?.Target ? resolvePart("", office.Target) : "xl/workbook.xml";
  const workbook = await text(workbookPath);
  if (workbook === null) throw new Error("classeur sans partie « workbook.xml »");
  const relsPath = resolvePart(workbookPath, `_rels/${workbookPath.split("/").pop()}.rels`);
  const targets = new Map(
    elements((await text(relsPath)) ?? "", "Relationship").map((r) => [r.Id, r.Target]),
  );
  const merges = new Map<string, MergedRange[]>();
  for (const sheet of elements(workbook, "sheet")) {
    const target = targets.get(relationId(sheet) ?? "");
    if (!sheet.name || !target) continue;
    const xml = await text(resolvePart(workbookPath, target));
    // <mergeCells> follows <sheetData>: only the tail from its first mention is scanned.
    const at = xml?.indexOf("mergeCell") ?? -1;
    if (xml === null || at < 0) continue;
    const ranges = elements(xml.slice(xml.lastIndexOf("<", at)), "mergeCell")
      .map((m) => mergedRange(m.ref ?? ""))
      .filter((r): r is MergedRange => r !== null);
    if (ranges.length > 0) merges.set(sheet.name, ranges);
  }
  return merges;
}
