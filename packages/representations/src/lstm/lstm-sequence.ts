import type * as tf from '@tensorflow/tfjs-core';

import type { RecurrentSequence } from '../kernels/sequence-kernels.js';
import { unpackRecurrentStates } from '../kernels/unpack-recurrent-states.js';
import { fusedLstm } from './fused-lstm.js';

/** The recurrent weight of an LSTM, in PyTorch's layout. */
export interface LstmRecurrentWeights {
  /** `weight_hh`, float32 [4H, H], gate rows in the order i, f, g, o. */
  readonly weightHh: tf.Tensor2D;
}

export type { RecurrentSequence } from '../kernels/sequence-kernels.js';

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
  return unpackRecurrentStates(fusedLstm(inputsProjected, weights.weightHh, h0, c0), 'hidden');
}
