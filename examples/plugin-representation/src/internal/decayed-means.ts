import * as tf from '@tensorflow/tfjs-core';

/**
 * Exponentially decayed means of item vectors, before every position and after the last.
 *
 * Row t of the result (t = 0 … L) is `Σ_{j<t} λ^(t-1-j) x_j / Σ_{j<t} λ^(t-1-j) r_j`, where
 * `r_j` is 1 for a real item and 0 for padding, and λ = sigmoid(`decayLogits`) is taken per
 * coordinate (or one for all when `decayLogits` has one entry). Row 0 and rows that have seen
 * only padding are zero. Built from plain ops, so autodiff gives every gradient.
 *
 * `vectors` float32 [batch, L, dim] (padding rows zero), `real` float32 [batch, L] of 0/1,
 * `decayLogits` float32 [dim] or [1] → float32 [batch, L + 1, dim]. The caller disposes it.
 *
 * @internal
 */
export function decayedMeans(
  vectors: tf.Tensor3D,
  real: tf.Tensor2D,
  decayLogits: tf.Tensor1D,
): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, length, dim] = vectors.shape;
    const { ages, seen } = ageTables(length);

    // log λ = log sigmoid(θ) = -softplus(-θ); tf.logSigmoid's gradient throws in tfjs 4.22.
    const logDecay = tf.neg(tf.softplus(tf.neg(decayLogits)));
    const perCoordinate = tf.reshape(logDecay, [-1, 1, 1]);
    // [dim or 1, L + 1, L]: the weight of item j in the state before position t.
    let weights = tf.mul(tf.exp(tf.mul(perCoordinate, ages)), seen);
    if (decayLogits.shape[0] === 1) weights = tf.broadcastTo(weights, [dim, length + 1, length]);

    // Sums per coordinate as one batched product: [dim, L + 1, L] × [dim, L, batch].
    const byCoordinate = tf.transpose(vectors, [2, 1, 0]);
    const sums = tf.matMul(weights, byCoordinate);
    const flatWeights = tf.reshape(weights, [dim * (length + 1), length]);
    const counts = tf.reshape(tf.matMul(flatWeights, real, false, true), [dim, length + 1, batch]);

    // Once a row has a real item, its newest item has weight λ^0 = 1 in every later state
    // (padding is on the left only), so counts are 0 or at least 1; the floor of 1 turns
    // the all-padding states into 0 / 1 = 0 and leaves the others exact.
    const means = tf.div(sums, tf.maximum(counts, 1));
    return tf.transpose(means, [2, 1, 0]) as tf.Tensor3D;
  });
}

/**
 * The exponents and the causal mask for windows of length L: `ages[t][j] = t - 1 - j` where
 * j < t (0 elsewhere, so that `exp` never sees a large positive argument) and `seen[t][j]`
 * = 1 where j < t. Both float32 [L + 1, L].
 */
function ageTables(length: number): { ages: tf.Tensor2D; seen: tf.Tensor2D } {
  const ages = new Float32Array((length + 1) * length);
  const seen = new Float32Array((length + 1) * length);
  for (let t = 1; t <= length; t++) {
    for (let j = 0; j < t; j++) {
      ages[t * length + j] = t - 1 - j;
      seen[t * length + j] = 1;
    }
  }
  return {
    ages: tf.tensor2d(ages, [length + 1, length]),
    seen: tf.tensor2d(seen, [length + 1, length]),
  };
}
