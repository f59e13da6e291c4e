/**
 * Commune outlines for the « Département » map. The user supplies a GeoJSON file of the communes
 * (IGN ADMIN EXPRESS, or the GEOFLA outlines of france-geojson) at a configured path; the
 * project never ships one. Only the communes where a structure stands are kept, simplified
 * (Douglas–Peucker) and rounded, so the page data stays small.
 *
 * @module
 */

/** Environment variable naming the commune outline file. */
export const COMMUNES_ENV = "OBSERVATOIRE_COMMUNES_GEOJSON";

type Position = [number, number];
type Ring = Position[];

/** A commune outline as published: INSEE code, name from the file, polygons (rings of [lon, lat]). */
export interface CommuneOutline {
  type: "Feature";
  properties: { code: string; nom: string | null };
  geometry: { type: "MultiPolygon"; coordinates: Ring[][] };
}

/** The configured outline file, or null when none is set. */
export function communesPath(): string | null {
  return Deno.env.get(COMMUNES_ENV)?.trim() || null;
}

function perpendicular(p: Position, a: Position, b: Position): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/**
 * Douglas–Peucker simplification of an open line: points closer than `tolerance` (in degrees)
 * to the chord are dropped; the ends are kept.
 *
 * @example
 * simplifyLine([[0, 0], [1, 0.0001], [2, 0]], 0.001) // [[0, 0], [2, 0]]
 */
export function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i], points[first], points[last]);
      if (d > max) [index, max] = [i, d];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A closed ring simplified, rounded to `digits` decimals; null when too small to draw. */
export function simplifyRing(ring: Ring, tolerance: number, digits = 4): Ring | null {
  if (ring.length < 4) return null;
  // Split at the point farthest from the first, so a closed ring keeps its shape.
  const first = ring[0];
  let far = 1;
  ring.forEach((p, i) => {
    if (
      Math.hypot(p[0] - first[0], p[1] - first[1]) >
        Math.hypot(ring[far][0] - first[0], ring[far][1] - first[1])
    ) {
      far = i;
    }
  });
  const half = simplifyLine(ring.slice(0, far + 1), tolerance);
  const rest = simplifyLine(ring.slice(far), tolerance);
  const factor = 10 ** digits;
  const out: Ring = [...half, ...rest.slice(1)].map((p) => [
    Math.round(p[0] * factor) / factor,
    Math.round(p[1] * factor) / factor,
  ]);
  return out.length >= 4 ? out : null;
}

interface InputFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

/** The INSEE code of a feature: `code`, `INSEE_COM`, `insee` or `codgeo` property. */
function featureCode(f: InputFeature): string | null {
  const p = f.properties ?? {};
  const code = p.code ?? p.INSEE_COM ?? p.insee_com ?? p.insee ?? p.codgeo ?? p.CODGEO;
  return code === undefined || code === null ? null : String(code);
}

function featureName(f: InputFeature): string | null {
  const p = f.properties ?? {};
  const name = p.nom ?? p.NOM ?? p.NOM_COM ?? p.name ?? p.libgeo;
  return name === undefined || name === null ? null : String(name);
}

/**
 * The outlines of the communes `codes` from a GeoJSON FeatureCollection, simplified; codes absent
 * from the file are returned in `missing`.
 */
export function keepCommunes(
  collection: { features?: InputFeature[] },
  codes: readonly string[],
  tolerance = 0.0008,
): { features: CommuneOutline[]; missing: string[] } {
  const wanted = new Set(codes);
  const features: CommuneOutline[] = [];
  for (const f of collection.features ?? []) {
    const code = featureCode(f);
    if (code === null || !wanted.has(code)) continue;
    const { type, coordinates } = f.geometry ?? {};
    const polygons = type === "Polygon"
      ? [coordinates as Ring[]]
      : type === "MultiPolygon"
      ? coordinates as Ring[][]
      : [];
    const simplified = polygons
      .map((rings) => rings.map((r) => simplifyRing(r, tolerance)).filter((r): r is Ring => r !== null))
      .filter((rings) => rings.length > 0);
    if (simplified.length === 0) continue;
    features.push({
      type: "Feature",
      properties: { code, nom: featureName(f) },
      geometry: { type: "MultiPolygon", coordinates: simplified },
    });
    wanted.delete(code);
  }
  return { features, missing: [...wanted].sort() };
}

/**
 * Reads the configured outline file and keeps the communes `codes`; null when no file is
 * configured. A configured file that cannot be read is an error the build reports in French.
 */
export async function readCommuneOutlines(
  codes: readonly string[],
  path = communesPath(),
): Promise<{ file: string; features: CommuneOutline[]; missing: string[] } | null> {
  if (!path) return null;
  let collection;
  try {
    collection = JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    throw new Error(
      `Contours des communes illisibles (${COMMUNES_ENV}=${path}) : ${(error as Error).message}`,
    );
  }
  const file = path.split(/[\\/]/).at(-1) ?? path;
  return { file, ...keepCommunes(collection, codes) };
}
