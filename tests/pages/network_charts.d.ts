export const BALANCE_GROUPS: Record<string, { label: string; color: string }>;
export function exchangeMatrix(network: { nodes: string[]; links: [number, number, number][] }): {
  members: { index: number; group: string; partners: number; hours: number }[];
  cells: { row: number; col: number; hours: number; mutual: boolean }[];
  blocks: { group: string; start: number; size: number }[];
};
export function groupFlows(network: { nodes: string[]; links: [number, number, number][] }): {
  from: string;
  to: string;
  hours: number;
  arcs: number;
}[];
export function hubSummary(
  network: { nodes: string[]; links: [number, number, number][] },
  options?: { share?: number },
): { median: number | null; halfAtLeast: number | null; topAtLeast: number | null; topShare: number | null };
export function placeLabels<T extends { x: number; y: number; radius: number; label?: string }>(
  nodes: T[],
  width: number,
): (T & { anchor: "start" | "end" })[];
