export function unitCaption(unit: string | null | undefined): string;
export function labelWithUnit(label: string, unit: string | null | undefined): string;
