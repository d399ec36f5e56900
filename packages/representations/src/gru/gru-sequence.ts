import * as tf from '@tensorflow/tfjs-core';

import type { RecurrentSequence } from '../lstm/lstm-sequence.js';
import { fusedGru } from './fused-gru.js';

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
 * `h' = (1 − z) ⊙ n + z ⊙ h`. It runs as one fused op with a hand-written backward pass
 * through time (see {@link fusedGru}). `finalC` is the final hidden state (a GRU has no cell
 * state).
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
    const outputs = fusedGru(inputsProjected, weights.weightHh, weights.biasHh, h0);
    const [steps, batch, hidden] = outputs.shape;
    const last = tf.reshape(tf.slice(outputs, steps - 1, 1), [batch, hidden]) as tf.Tensor2D;
    return { outputs, finalH: last, finalC: last };
  });
}
