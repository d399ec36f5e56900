import { describeValue } from '@seqrec/interactions';

import { firstNaN } from './internal/first-nan.js';
import { TargetRanker } from './internal/target-ranker.js';

/**
 * The 1-based rank of `target` among all item scores of one row, with ties given their
 * average rank, as `scipy.stats.rankdata` does in Spotlight's evaluation.
 *
 * Rank 1 is the highest score. Every id in `[0, scores.length)` takes part, the padding
 * id 0 included. Items in `excluded` are moved below every finite score (to minus the
 * largest float32, Spotlight's `FLOAT_MAX`), tying with each other; an item scored
 * `-Infinity` still ranks below them. When `target` itself is excluded it moves too.
 *
 * @param scores - float32 [numItems]: one score per item id, higher is better.
 * @param target - The item id to rank, an integer in `[0, numItems)`.
 * @param excluded - Item ids to push to the bottom (repeats count once), each in
 *   `[0, numItems)`; default none.
 * @returns The average rank, in `[1, numItems]`; a multiple of 0.5.
 * @throws TypeError if `scores` is not a Float32Array.
 * @throws RangeError if `target` or an excluded id is out of range, or a score is NaN.
 * @example
 * ```ts
 * import { rankOfTarget } from '@seqrec/eval';
 *
 * // Item 2 ties with item 3 for second place: ranks 2 and 3 average to 2.5.
 * const scores = Float32Array.from([0, 9, 5, 5]);
 * console.assert(rankOfTarget(scores, 2) === 2.5);
 * // Excluding item 1 moves it to the bottom, so items 2 and 3 share ranks 1 and 2.
 * console.assert(rankOfTarget(scores, 2, [1]) === 1.5);
 * ```
 */
export function rankOfTarget(
  scores: Float32Array,
  target: number,
  excluded: ArrayLike<number> = [],
): number {
  if (!(scores instanceof Float32Array)) {
    throw new TypeError(
      `rankOfTarget: scores must be a Float32Array; got ${describeValue(scores)}.`,
    );
  }
  const n = scores.length;
  requireItemId('target', target, n);
  for (let i = 0; i < excluded.length; i++) {
    requireItemId(`excluded[${String(i)}]`, excluded[i], n);
  }

  const rank = new TargetRanker(n).rank(scores, 0, target, excluded);
  if (Number.isNaN(rank)) {
    const item = firstNaN(scores, 0, n, excluded);
    throw new RangeError(`rankOfTarget: scores must not be NaN; got NaN at item ${String(item)}.`);
  }
  return rank;
}

function requireItemId(name: string, value: unknown, numItems: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= numItems) {
    throw new RangeError(
      `rankOfTarget: ${name} must be an integer in [0, ${String(numItems)}); ` +
        `got ${describeValue(value)}.`,
    );
  }
}
