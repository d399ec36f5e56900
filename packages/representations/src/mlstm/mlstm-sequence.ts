import type * as tf from '@tensorflow/tfjs-core';

import type { MlstmEmit, RecurrentSequence } from '../kernels/sequence-kernels.js';
import { unpackRecurrentStates } from '../kernels/unpack-recurrent-states.js';
import { fusedMlstm } from './fused-mlstm.js';

/** The recurrent weights of a multiplicative LSTM. */
export interface MlstmRecurrentWeights {
  /** `W_hm` of the LSTM gates, applied to `m_t`: float32 [4H, H], rows i, f, g, o. */
  readonly weightHh: tf.Tensor2D;
  /** `W_mh`, float32 [H, H]: the hidden state's factor of `m_t`. */
  readonly weightMh: tf.Tensor2D;
  /** `b_mh`, float32 [H], or `null` for none (the paper has none). */
  readonly biasMh: tf.Tensor1D | null;
}

export type { MlstmEmit } from '../kernels/sequence-kernels.js';

/**
 * The recurrent core of a multiplicative LSTM: runs T steps over inputs whose projections
 * are already done.
 *
 * `inputsProjected` float32 [T, batch, 5H] holds, per step, the gates' input term
 * `W_ix x_t + b` (4H columns, order i, f, g, o) followed by the input factor of `m_t`,
 * `W_mx x_t (+ b_mx)` (H columns): one matrix product for all steps, made by the caller.
 * Each step computes `m_t = (W_mx x_t) ⊙ (W_mh h_{t-1} (+ b_mh))`, adds `W_hm m_t` to the
 * gates' input term and applies the LSTM cell. `emit` picks the per-step output: the
 * hidden state `h_t` (the paper's output) or the cell state `c_t` (the reference
 * implementation's). It runs as one fused op with a hand-written backward pass through time
 * (see {@link fusedMlstm}).
 *
 * @param h0 - Initial hidden state, float32 [batch, H].
 * @param c0 - Initial cell state, float32 [batch, H].
 * @internal
 */
export function mlstmSequence(
  inputsProjected: tf.Tensor3D,
  weights: MlstmRecurrentWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  emit: MlstmEmit,
): RecurrentSequence {
  return unpackRecurrentStates(fusedMlstm(inputsProjected, weights, h0, c0, emit), emit);
}
