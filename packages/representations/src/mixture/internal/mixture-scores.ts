import * as tf from '@tensorflow/tfjs-core';

/**
 * Mixture-of-tastes scores of chosen items, without biases: `states` float32
 * [n, 2·M·dim] (M taste vectors, then M attention vectors, each `dim` wide), `vectors`
 * float32 [n, k, dim] → float32 [n, k] with entry `Σ_m softmax_m(a_m · e) (t_m · e)`.
 *
 * @internal
 */
export function scoreMixtureItems(
  states: tf.Tensor2D,
  vectors: tf.Tensor3D,
  numComponents: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, k, dim] = vectors.shape;
    const m = numComponents;

    // One product for tastes and attentions: [n, k, dim] · [n, dim, 2M] → [n, k, 2M].
    const components = tf.transpose(tf.reshape(states, [n, 2 * m, dim]), [0, 2, 1]);
    const dots = tf.matMul(vectors, components as tf.Tensor3D);
    const tastes = tf.slice(dots, [0, 0, 0], [n, k, m]);
    const weights = tf.softmax(tf.slice(dots, [0, 0, m], [n, k, m]));
    return tf.sum(tf.mul(weights, tastes), 2) as tf.Tensor2D;
  });
}

/**
 * Mixture-of-tastes scores of every row of `table` float32 [numItems, dim], without biases:
 * `states` float32 [n, 2·M·dim] → float32 [n, numItems]. Works on [n, M, numItems] taste
 * scores and attention logits (two halves of one matrix product) and never builds an
 * [n, numItems, M, dim] tensor.
 *
 * @internal
 */
export function scoreMixtureAll(
  states: tf.Tensor2D,
  table: tf.Tensor2D,
  numComponents: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const n = states.shape[0];
    const [numItems, dim] = table.shape;
    const m = numComponents;

    // The table is transposed once: a product with transposeB is slow on wasm.
    const rows = tf.reshape(states, [n * 2 * m, dim]);
    const dots = tf.reshape(tf.matMul(rows, tf.transpose(table)), [n, 2 * m, numItems]);
    const tastes = tf.slice(dots, [0, 0, 0], [n, m, numItems]);
    const logits = tf.slice(dots, [0, m, 0], [n, m, numItems]);

    // Softmax over the components (axis 1); tf.softmax only handles the last axis.
    const weights = tf.exp(tf.sub(logits, tf.logSumExp(logits, 1, true)));
    return tf.sum(tf.mul(weights, tastes), 1) as tf.Tensor2D;
  });
}
