export interface RoundingRule {
  kind: string;
  units: string;
  rule: string;
  example: string;
  masked: string;
}
export const ROUNDING_RULES: RoundingRule[];
export function isShare(unit: string | null | undefined): boolean;
export function unitKind(unit: string | null | undefined): string;
export function maskedLabel(unit: string | null | undefined, threshold?: number): string;
export function maskedNote(threshold?: number): string;
export function roundForDisplay(value: number | null | undefined, unit: string): number | null;
export function unitLabel(unit: string): string;
export function formatValue(value: number | null, unit: string, options?: { withUnit?: boolean }): string;
export function formatIndicator(
  value: number | null | undefined,
  unit: string,
  options?: { masked?: boolean; threshold?: number; withUnit?: boolean },
): string;
export function baselineLabel(years?: number[]): string;
export function missingChangeReason(options: {
  current: number | null | undefined;
  previous: number | null | undefined;
  currentMasked?: boolean;
  previousMasked?: boolean;
  previousYear: number;
}): string;
export function formatChange(
  change: { d: number; r: number | null; t?: string } | null | undefined,
  unit: string,
  options?: { withTrend?: boolean; missing?: string },
): string;
