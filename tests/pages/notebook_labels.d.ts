export const COLUMN_LABELS: Record<string, string>;
export const WEEKDAYS: string[];
export const MONTHS: string[];
export function labelFromDescription(description: string | null | undefined): string;
export function humanise(column: string): string;
export function dictionaryLabels(
  catalogue: { tables?: { columns: { name: string; label?: string; description?: string }[] }[] } | null,
): Record<string, string>;
export function columnLabel(
  column: string,
  dictionary?: Record<string, string>,
  labels?: Record<string, string>,
): string;
export function columnKind(column: string): "year" | "change" | "share" | "number";
export function categoryRank(value: unknown): number | null;
export function compareCategories(a: unknown, b: unknown): number;
export function categoryOrder<T>(values: T[]): T[];
export function sortByMeaning<T extends Record<string, unknown>>(rows: T[], columns: string[]): T[];
