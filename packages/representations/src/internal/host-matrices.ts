import * as tf from '@tensorflow/tfjs-core';

/**
 * `left · right` on the backend for a host matrix `left`, float32 [rows, k] row-major, and a
 * tensor `right` float32 [k, n]: one upload, one `MatMul` kernel and one read-back. Returns
 * the product's values, float32 [rows, n], as an array the caller owns; no tensor is left.
 *
 * The fused recurrent ops call it once or twice per time step: the products are what the
 * backend does fast, the elementwise gates are cheaper on the host than as a dozen small
 * kernels (see `fused-lstm.ts`).
 *
 * @internal
 */
export function multiplyOnBackend(
  left: Float32Array,
  rows: number,
  right: tf.Tensor2D,
): Float32Array {
  const leftTensor = tf.tensor2d(left, [rows, right.shape[0]], 'float32');
  const product = tf.matMul(leftTensor, right);
  const values = product.dataSync() as Float32Array;
  leftTensor.dispose();
  product.dispose();
  return values;
}

/**
 * The transpose of a host matrix: float32 [rows, cols] row-major → float32 [cols, rows].
 *
 * The weight gradients of the fused ops are products `Aᵀ B` over all T·batch rows; the stock
 * wasm `BatchMatMul` is about ten times slower with a transposed operand, and its `Transpose`
 * kernel takes longer than this loop (0.06 s for [25856, 256], measured), so the narrower
 * operand is transposed here, on the host, before it is uploaded.
 *
 * @internal
 */
export function transposeHost(values: Float32Array, rows: number, cols: number): Float32Array {
  const transposed = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const from = r * cols;
    for (let c = 0; c < cols; c++) transposed[c * rows + r] = values[from + c] as number;
  }
  return transposed;
}

/**
 * `Σ_r left_rᵀ right_r`, that is `leftᵀ · right`, for a host matrix `left` float32
 * [rows, p] and a tensor `right` float32 [rows, q]: float32 [p, q], in one plain `MatMul`.
 * The caller disposes the result.
 *
 * @internal
 */
export function transposedProduct(
  left: Float32Array,
  rows: number,
  right: tf.Tensor2D,
): tf.Tensor2D {
  const p = left.length / rows;
  return tf.tidy(() => tf.matMul(tf.tensor2d(transposeHost(left, rows, p), [p, rows]), right));
}
