import { describeValue, type SequenceInteractions } from '@seqrec/interactions';

import type { NegativeSampler } from './negative-sampler.js';

/**
 * Draws real items with probability proportional to `count ^ exponent`, counts taken from
 * the training windows (each occurrence in a window counts, so overlapping windows weigh
 * more). Exponent 0 is uniform over items that occur; word2vec's 0.75 is a common choice.
 * Items that never occur are never drawn; if nothing occurs it falls back to uniform over
 * the real items, so it never loops or fails on a tiny catalogue.
 *
 * @see Mikolov et al. 2013, "Distributed representations of words and phrases", for the
 *   smoothed unigram distribution.
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 * import { PopularitySampler } from '@seqrec/models';
 *
 * const sampler = new PopularitySampler({ exponent: 1 });
 * sampler.fit(new SequenceInteractions({
 *   sequences: Int32Array.of(0, 2, 2, 2), userIds: Int32Array.of(0, 1), maxLength: 2, numItems: 3,
 * }));
 * const out = new Int32Array(10);
 * sampler.sample(out, Math.random);
 * console.assert(out.every((id) => id === 2)); // item 1 never occurs
 * ```
 */
export class PopularitySampler implements NegativeSampler {
  /** `'popularity'`. */
  readonly name = 'popularity';
  /** The exponent applied to counts. */
  readonly exponent: number;
  #cumulative = new Float64Array(0);

  /**
   * @param options - `exponent` ≥ 0 (default 0.75).
   * @throws RangeError if the exponent is negative or not finite.
   */
  constructor(options: { readonly exponent?: number } = {}) {
    const exponent = options.exponent ?? 0.75;
    if (typeof exponent !== 'number' || !(exponent >= 0 && Number.isFinite(exponent))) {
      throw new RangeError(
        `PopularitySampler: exponent must be a finite number ≥ 0; got ${describeValue(exponent)}.`,
      );
    }
    this.exponent = exponent;
  }

  /** @throws RangeError if the item space has no real item. */
  fit(sequences: SequenceInteractions): void {
    const numItems = sequences.numItems;
    if (numItems < 2) {
      throw new RangeError(
        `PopularitySampler: numItems must be at least 2; got ${String(numItems)}.`,
      );
    }
    const counts = new Float64Array(numItems);
    for (const id of sequences.sequences) counts[id] = (counts[id] as number) + 1;
    counts[0] = 0;
    let total = 0;
    const cumulative = new Float64Array(numItems);
    for (let i = 1; i < numItems; i++) {
      const c = counts[i] as number;
      total += c > 0 ? c ** this.exponent : 0;
      cumulative[i] = total;
    }
    if (total === 0) for (let i = 1; i < numItems; i++) cumulative[i] = i;
    this.#cumulative = cumulative;
  }

  /** Fills `out` by inverting the cumulative distribution with a binary search. */
  sample(out: Int32Array, random: () => number): void {
    const cumulative = this.#cumulative;
    const n = cumulative.length;
    if (n < 2) throw new Error('PopularitySampler: sample called before fit.');
    const total = cumulative[n - 1] as number;
    for (let i = 0; i < out.length; i++) {
      const target = random() * total;
      // The first id whose cumulative weight exceeds the target; ids of weight 0 are skipped
      // because their cumulative value equals their predecessor's.
      let lo = 1;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] as number) > target) hi = mid;
        else lo = mid + 1;
      }
      out[i] = lo;
    }
  }
}
