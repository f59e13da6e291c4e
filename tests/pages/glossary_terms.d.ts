export const GLOSSARY_PAGE: string;
export function glossaryHref(id: string): string;
export function termTitle(entry: { definition: string; scale?: string }): string;
export function isAbbreviation(text: string): boolean;
export function findTerm<T extends { id: string; indicator?: string | null }>(
  terms: T[],
  key: string | { indicator: string },
): T | null;
