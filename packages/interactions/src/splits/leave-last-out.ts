import type { Interactions } from '../interactions.js';
import { orderByUserTime } from '../internal/order-by-user-time.js';
import type { Split } from './split-result.js';
import { positionsWhere } from './validate.js';

/**
 * Leave-last-out, the usual protocol of next-item papers: each user's newest interaction goes
 * to test, the one before it to validation, the rest to train. "Newest" follows the order of
 * {@link toSequences} (timestamp, then input order). Users with fewer than three
 * interactions stay wholly in train, so every validation and test user has a history.
 *
 * @example
 * ```ts
 * import { Interactions, leaveLastOut } from '@seqrec/interactions';
 *
 * const data = Interactions.fromRaw({
 *   users: ['a', 'a', 'a', 'a', 'b'],
 *   items: [1, 2, 3, 4, 5],
 * });
 * const { train, validation, test } = leaveLastOut(data);
 * console.assert(train.length === 3 && validation.length === 1 && test.length === 1);
 * console.assert(data.itemMap?.toRaw(test.itemIds[0] ?? 0) === 4);
 * ```
 */
export function leaveLastOut(data: Interactions): Split {
  const { order, start } = orderByUserTime(data);
  const part = new Uint8Array(data.length); // 0 train, 1 validation, 2 test
  for (let u = 0; u < data.numUsers; u++) {
    const from = start[u] as number;
    const to = start[u + 1] as number;
    if (to - from < 3) continue;
    part[order[to - 1] as number] = 2;
    part[order[to - 2] as number] = 1;
  }
  return {
    train: data.subset(positionsWhere(part, 0)),
    validation: data.subset(positionsWhere(part, 1)),
    test: data.subset(positionsWhere(part, 2)),
  };
}
