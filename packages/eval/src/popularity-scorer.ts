import { PADDING_ID, describeValue } from '@seqrec/interactions';
import type { Interactions, SequenceInteractions } from '@seqrec/interactions';

import type { Scorer, SequenceBatch } from './scorer.js';

/**
 * The popularity baseline: scores every item by how often it occurs in the training data,
 * whatever the input sequence.
 *
 * The padding id scores `-Infinity`, below every item and below the items that
 * `excludePreceding` pushes down. Equally popular items tie and share their average rank.
 *
 * Limitation: scores are float32, so counts above 2^24 (16,777,216) are rounded and may tie
 * with neighbouring counts.
 *
 * @example
 * ```ts
 * import { Interactions } from '@seqrec/interactions';
 * import { PopularityScorer } from '@seqrec/eval';
 *
 * const train = Interactions.fromRaw({ users: [1, 2, 2], items: ['a', 'b', 'a'] });
 * const popularity = PopularityScorer.fit(train);
 * const scores = popularity.scoreBatch({
 *   sequences: Int32Array.from([2]),
 *   numSequences: 1,
 *   maxLength: 1,
 * });
 * // Padding, then 'a' (dense id 1, seen twice), then 'b' (dense id 2, once).
 * console.assert(scores.join() === '-Infinity,2,1');
 * ```
 */
export class PopularityScorer implements Scorer {
  /** Size of the item id space including padding. */
  readonly numItems: number;
  /** float32 [numItems]: the score of every row. */
  readonly #scores: Float32Array;

  /**
   * @param counts - Occurrences per item id, [numItems], finite and non-negative; the entry
   *   of the padding id is ignored.
   * @throws RangeError if `counts` is empty or holds a negative or non-finite count.
   */
  constructor(counts: ArrayLike<number>) {
    if (counts.length < 1) {
      throw new RangeError(
        `PopularityScorer: counts must hold one entry per item id; got ${describeValue(counts)}.`,
      );
    }
    const scores = new Float32Array(counts.length);
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i];
      if (i !== PADDING_ID && !(typeof count === 'number' && count >= 0 && count < Infinity)) {
        throw new RangeError(
          `PopularityScorer: counts[${String(i)}] must be a finite non-negative number; ` +
            `got ${describeValue(count)}.`,
        );
      }
      scores[i] = count as number;
    }
    scores[PADDING_ID] = -Infinity;
    this.numItems = counts.length;
    this.#scores = scores;
  }

  /**
   * Counts the occurrences of each item in `train`: one per interaction, or one per
   * non-padding cell of the windows.
   *
   * Ratings and weights are ignored. Windows that overlap (`stepSize < maxLength`) count
   * the shared items once per window.
   *
   * @param train - Interactions or windows whose `numItems` sets the item space.
   * @throws TypeError if `train` is neither.
   * @example
   * ```ts
   * import { SequenceInteractions } from '@seqrec/interactions';
   * import { PopularityScorer } from '@seqrec/eval';
   *
   * const windows = new SequenceInteractions({
   *   sequences: Int32Array.from([0, 1, 2, 0, 0, 2]),
   *   userIds: Int32Array.from([0, 1]),
   *   maxLength: 3,
   *   numItems: 3,
   * });
   * const popularity = PopularityScorer.fit(windows);
   * // Popularity ignores the input, so an empty one will do.
   * const empty = { sequences: new Int32Array(0), numSequences: 1, maxLength: 0 };
   * const scores = popularity.scoreBatch(empty);
   * console.assert(popularity.numItems === 3 && scores.join() === '-Infinity,1,2');
   * ```
   */
  static fit(train: Interactions | SequenceInteractions): PopularityScorer {
    const ids = itemColumn(train);
    const counts = new Float64Array(train.numItems);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      counts[id] = (counts[id] as number) + 1;
    }
    counts[PADDING_ID] = 0;
    return new PopularityScorer(counts);
  }

  /**
   * The item counts, repeated for each row of `batch`.
   *
   * @returns float32 [batch.numSequences, numItems], a new array.
   * @throws RangeError if `batch.numSequences` is not a non-negative integer or
   *   `batch.sequences` does not have `numSequences × maxLength` ids.
   */
  scoreBatch(batch: SequenceBatch): Float32Array {
    const { sequences, numSequences, maxLength } = batch;
    if (!Number.isSafeInteger(numSequences) || numSequences < 0) {
      throw new RangeError(
        `PopularityScorer.scoreBatch: batch.numSequences must be a non-negative integer; ` +
          `got ${describeValue(numSequences)}.`,
      );
    }
    if (sequences.length !== numSequences * maxLength) {
      throw new RangeError(
        `PopularityScorer.scoreBatch: batch.sequences must hold numSequences × maxLength = ` +
          `${String(numSequences)} × ${String(maxLength)} ids; got ${String(sequences.length)}.`,
      );
    }

    const n = this.numItems;
    const out = new Float32Array(numSequences * n);
    for (let r = 0; r < numSequences; r++) out.set(this.#scores, r * n);
    return out;
  }
}

function itemColumn(train: Interactions | SequenceInteractions): Int32Array {
  // Structural checks, not instanceof: the two classes may come from different builds.
  if ('itemIds' in train && train.itemIds instanceof Int32Array) return train.itemIds;
  if ('sequences' in train && train.sequences instanceof Int32Array) return train.sequences;
  throw new TypeError(
    `PopularityScorer.fit: train must be Interactions or SequenceInteractions; ` +
      `got ${describeValue(train)}.`,
  );
}
