/**
 * Problems found in an impact map, located where the user can find them.
 * @module
 */

/** One problem: the sheet (or file), the spreadsheet row and the column as the user typed it. */
export interface SroiIssue {
  /** « Feuille « impacts » » for a workbook, « Fichier « impacts.csv » » for a CSV file. */
  where: string;
  line: number | null;
  column: string | null;
  message: string;
}

/** Thrown when the impact map cannot be computed; carries every problem found, not just the first. */
export class SroiInputError extends Error {
  constructor(readonly issues: SroiIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "SroiInputError";
  }
}

/**
 * Renders an issue as one French sentence.
 *
 * @example
 * formatIssue({ where: "Feuille « impacts »", line: 5, column: "Aubaine %", message: "« 120 % » dépasse 100 %" })
 * // "Feuille « impacts », ligne 5, colonne « Aubaine % » : « 120 % » dépasse 100 %"
 */
export function formatIssue(issue: SroiIssue): string {
  const parts = [issue.where];
  if (issue.line !== null) parts.push(`ligne ${issue.line}`);
  if (issue.column !== null) parts.push(`colonne « ${issue.column} »`);
  return `${parts.join(", ")} : ${issue.message}`;
}
