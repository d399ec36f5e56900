import type { Interactions } from '../interactions.js';

/**
 * The parts of a split. All parts keep the id spaces and id maps of the input, so a model
 * trained on `train` scores the items of `test`.
 *
 * @example
 * ```ts
 * import { Interactions, leaveLastOut, type Split } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({ users: [1, 1, 1, 1], items: ['a', 'b', 'c', 'd'] });
 * const split: Split = leaveLastOut(data);
 * // Every part keeps the input's id spaces, so test ids mean the same items as train ids.
 * console.assert(split.test.numItems === split.train.numItems);
 * console.assert(split.test.itemMap === data.itemMap);
 * console.assert(data.itemMap?.toRaw(split.test.itemIds[0] ?? 0) === 'd');
 * ```
 */
export interface Split {
  /** Interactions to train on. */
  readonly train: Interactions;
  /** Interactions to choose hyperparameters on (empty when the split makes none). */
  readonly validation: Interactions;
  /** Interactions to report results on. */
  readonly test: Interactions;
}
