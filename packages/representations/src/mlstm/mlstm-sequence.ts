import * as tf from '@tensorflow/tfjs-core';

import { lstmCell } from '../lstm/lstm-cell.js';
import type { RecurrentSequence } from '../lstm/lstm-sequence.js';
import { unstackSteps } from '../lstm/internal/unstack-steps.js';

/** The recurrent weights of a multiplicative LSTM. */
export interface MlstmRecurrentWeights {
  /** `W_hm` of the LSTM gates, applied to `m_t`: float32 [4H, H], rows i, f, g, o. */
  readonly weightHh: tf.Tensor2D;
  /** `W_mh`, float32 [H, H]: the hidden state's factor of `m_t`. */
  readonly weightMh: tf.Tensor2D;
  /** `b_mh`, float32 [H], or `null` for none (the paper has none). */
  readonly biasMh: tf.Tensor1D | null;
}

/** Which state {@link mlstmSequence} emits per step. */
export type MlstmEmit = 'hidden' | 'cell';

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
 * implementation's). Plain ops and autodiff, in one function so that a fused kernel can
 * replace it.
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
  return tf.tidy(() => {
    const hidden = h0.shape[1];
    const gateKernel = tf.transpose(weights.weightHh) as tf.Tensor2D; // [H, 4H]
    const factorKernel = tf.transpose(weights.weightMh) as tf.Tensor2D; // [H, H]
    const { biasMh } = weights;
    const steps = unstackSteps(inputsProjected);
    const outputs: tf.Tensor2D[] = [];
    let state = { h: h0, c: c0 };
    for (const projected of steps) {
      const previous = state;
      state = tf.tidy(() => {
        const [gateInput, inputFactor] = tf.split(projected, [4 * hidden, hidden], 1);
        const hiddenProduct = tf.matMul(previous.h, factorKernel);
        const hiddenFactor = biasMh === null ? hiddenProduct : tf.add(hiddenProduct, biasMh);
        const m = tf.mul(inputFactor as tf.Tensor2D, hiddenFactor) as tf.Tensor2D;
        const gates = tf.add(gateInput as tf.Tensor2D, tf.matMul(m, gateKernel)) as tf.Tensor2D;
        return lstmCell(gates, previous.c);
      });
      outputs.push(emit === 'hidden' ? state.h : state.c);
    }
    return { outputs: tf.stack(outputs) as tf.Tensor3D, finalH: state.h, finalC: state.c };
  });
}
