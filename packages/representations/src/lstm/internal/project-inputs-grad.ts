import * as tf from '@tensorflow/tfjs-core';

/**
 * The gradient of `projectInputs`: `dy` float32 [T, batch, rows] and the saved
 * `[inputs as [T·batch, dim], weight [rows, dim]]` → gradients of the inputs [T, batch, dim],
 * the weight [rows, dim] and, with `withBias`, the bias [rows].
 *
 * Only plain products: `dInputs = dy · weight`, `dWeight = (inputsᵀ · dy)ᵀ` with the
 * narrower inputs transposed first, and `dBias = 1ᵀ · dy`, a product with a row of ones, in
 * place of a `Sum` over T·batch rows.
 *
 * @internal
 */
export function projectInputsGrad(
  dy: tf.Tensor3D,
  [flatInputs, weight]: readonly [tf.Tensor2D, tf.Tensor2D],
  withBias: boolean,
): tf.Tensor[] {
  return tf.tidy(() => {
    const [steps, batch, rows] = dy.shape;
    const [count, dim] = flatInputs.shape;
    const flat = tf.reshape(dy, [count, rows]) as tf.Tensor2D;
    const dInputs = tf.reshape(tf.matMul(flat, weight), [steps, batch, dim]);
    const dWeight = tf.transpose(tf.matMul(tf.transpose(flatInputs), flat));
    if (!withBias) return [dInputs, dWeight];
    const dBias = tf.reshape(tf.matMul(tf.ones([1, count]), flat), [rows]);
    return [dInputs, dWeight, dBias];
  });
}
