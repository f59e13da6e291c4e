/**
 * Guesses the field separator of a delimited text export.
 * @module
 */

/** Separators seen in French exports; the order is the tie-break preference. */
export type Delimiter = ";" | "," | "\t" | "|";

const CANDIDATES: Delimiter[] = [";", ",", "\t", "|"];
const MAX_LINES = 20;

/**
 * Picks the separator whose count per line is the most consistent over the first
 * 20 non-empty lines, ignoring quoted parts. Lines without it (title rows) do not count
 * against it. Ties go to `;` because French exports use it and `,` is the decimal mark.
 *
 * @example
 * sniffDelimiter("Export du 01/02/2024\nNom;Montant\nAli;12,5\n") // ";"
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = countPerLine(text);
  let best: Delimiter = ";";
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const score = consistency(counts.map((c) => c[candidate]));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Number of lines whose non-zero count equals the most frequent non-zero count. */
function consistency(perLine: number[]): number {
  const frequency = new Map<number, number>();
  for (const n of perLine) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
  let best = 0;
  for (const f of frequency.values()) if (f > best) best = f;
  return best;
}

/** Counts each candidate outside quotes for the first non-empty physical lines. */
function countPerLine(text: string): Record<Delimiter, number>[] {
  const lines: Record<Delimiter, number>[] = [];
  let current = emptyCounts();
  let nonEmpty = false;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < MAX_LINES; i++) {
    const c = text[i];
    if (c === '"') {
      // A doubled quote toggles twice, which leaves the state unchanged: correct.
      inQuotes = !inQuotes;
      nonEmpty = true;
    } else if (c === "\n" || c === "\r") {
      // Newlines inside quotes belong to the field, not to the line structure.
      if (inQuotes) continue;
      if (nonEmpty) lines.push(current);
      current = emptyCounts();
      nonEmpty = false;
    } else if (!inQuotes) {
      if (c === ";" || c === "," || c === "\t" || c === "|") current[c]++;
      if (c.trim() !== "") nonEmpty = true;
    }
  }
  if (nonEmpty && lines.length < MAX_LINES) lines.push(current);
  return lines;
}

function emptyCounts(): Record<Delimiter, number> {
  return { ";": 0, ",": 0, "\t": 0, "|": 0 };
}
