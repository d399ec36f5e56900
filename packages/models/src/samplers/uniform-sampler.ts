import type { SequenceInteractions } from '@seqrec/interactions';

import type { NegativeSampler } from './negative-sampler.js';

/**
 * Draws item ids uniformly. By default over every id in `[0, numItems)`, the padding id
 * included, exactly as Spotlight's `sample_items` does, so results compare with it; with
 * `excludePadding` over the real items `[1, numItems)` only.
 *
 * Drawing never rejects a sample (not even the positive item), so it cannot loop, however
 * small the catalogue.
 *
 * @see Spotlight's `spotlight.sampling.sample_items`.
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 * import { UniformSampler } from '@seqrec/models';
 *
 * const sampler = new UniformSampler({ excludePadding: true });
 * sampler.fit(new SequenceInteractions({
 *   sequences: Int32Array.of(1, 2), userIds: Int32Array.of(0), maxLength: 2, numItems: 3,
 * }));
 * const out = new Int32Array(100);
 * sampler.sample(out, Math.random);
 * console.assert(out.every((id) => id === 1 || id === 2));
 * ```
 */
export class UniformSampler implements NegativeSampler {
  /** `'uniform'` or `'uniform-excluding-padding'`. */
  readonly name: string;
  readonly #first: number;
  #span = 0;

  /** @param options - `excludePadding`: never draw id 0 (default false). */
  constructor(options: { readonly excludePadding?: boolean } = {}) {
    this.#first = options.excludePadding === true ? 1 : 0;
    this.name = this.#first === 1 ? 'uniform-excluding-padding' : 'uniform';
  }

  /** @throws RangeError if there is no id to draw (no real item when padding is excluded). */
  fit(sequences: SequenceInteractions): void {
    this.#span = sequences.numItems - this.#first;
    if (this.#span < 1) {
      throw new RangeError(
        `${this.name} sampler: numItems must be above ${String(this.#first)}; ` +
          `got ${String(sequences.numItems)}.`,
      );
    }
  }

  /** Fills `out` with uniform ids. */
  sample(out: Int32Array, random: () => number): void {
    if (this.#span < 1) throw new Error(`${this.name} sampler: sample called before fit.`);
    for (let i = 0; i < out.length; i++) out[i] = this.#first + Math.floor(random() * this.#span);
  }
}
