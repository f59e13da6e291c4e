export function frenchList(items: (string | null | undefined)[]): string;
export function scopeName(scope: { id: string; name: string } | null): string;
export function cooperationTitle(scope: { id: string; name: string } | null, members?: number): string;
export function leaders<T extends { value: number | null }>(sorted: T[]): T[];
export function rankingHeadline(sorted: { name: string; value: number | null }[], subject: string): string;
export function identitySentence(
  s: { name: string; type?: string; commune?: string; qpv?: string | null },
): string;
export interface Weakest {
  field: string;
  label: string;
  share: number;
  none: number;
  structures: number;
}
export function weakestCompleteness(
  rows: { structure: string; kind: string; rows: number; fields: Record<string, number | null> }[],
  labels: Record<string, string>,
): Weakest | null;
export function qualityHeadline(p: { rejected: number; weakest: Weakest | null }): string;
export function producedLede(
  p: { who: string; year: number; produced: string[]; withValue: number; catalogue: number },
): string;
export function basisSentence(
  p: { withData: number | null; inScope: number | null; group: string; what: string },
): string;
