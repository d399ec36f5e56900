import { linearForgettingWeights } from './parzen.js';

/**
 * The posterior over `size` categories after the observed category indices (oldest
 * first): linearly forgotten counts plus `priorWeight` pseudo-counts per category (a
 * uniform prior), normalised.
 *
 * @see hyperopt's `tpe.ap_categorical_sampler` and `tpe_cat_pseudocounts`.
 * @internal
 */
export function categoricalPosterior(
  observations: readonly number[],
  size: number,
  priorWeight: number,
): number[] {
  const weights = linearForgettingWeights(observations.length);
  const counts = new Array<number>(size).fill(priorWeight);
  observations.forEach((category, k) => {
    counts[category] = (counts[category] as number) + (weights[k] as number);
  });
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / total);
}
