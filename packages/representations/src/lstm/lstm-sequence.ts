import * as tf from '@tensorflow/tfjs-core';

import type { RecurrentSequence } from '../kernels/sequence-kernels.js';
import { fusedLstm } from './fused-lstm.js';

/** The recurrent weight of an LSTM, in PyTorch's layout. */
export interface LstmRecurrentWeights {
  /** `weight_hh`, float32 [4H, H], gate rows in the order i, f, g, o. */
  readonly weightHh: tf.Tensor2D;
}

export type { RecurrentSequence } from '../kernels/sequence-kernels.js';

/**
 * Splits a fused op's output float32 [T + 1, batch, H] (the emitted states of steps 1 … T,
 * then the final state that is not emitted) into the parts of a {@link RecurrentSequence},
 * and disposes it.
 *
 * @param emitsHidden - Whether the rows 0 … T-1 are hidden states (else cell states).
 * @internal
 */
export function unpackStates(packed: tf.Tensor3D, emitsHidden: boolean): RecurrentSequence {
  const [rows, batch, hidden] = packed.shape;
  const steps = rows - 1;
  const parts = tf.tidy(() => {
    const row = (t: number) => tf.reshape(tf.slice(packed, t, 1), [batch, hidden]) as tf.Tensor2D;
    return { outputs: tf.slice(packed, 0, steps), last: row(steps - 1), other: row(steps) };
  });
  packed.dispose();
  const { outputs, last, other } = parts;
  return emitsHidden
    ? { outputs, finalH: last, finalC: other }
    : { outputs, finalH: other, finalC: last };
}

/**
 * The recurrent core of an LSTM: runs T steps over inputs whose projection is already done.
 *
 * `inputsProjected` float32 [T, batch, 4H] holds `W_ih x_t + b_ih + b_hh` for every step
 * (time-major; one matrix product for all steps, made by the caller); each step adds
 * `W_hh h_{t-1}` and applies PyTorch's LSTM cell (gates i, f, g, o):
 * `c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g)`, `h' = σ(o) ⊙ tanh(c')`. It runs as one fused op with a
 * hand-written backward pass through time (see {@link fusedLstm}).
 *
 * @param h0 - Initial hidden state, float32 [batch, H].
 * @param c0 - Initial cell state, float32 [batch, H].
 * @internal
 */
export function lstmSequence(
  inputsProjected: tf.Tensor3D,
  weights: LstmRecurrentWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
): RecurrentSequence {
  return unpackStates(fusedLstm(inputsProjected, weights.weightHh, h0, c0), true);
}
