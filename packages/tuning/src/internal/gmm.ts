import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

import { logSumExp, normalLogPdf, normalMass, standardNormal } from './normal.js';
import type { Mixture } from './parzen.js';

/**
 * One draw from a mixture truncated to [low, high): pick a component by weight, draw from
 * it, and start over when the draw falls outside, as hyperopt's `GMM1` and `LGMM1` do.
 *
 * Every component mean lies in [low, high] (the estimators clip observations to the
 * bounds) and no width exceeds the prior's, so each attempt is accepted with probability
 * above 1/3 and the loop ends quickly.
 *
 * @internal
 */
export function sampleTruncatedMixture(
  rng: RandomGenerator,
  mixture: Mixture,
  low: number,
  high: number,
): number {
  for (;;) {
    const k = pickIndex(rng, mixture.weights);
    const draw = (mixture.mus[k] as number) + (mixture.sigmas[k] as number) * standardNormal(rng);
    if (draw >= low && draw < high) return draw;
  }
}

/** @internal An index drawn with probability proportional to `weights`. */
export function pickIndex(rng: RandomGenerator, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = uniformFloat64(rng) * total;
  for (let k = 0; k < weights.length - 1; k++) {
    u -= weights[k] as number;
    if (u < 0) return k;
  }
  return weights.length - 1;
}

/** @internal The mass of the mixture inside [low, high]: the truncation's normaliser. */
export function mixtureMass(mixture: Mixture, low: number, high: number): number {
  let mass = 0;
  mixture.weights.forEach((w, k) => {
    mass += w * normalMass(low, high, mixture.mus[k] as number, mixture.sigmas[k] as number);
  });
  return mass;
}

/**
 * log density at x of the mixture truncated to [low, high] (hyperopt's `GMM1_lpdf` without
 * `q`).
 *
 * @internal
 */
export function truncatedLogPdf(mixture: Mixture, x: number, low: number, high: number): number {
  const terms = mixture.weights.map(
    (w, k) => Math.log(w) + normalLogPdf(x, mixture.mus[k] as number, mixture.sigmas[k] as number),
  );
  return logSumExp(terms) - Math.log(mixtureMass(mixture, low, high));
}

/**
 * log probability that the mixture truncated to [low, high] falls in [a, b] (hyperopt's
 * `GMM1_lpdf` and `LGMM1_lpdf` with `q`, the interval being the values that round to a grid
 * point, in the mixture's space).
 *
 * @internal
 */
export function truncatedLogMass(
  mixture: Mixture,
  a: number,
  b: number,
  low: number,
  high: number,
): number {
  const inside = mixtureMass(mixture, Math.max(a, low), Math.min(b, high));
  return Math.log(inside) - Math.log(mixtureMass(mixture, low, high));
}
