/**
 * The disclosure rule applied to an analysis result: counts of 1 to threshold − 1 people are
 * masked, a second count is masked wherever a total a reader can compute along one column would
 * reveal the first (secondary suppression), and shares are published only when neither their
 * part nor its remainder is small.
 *
 * @module
 */
import { complementIndices, DEFAULT_THRESHOLD, isSmall, safeShare } from "../privacy/disclosure.ts";
import type { AnalysisSpec } from "./analysis_spec.ts";

/** A protected result: masked cells are null, and listed. */
export interface ProtectedResult {
  rows: Record<string, unknown>[];
  /** Masked cells, by row index and column. */
  masked: { row: number; column: string; reason: "petit" | "secondaire" | "part" }[];
  threshold: number;
}

/**
 * Groups of rows that add up along `column`: rows equal on every other dimension. A reader who
 * sees the rows of one group can sum them, so each group is one published total.
 */
export function additiveGroups(
  rows: readonly Record<string, unknown>[],
  dimensions: readonly string[],
  column: string,
): Set<string>[] {
  const others = dimensions.filter((d) => d !== column);
  const groups = new Map<string, Set<string>>();
  rows.forEach((row, i) => {
    const key = JSON.stringify(others.map((d) => row[d] ?? null));
    if (!groups.has(key)) groups.set(key, new Set());
    groups.get(key)!.add(String(i));
  });
  return [...groups.values()].filter((g) => g.size > 1);
}

/**
 * Applies the disclosure rule to a result already past {@link refuseResult}.
 *
 * @example
 * ```ts
 * protectResult(
 *   [{ structure: "ors", personnes: 3 }, { structure: "crest", personnes: 40 }, { structure: "mosaique", personnes: 12 }],
 *   { counts: ["personnes"], shares: {}, labels: {} },
 * ).rows.map((r) => r.personnes) // [null, 40, null]: 3 is small, 12 would give it away from the total
 * ```
 */
export function protectResult(
  rows: readonly Record<string, unknown>[],
  spec: AnalysisSpec,
  threshold = DEFAULT_THRESHOLD,
): ProtectedResult {
  const out = rows.map((r) => ({ ...r }));
  const masked: ProtectedResult["masked"] = [];
  const shareColumns = Object.keys(spec.shares);
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const dimensions = columns.filter((c) => !spec.counts.includes(c) && !shareColumns.includes(c));
  const additive = spec.additive ?? dimensions;
  const members = rows.map((_, i) => String(i));
  const countColumns = [
    ...new Set([...spec.counts, ...Object.values(spec.shares).flatMap((s) => [s.part, s.whole])]),
  ];
  for (const column of countColumns) {
    const values = rows.map((r) => r[column] as number | null);
    const small = values.map((v) => isSmall(v, threshold));
    const groups = additive.flatMap((d) => additiveGroups(rows, dimensions, d));
    const extra = new Set(complementIndices(members, values, small, groups));
    values.forEach((_, i) => {
      if (small[i] || extra.has(i)) {
        out[i][column] = null;
        masked.push({ row: i, column, reason: small[i] ? "petit" : "secondaire" });
      }
    });
  }
  for (const [column, { part, whole }] of Object.entries(spec.shares)) {
    rows.forEach((row, i) => {
      const p = row[part] as number | null;
      const w = row[whole] as number | null;
      const value = p === null || w === null || out[i][part] === null || out[i][whole] === null
        ? null
        : safeShare(p, w, threshold);
      out[i][column] = value;
      if (value === null && w !== null && w > 0) masked.push({ row: i, column, reason: "part" });
    });
  }
  return { rows: out, masked, threshold };
}
