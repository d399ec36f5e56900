/**
 * Full-ranking metrics of a next-item test set, as returned by `evaluateSequences`.
 *
 * Each metric is a mean over the evaluated rows. Records are keyed by the cut-off k, e.g.
 * `hr[10]`. With one target per row, `recall[k] === hr[k]` and
 * `precision[k] === hr[k] / k`.
 *
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 * import { PopularityScorer, evaluateSequences, type SequenceMetrics } from '@seqrec/eval';
 *
 * // The second row's target is padding, so it is skipped.
 * const test = new SequenceInteractions({
 *   sequences: Int32Array.from([2, 1, 1, 0]),
 *   userIds: Int32Array.from([0, 1]),
 *   maxLength: 2,
 *   numItems: 3,
 * });
 * const metrics: SequenceMetrics = await evaluateSequences(PopularityScorer.fit(test), test, {
 *   k: [1],
 * });
 * console.assert(metrics.numSequences === 1 && metrics.numSkipped === 1);
 * console.assert(metrics.recall[1] === metrics.hr[1] && Number.isNaN(metrics.perSequence[1]));
 * ```
 */
export interface SequenceMetrics {
  /** Mean reciprocal (average) rank of the target, in (0, 1]. */
  readonly mrr: number;
  /** Hit rate at k: the fraction of rows whose target's average rank is at most k. */
  readonly hr: Readonly<Record<number, number>>;
  /** Normalised DCG at k: the mean of `1 / log2(rank + 1)` over rows with rank ≤ k, else 0. */
  readonly ndcg: Readonly<Record<number, number>>;
  /** Precision at k: hits among the top k over k, which is `hr[k] / k` here. */
  readonly precision: Readonly<Record<number, number>>;
  /** Recall at k: the fraction of targets found in the top k, which is `hr[k]` here. */
  readonly recall: Readonly<Record<number, number>>;
  /** Number of rows evaluated (rows whose target is not padding). */
  readonly numSequences: number;
  /** Number of rows skipped because their target (last item) is the padding id. */
  readonly numSkipped: number;
  /**
   * Reciprocal rank per row of the test set, float32 [test.numSequences], in row order;
   * NaN for skipped rows.
   */
  readonly perSequence: Float32Array;
}
