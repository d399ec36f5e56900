import type { SequenceInteractions } from '@seqrec/interactions';

/**
 * Draws the item ids that a loss contrasts with the true next item.
 *
 * The trainer calls `fit` once per `fit` of the model, with the training windows, then
 * `sample` for every batch. `random` returns uniform floats in [0, 1) from the model's
 * seeded generator, so a sampler that draws only through it is reproducible.
 *
 * @example
 * ```ts
 * import type { NegativeSampler } from '@seqrec/models';
 *
 * // Always proposes item 1: useless for training, but a valid sampler.
 * const constant: NegativeSampler = {
 *   name: 'constant',
 *   fit() {},
 *   sample(out) {
 *     out.fill(1);
 *   },
 * };
 * const out = new Int32Array(3);
 * constant.sample(out, Math.random);
 * console.assert(out.join() === '1,1,1');
 * ```
 */
export interface NegativeSampler {
  /** A short name for logs and saved configurations. */
  readonly name: string;
  /**
   * Prepares for a training set (e.g. counts item popularity).
   *
   * @throws RangeError if the sampler cannot draw from this item space.
   */
  fit(sequences: SequenceInteractions): void;
  /** Fills `out` with item ids in `[0, numItems)` of the last `fit`. */
  sample(out: Int32Array, random: () => number): void;
}
