import { describeValue } from '../describe-value.js';
import type { Interactions } from '../interactions.js';
import { checkKeys } from '../internal/check-keys.js';
import type { Split } from './split-result.js';
import { positionsWhere, requireFraction } from './validate.js';

/**
 * Options of {@link temporalSplit}: give exactly one of `cutoff` and `testFraction`.
 *
 * @example
 * ```ts
 * import { Interactions, temporalSplit, type TemporalSplitOptions } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({
 *   users: [1, 1, 2, 2, 3],
 *   items: [1, 2, 3, 4, 5],
 *   timestamps: [10, 20, 30, 40, 50],
 * });
 * // The newest 40 % go to test; the cut-off is picked from the timestamps.
 * const newest: TemporalSplitOptions = { testFraction: 0.4 };
 * const { train, test } = temporalSplit(data, newest);
 * console.assert(train.length === 3 && test.length === 2 && test.timestamps?.[0] === 40);
 * ```
 */
export interface TemporalSplitOptions {
  /** Interactions at or after this time go to test, earlier ones to train. */
  readonly cutoff?: number;
  /** Put the newest fraction of interactions in test, in [0, 1): picks the cut-off for you. */
  readonly testFraction?: number;
}

/**
 * Splits at one global point in time: everything before the cut-off trains, everything at or
 * after it tests, whatever the user. With `testFraction`, the cut-off is the timestamp at
 * that quantile, so slightly more may land in test when many interactions share it.
 *
 * @throws TypeError if the interactions have no timestamps.
 * @throws RangeError unless exactly one of `cutoff` (a finite number) and `testFraction` is
 *   given.
 * @example
 * ```ts
 * import { Interactions, temporalSplit } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({
 *   users: [1, 2, 1, 2],
 *   items: [1, 2, 3, 4],
 *   timestamps: [10, 20, 30, 40],
 * });
 * const { train, test } = temporalSplit(data, { cutoff: 30 });
 * console.assert(train.length === 2 && test.length === 2);
 * ```
 */
export function temporalSplit(data: Interactions, options: TemporalSplitOptions): Split {
  const api = 'temporalSplit';
  checkKeys(api, options, ['cutoff', 'testFraction']);
  const time = data.timestamps;
  if (time === undefined) {
    throw new TypeError(
      `${api}: interactions must have timestamps; got none. ` +
        'Hint: load the data with its timestamp column, or use userBasedSplit.',
    );
  }
  if ((options.cutoff === undefined) === (options.testFraction === undefined)) {
    throw new RangeError(
      `${api}: exactly one of cutoff and testFraction must be given; ` +
        `got ${describeValue(options)}.`,
    );
  }
  let cutoff = options.cutoff;
  if (cutoff === undefined) {
    const fraction = requireFraction(api, 'testFraction', options.testFraction);
    const sorted = Float64Array.from(time).sort();
    const index = Math.min(sorted.length - 1, Math.floor((1 - fraction) * sorted.length));
    cutoff = fraction === 0 ? Number.POSITIVE_INFINITY : (sorted[index] ?? 0);
  } else if (!Number.isFinite(cutoff)) {
    throw new RangeError(`${api}: cutoff must be a finite number; got ${describeValue(cutoff)}.`);
  }

  const part = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) part[i] = (time[i] as number) >= cutoff ? 2 : 0;
  return {
    train: data.subset(positionsWhere(part, 0)),
    validation: data.subset(positionsWhere(part, 1)),
    test: data.subset(positionsWhere(part, 2)),
  };
}
