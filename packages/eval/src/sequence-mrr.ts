import type { SequenceInteractions } from '@seqrec/interactions';

import type { EvaluateSequencesOptions } from './evaluate-sequences.js';
import { evaluate } from './internal/evaluate.js';
import { resolveEvaluateOptions } from './internal/resolve-evaluate-options.js';
import type { Scorer } from './scorer.js';

/**
 * Options of {@link sequenceMrr}: those of `evaluateSequences` without cut-offs.
 *
 * @example
 * ```ts
 * import { SequenceInteractions } from '@seqrec/interactions';
 * import { PopularityScorer, sequenceMrr, type SequenceMrrOptions } from '@seqrec/eval';
 *
 * // Input [1], target 1: popularity ranks item 1 first unless the input is excluded.
 * const test = new SequenceInteractions({
 *   sequences: Int32Array.from([1, 1, 1, 2]),
 *   userIds: Int32Array.from([0, 1]),
 *   maxLength: 2,
 *   numItems: 3,
 * });
 * const popularity = PopularityScorer.fit(test);
 * const options: SequenceMrrOptions = { excludePreceding: false, batchSize: 1 };
 * console.assert((await sequenceMrr(popularity, test, options)) > 0.5);
 * ```
 */
export type SequenceMrrOptions = Omit<EvaluateSequencesOptions, 'k'>;

/**
 * The mean reciprocal rank of the last item of each test row given the rest of the row:
 * the mean of Spotlight's `sequence_mrr_score`, through `evaluateSequences`.
 *
 * Rows whose target is the padding id are skipped; see `evaluateSequences` for the ranking
 * rules and the checks.
 *
 * @throws TypeError | RangeError | Error as `evaluateSequences`.
 * @see Kula, M. "Spotlight", 2017: `spotlight.evaluation.sequence_mrr_score`.
 * @example
 * ```ts
 * import { Interactions, SequenceInteractions } from '@seqrec/interactions';
 * import { PopularityScorer, sequenceMrr } from '@seqrec/eval';
 *
 * // Raw items 7, 8, 9 get dense ids 1, 2, 3; item 1 is the most popular.
 * const train = Interactions.fromRaw({ users: [1, 1, 2, 2, 3], items: [7, 8, 7, 9, 7] });
 * const popularity = PopularityScorer.fit(train);
 * // One row: input [2], target 1, which popularity ranks first.
 * const test = new SequenceInteractions({
 *   sequences: Int32Array.from([2, 1]),
 *   userIds: Int32Array.from([0]),
 *   maxLength: 2,
 *   numItems: train.numItems,
 * });
 * console.assert((await sequenceMrr(popularity, test)) === 1);
 * ```
 */
export async function sequenceMrr(
  scorer: Scorer,
  test: SequenceInteractions,
  options: SequenceMrrOptions = {},
): Promise<number> {
  const api = 'sequenceMrr';
  const resolved = resolveEvaluateOptions(api, scorer, test, options);
  return (await evaluate(api, scorer, test, resolved)).mrr;
}
