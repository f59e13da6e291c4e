/**
 * The standard normal distribution's tail, precise to about 1e-14 (enough to match scipy's
 * p-values to many digits). Pure: no state.
 *
 * @module
 */

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * The complementary error function erfc(x) = 1 − erf(x): a series without cancellation below
 * x = 3 (erf = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))), a continued fraction above.
 *
 * @example
 * ```ts
 * erfc(0) // 1
 * erfc(1) // 0.15729920705028513
 * ```
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by Lentz's method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/**
 * Upper tail of the standard normal distribution, P(Z > z).
 *
 * @example
 * ```ts
 * normalSf(1.959963984540054) // 0.025 (to 1e-15)
 * ```
 */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
