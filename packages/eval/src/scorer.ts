/**
 * A batch of input sequences handed to a {@link Scorer}.
 *
 * The field names match `SequenceInteractions`, so a set of windows can be scored directly.
 *
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 * import { PopularityScorer, type SequenceBatch } from '@seqrec/eval';
 *
 * // A set of windows has the fields of a batch, so it can be scored as it is.
 * const windows = new SequenceInteractions({
 *   sequences: Int32Array.from([0, 1, 2, 1]),
 *   userIds: Int32Array.from([0, 1]),
 *   maxLength: 2,
 *   numItems: 3,
 * });
 * const batch: SequenceBatch = windows;
 * const scores = await PopularityScorer.fit(windows).scoreBatch(batch);
 * console.assert(scores.length === batch.numSequences * 3);
 * ```
 */
export interface SequenceBatch {
  /** Item ids, int32 [numSequences, maxLength] row-major, right-aligned, left-padded with 0. */
  readonly sequences: Int32Array;
  /** Number of rows in the batch. */
  readonly numSequences: number;
  /** Row length (columns per row); may be 0 when there is no input. */
  readonly maxLength: number;
}

/**
 * Anything that scores every item after each sequence of a batch: the one thing evaluation
 * needs from a model.
 *
 * `scoreBatch` returns float32 [numSequences, numItems] row-major: row r holds one score per
 * item id for sequence r, higher meaning more likely next. Column 0 is the padding id; it
 * is ranked like any item (as Spotlight does) but is never a target. The result may be a
 * promise, so models that run on an accelerator can score asynchronously. A scorer may
 * reuse its output array, so callers read the scores before the next call and never write
 * to them.
 *
 * @example
 * ```ts
 * import type { Scorer, SequenceBatch } from '@seqrec/eval';
 *
 * // Scores each item by how often it occurs in the input row.
 * const countScorer: Scorer = {
 *   numItems: 4,
 *   scoreBatch({ sequences, numSequences, maxLength }: SequenceBatch) {
 *     const scores = new Float32Array(numSequences * 4);
 *     sequences.forEach((item, i) => {
 *       const at = Math.floor(i / maxLength) * 4 + item;
 *       scores[at] = (scores[at] ?? 0) + 1;
 *     });
 *     return scores;
 *   },
 * };
 * const scores = await countScorer.scoreBatch({
 *   sequences: Int32Array.from([2, 2, 0, 3]),
 *   numSequences: 2,
 *   maxLength: 2,
 * });
 * console.assert(scores.join() === '0,0,2,0,1,0,0,1');
 * ```
 */
export interface Scorer {
  /** Size of the item id space including padding: the number of scores per row. */
  readonly numItems: number;
  /**
   * Scores every item for each row of `batch`.
   *
   * @param batch - The input rows.
   * @returns float32 [batch.numSequences, numItems] row-major, or a promise of it.
   */
  scoreBatch(batch: SequenceBatch): Float32Array | Promise<Float32Array>;
}
