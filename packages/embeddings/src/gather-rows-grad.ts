import * as tf from '@tensorflow/tfjs-core';

/**
 * The gradient of a row gather: sums the incoming row gradients into a zero table of the
 * gathered one's shape, adding rows that share an id, and drops every gradient aimed at the
 * padding row 0 so that row never trains.
 *
 * `dy` float32 [n, dim], `ids` int32 [n] → float32 [numRows, dim].
 *
 * A scatter is used rather than tf.gather's own gradient because the wasm backend has no
 * `UnsortedSegmentSum` kernel, which that gradient needs.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { scatterRows } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const grad = scatterRows(tf.ones([3, 2]), tf.tensor1d([2, 0, 2], 'int32'), 4);
 * console.assert(grad.arraySync().join('|') === '0,0|0,0|2,2|0,0');
 * ```
 */
export function scatterRows(dy: tf.Tensor2D, ids: tf.Tensor1D, numRows: number): tf.Tensor2D {
  return tf.tidy(() => {
    const notPadding = tf.cast(tf.notEqual(ids, 0), 'float32');
    const updates = tf.mul(dy, tf.expandDims(notPadding, 1));
    return tf.scatterND(tf.expandDims(ids, 1), updates, [numRows, dy.shape[1]]) as tf.Tensor2D;
  });
}
