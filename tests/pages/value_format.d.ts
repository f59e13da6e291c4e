export function formatValue(value: number | null, unit: string, options?: { withUnit?: boolean }): string;
