import * as tf from '@tensorflow/tfjs-core';

import { scatterRows } from './gather-rows-grad.js';
import { gatherOnHost, gathersOnHost } from './internal/gather-on-host.js';

/**
 * Looks up rows of a table: `table` float32 [numRows, dim], `ids` int32 of any shape S →
 * float32 [...S, dim]. Its gradient with respect to `table` skips the padding row 0 (see
 * {@link scatterRows}); `ids` get no gradient. On the cpu and wasm backends the rows are
 * copied in JavaScript, many times faster than their `GatherV2` kernels.
 *
 * @throws RangeError on cpu and wasm when an id lies outside [0, numRows).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { gatherRows } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const rows = gatherRows(tf.tensor2d([[0, 0], [1, 2], [3, 4]]), tf.tensor1d([2, 1], 'int32'));
 * console.assert(rows.arraySync().toString() === '3,4,1,2');
 * ```
 */
export function gatherRows(table: tf.Tensor2D, ids: tf.Tensor): tf.Tensor {
  const [numRows, dim] = table.shape;
  return tf.tidy(() => {
    const flatIds = tf.reshape(ids, [-1]) as tf.Tensor1D;
    const lookup = tf.customGrad((weights, save) => {
      // Saved so the engine keeps the ids alive until the backward pass.
      (save as tf.GradSaveFunc)([flatIds]);
      return {
        value: gathersOnHost()
          ? gatherOnHost(weights as tf.Tensor2D, flatIds)
          : tf.gather(weights as tf.Tensor2D, flatIds),
        gradFunc: (dy, [savedIds]) =>
          scatterRows(dy as tf.Tensor2D, savedIds as tf.Tensor1D, numRows),
      };
    });
    return tf.reshape(lookup(table), [...ids.shape, dim]);
  });
}
