import * as tf from '@tensorflow/tfjs-core';

import type { RecurrentSequence } from '../lstm/lstm-sequence.js';
import { unstackSteps } from '../lstm/internal/unstack-steps.js';

type Pair = [tf.Tensor2D, tf.Tensor2D];

/** The recurrent weights of a GRU, in PyTorch's layout. */
export interface GruRecurrentWeights {
  /** `weight_hh`, float32 [3H, H], gate rows in the order r, z, n. */
  readonly weightHh: tf.Tensor2D;
  /** `bias_hh`, float32 [3H]; its n part sits inside the reset gate's product. */
  readonly biasHh: tf.Tensor1D;
}

/**
 * The recurrent core of a GRU: runs T steps over inputs whose projection is already done.
 *
 * `inputsProjected` float32 [T, batch, 3H] holds `W_ih x_t + b_ih` for every step
 * (time-major). Each step computes PyTorch's
 * `r, z = σ(W_i· x + b_i· + W_h· h + b_h·)`, `n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))`,
 * `h' = (1 − z) ⊙ n + z ⊙ h`. Plain ops and autodiff, in one function so that a fused kernel
 * can replace it. `finalC` is the final hidden state (a GRU has no cell state).
 *
 * @param h0 - Initial hidden state, float32 [batch, H].
 * @internal
 */
export function gruSequence(
  inputsProjected: tf.Tensor3D,
  weights: GruRecurrentWeights,
  h0: tf.Tensor2D,
): RecurrentSequence {
  return tf.tidy(() => {
    const hidden = h0.shape[1];
    const recurrentKernel = tf.transpose(weights.weightHh) as tf.Tensor2D; // [H, 3H]
    const steps = unstackSteps(inputsProjected);
    const outputs: tf.Tensor2D[] = [];
    let h = h0;
    for (const projected of steps) {
      const previous = h;
      h = tf.tidy(() => {
        const recurrent = tf.add(tf.matMul(previous, recurrentKernel), weights.biasHh);
        const [xrz, xn] = tf.split(projected, [2 * hidden, hidden], 1) as Pair;
        const [hrz, hn] = tf.split(recurrent, [2 * hidden, hidden], 1) as Pair;
        const [r, z] = tf.split(tf.sigmoid(tf.add(xrz, hrz)), 2, 1) as Pair;
        const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
        // (1 − z) ⊙ n + z ⊙ h, with one product fewer.
        return tf.add(n, tf.mul(z, tf.sub(previous, n))) as tf.Tensor2D;
      });
      outputs.push(h);
    }
    return { outputs: tf.stack(outputs) as tf.Tensor3D, finalH: h, finalC: h };
  });
}
