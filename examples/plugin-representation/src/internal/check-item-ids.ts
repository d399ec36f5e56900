import type * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

/**
 * Checks the input of `encode`: int32 ids of shape [batch, L] with L ≥ 1. Only the shape and
 * dtype are read, so the ids stay on the backend.
 *
 * @throws TypeError if `itemIds` is not an int32 tensor.
 * @throws RangeError if it is not of rank 2 or has no columns.
 * @internal
 */
export function checkItemIds(api: string, itemIds: tf.Tensor): void {
  if (typeof itemIds !== 'object' || itemIds === null || itemIds.dtype !== 'int32') {
    const got = typeof itemIds === 'object' && itemIds !== null ? itemIds.dtype : itemIds;
    throw new TypeError(`${api}: itemIds must be an int32 tensor; got ${describeValue(got)}.`);
  }
  if (itemIds.rank !== 2 || (itemIds.shape[1] ?? 0) < 1) {
    throw new RangeError(
      `${api}: itemIds must have shape [batch, L] with L ≥ 1; got [${itemIds.shape.join(',')}].`,
    );
  }
}
