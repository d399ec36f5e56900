import type * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

/**
 * Checks the input of a representation's `encode`: int32 ids of shape [batch, L] with L ≥ 1,
 * the check every built-in representation makes, for plugins to make the same way. Only the
 * shape and dtype are read; the values stay on the backend.
 *
 * @param api - The caller's name, for the message (e.g. `'MyRepresentation.encode'`).
 * @throws TypeError if `itemIds` is not an int32 tensor.
 * @throws RangeError if it is not of rank 2 or has no columns.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { checkItemIds } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * checkItemIds('Mine.encode', tf.tensor2d([[0, 3]], [1, 2], 'int32')); // passes
 * let message = '';
 * try {
 *   checkItemIds('Mine.encode', tf.tensor2d([[0, 3]], [1, 2], 'float32'));
 * } catch (error) {
 *   message = (error as Error).message;
 * }
 * console.assert(message === 'Mine.encode: itemIds must be an int32 tensor; got "float32".');
 * ```
 */
export function checkItemIds(api: string, itemIds: tf.Tensor): void {
  if (typeof itemIds !== 'object' || itemIds === null || itemIds.dtype !== 'int32') {
    const got = typeof itemIds === 'object' && itemIds !== null ? itemIds.dtype : itemIds;
    throw new TypeError(`${api}: itemIds must be an int32 tensor; got ${describeValue(got)}.`);
  }
  if (itemIds.rank !== 2 || (itemIds.shape[1] ?? 0) < 1) {
    throw new RangeError(
      `${api}: itemIds must have shape [batch, L] with L ≥ 1; ` +
        `got [${itemIds.shape.join(',')}].`,
    );
  }
}
