import * as tf from '@tensorflow/tfjs-core';

/** Backends whose tensors live in host memory, where reading them back costs one copy. */
const HOST_BACKENDS = new Set(['cpu', 'wasm']);

/** Whether {@link gatherOnHost} is the faster lookup on the current backend. */
export function gathersOnHost(): boolean {
  return HOST_BACKENDS.has(tf.getBackend());
}

/**
 * `tf.gather(table, ids)` on axis 0, computed in JavaScript: `table` float32 [numRows, dim],
 * `ids` int32 [n] → float32 [n, dim]; the caller disposes the result.
 *
 * The stock wasm `GatherV2` kernel takes about 0.38 s for 128,000 rows of 64 (the negatives
 * of one batch of 256 windows of 100), over a third of an LSTM training step (measured with
 * `bench/train-worker.mjs profile`); reading the table back, copying rows here and uploading
 * the result takes a few milliseconds. On a GPU backend reading back would stall, so
 * {@link gathersOnHost} keeps those on `tf.gather`.
 *
 * @throws RangeError naming the first id outside [0, numRows).
 */
export function gatherOnHost(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const [numRows, dim] = table.shape;
  const values = table.dataSync() as Float32Array;
  const index = ids.dataSync();
  const rows = new Float32Array(index.length * dim);
  for (let i = 0; i < index.length; i++) {
    const id = index[i] as number;
    if (!(id >= 0 && id < numRows)) {
      throw new RangeError(
        `gatherRows: ids must lie in [0, ${String(numRows)}); got ${String(id)} at index ${String(i)}.`,
      );
    }
    // A plain loop over 64 floats beats `set(subarray(...))`, which allocates a view per row.
    const from = id * dim;
    const to = i * dim;
    for (let j = 0; j < dim; j++) rows[to + j] = values[from + j] as number;
  }
  return tf.tensor2d(rows, [index.length, dim], 'float32');
}
