import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** The Chebyshev fit of log(erfc(z) / t) + z², in powers of t = 1 / (1 + z/2). */
const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

/**
 * The complementary error function, with a fractional error below 1.2e-7 everywhere: the
 * error is relative, so far tails keep their precision where `1 - erf(x)` would round to 0.
 *
 * @see Press, W. H. et al. "Numerical Recipes in C", 2nd ed., section 6.2 (`erfcc`, a
 *   Chebyshev fit).
 * @internal
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let k = ERFC_COEFFICIENTS.length - 1; k >= 0; k--) {
    poly = (ERFC_COEFFICIENTS[k] as number) + t * poly;
  }
  const tail = z === Infinity ? 0 : t * Math.exp(-z * z + poly);
  return x >= 0 ? tail : 2 - tail;
}

/** @internal The standard normal CDF Φ(z). */
export function standardNormalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * The probability that N(mu, sigma²) falls in [a, b], computed from the tail nearer to the
 * interval so that intervals far from the mean keep their relative precision.
 *
 * @internal
 */
export function normalMass(a: number, b: number, mu: number, sigma: number): number {
  if (!(b > a)) return 0;
  const za = (a - mu) / sigma;
  const zb = (b - mu) / sigma;
  if (zb <= 0) return standardNormalCdf(zb) - standardNormalCdf(za);
  if (za >= 0) return standardNormalCdf(-za) - standardNormalCdf(-zb);
  return 1 - standardNormalCdf(za) - standardNormalCdf(-zb);
}

/** @internal log N(x; mu, sigma²). */
export function normalLogPdf(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
}

/** @internal A standard normal draw (Box–Muller; the second number of the pair is dropped). */
export function standardNormal(rng: RandomGenerator): number {
  const u = 1 - uniformFloat64(rng);
  const v = uniformFloat64(rng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** @internal log(Σ exp(terms)), safe for very negative terms; -Infinity for none. */
export function logSumExp(terms: readonly number[]): number {
  let max = -Infinity;
  for (const t of terms) if (t > max) max = t;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}
