import type { SequenceInteractions } from '@seqrec/interactions';

import { evaluate } from './internal/evaluate.js';
import { resolveEvaluateOptions } from './internal/resolve-evaluate-options.js';
import type { Scorer } from './scorer.js';
import type { SequenceMetrics } from './sequence-metrics.js';

/**
 * Options of {@link evaluateSequences}.
 *
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 * import {
 *   PopularityScorer,
 *   evaluateSequences,
 *   type EvaluateSequencesOptions,
 * } from '@seqrec/eval';
 *
 * const test = new SequenceInteractions({
 *   sequences: Int32Array.from([1, 2, 2, 1, 3, 1]),
 *   userIds: Int32Array.from([0, 1, 2]),
 *   maxLength: 2,
 *   numItems: 4,
 * });
 * const popularity = PopularityScorer.fit(test);
 * const batches: number[] = [];
 * const options: EvaluateSequencesOptions = {
 *   k: [1, 2],
 *   batchSize: 2,
 *   onProgress: (done) => batches.push(done),
 * };
 * const metrics = await evaluateSequences(popularity, test, options);
 * console.assert(batches.join() === '2,3' && metrics.hr[2] !== undefined);
 * ```
 */
export interface EvaluateSequencesOptions {
  /**
   * Push every item of a row's input, the padding id included when the input is padded, to
   * the bottom of the ranking before ranking the target (default false, as Spotlight).
   */
  readonly excludePreceding?: boolean | undefined;
  /** Cut-offs for HR, NDCG, precision and recall, positive integers (default `[10]`). */
  readonly k?: readonly number[] | undefined;
  /** Rows per `scoreBatch` call, a positive integer (default 256). */
  readonly batchSize?: number | undefined;
  /** Called after each batch with the rows evaluated so far and the rows to evaluate. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Ranks the last item of every test row against all items, given the rest of the row, and
 * returns MRR, HR@k, NDCG@k, precision@k and recall@k, as Spotlight's `sequence_mrr_score`.
 *
 * Row r of `test` splits into the input `row[0, L - 1)` and the target `row[L - 1]`. Inputs
 * go to `scorer.scoreBatch` `batchSize` rows at a time, one call per batch, awaited in turn.
 * The target's rank counts every item id, the padding id 0 included, with ties given their
 * average rank; see {@link rankOfTarget}. With `excludePreceding`, the items of the input are
 * moved below every finite score first; as the input of a short row is left-padded, that
 * also moves the padding id down. A tie straddling k counts as a hit when its average rank
 * is at most k, and NDCG uses the average rank too.
 *
 * Rows whose target is the padding id (rows of padding only) are skipped and counted in
 * `numSkipped`. Deviation: Spotlight ranks the padding id as the target of such rows; a
 * padding target is no next item, so counting it would only blur the mean.
 *
 * @param scorer - Scores all `numItems` items per row; `numItems` must equal `test.numItems`.
 * @param test - Windows with `maxLength ≥ 2` and at least one row not ending in padding.
 * @throws TypeError if `scorer`, `test` or an option is of the wrong kind, or a batch's
 *   scores are not a Float32Array.
 * @throws RangeError if an option is out of range, the item spaces differ, no row has a
 *   target, a batch's scores do not have shape [batch, numItems], or a ranked score is NaN.
 * @throws Error if `scoreBatch` throws; the cause is attached.
 * @see Kula, M. "Spotlight", 2017: `spotlight.evaluation.sequence_mrr_score`.
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 * import { evaluateSequences, type Scorer } from '@seqrec/eval';
 *
 * // Inputs [1, 2] → target 3; inputs [0, 2] → target 1.
 * const test = new SequenceInteractions({
 *   sequences: Int32Array.from([1, 2, 3, 0, 2, 1]),
 *   userIds: Int32Array.from([0, 1]),
 *   maxLength: 3,
 *   numItems: 4,
 * });
 * // The same scores for ids 0..3 after every input.
 * const fixed: Scorer = {
 *   numItems: 4,
 *   scoreBatch: ({ numSequences }) => {
 *     const scores = new Float32Array(numSequences * 4);
 *     for (let r = 0; r < numSequences; r++) scores.set([0, 3, 2, 1], r * 4);
 *     return scores;
 *   },
 * };
 *
 * // Target 3 ranks 3rd behind items 1 and 2; target 1 ranks 1st.
 * const all = await evaluateSequences(fixed, test, { k: [1, 3] });
 * console.assert(Math.abs(all.mrr - (1 / 3 + 1) / 2) < 1e-12);
 * console.assert(all.hr[1] === 0.5 && all.hr[3] === 1 && all.precision[3] === 1 / 3);
 *
 * // Excluding the inputs moves items 1 and 2 out of the way of target 3.
 * const fresh = await evaluateSequences(fixed, test, { excludePreceding: true });
 * console.assert(fresh.mrr === 1 && fresh.ndcg[10] === 1);
 * ```
 */
export async function evaluateSequences(
  scorer: Scorer,
  test: SequenceInteractions,
  options: EvaluateSequencesOptions = {},
): Promise<SequenceMetrics> {
  const api = 'evaluateSequences';
  return evaluate(api, scorer, test, resolveEvaluateOptions(api, scorer, test, options));
}
