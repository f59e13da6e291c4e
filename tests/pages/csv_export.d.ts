export function neutraliseCell<T>(value: T): T;
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string;
