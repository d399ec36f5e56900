import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * A uniform number in (0, 1], safe to take the logarithm of.
 *
 * @internal
 */
export function uniformOpen(rng: RandomGenerator): number {
  return 1 - uniformFloat64(rng);
}

/** A standard normal number (Box–Muller; the second number of each pair is not kept). */
function standardNormal(rng: RandomGenerator): number {
  const u = uniformOpen(rng);
  const v = uniformFloat64(rng);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The logarithm of a Gamma(shape, 1) sample. Working in logarithms keeps tiny shapes usable:
 * with shape 0.01 most samples are below 1e-300 and would round to 0 as plain numbers.
 *
 * @see Marsaglia, G. and Tsang, W. W. "A simple method for generating gamma variables",
 *   ACM TOMS 26(3), 2000 (the method, and its boost for shape < 1).
 * @internal
 */
export function sampleLogGamma(rng: RandomGenerator, shape: number): number {
  if (shape < 1) {
    // G(a) = G(a + 1) · U^(1/a), in logarithms.
    return sampleLogGamma(rng, shape + 1) + Math.log(uniformOpen(rng)) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(rng);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    if (Math.log(uniformOpen(rng)) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
      return Math.log(d) + Math.log(v);
    }
  }
}
