/** Types of the SROI page helpers tested here (pages/components/sroi_charts.js). */
export function formatProxy(value: number | null, source?: number): string;
