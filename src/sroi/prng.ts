/**
 * A small seeded pseudo-random generator, so the same seed always gives the same simulation.
 * @module
 */

/**
 * Mulberry32: 32-bit state, uniform floats in [0, 1). Not cryptographic — only reproducible.
 *
 * @example
 * const next = mulberry32(42);
 * next() // 0.6011037519201636 (always, for seed 42)
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inverse-CDF draw from a triangular distribution (min, most likely, max). A zero-width range
 * returns the most likely value exactly, so a simulation without ranges reproduces the
 * deterministic result.
 *
 * @example
 * triangular(0.5, 0, 1, 2) // 1
 * triangular(0.3, 5, 5, 5) // 5
 */
export function triangular(u: number, min: number, mode: number, max: number): number {
  if (max <= min) return mode;
  const cut = (mode - min) / (max - min);
  return u < cut
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}
