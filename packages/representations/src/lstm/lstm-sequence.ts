import * as tf from '@tensorflow/tfjs-core';

import { lstmCell } from './lstm-cell.js';
import { unstackSteps } from './internal/unstack-steps.js';

/** The recurrent weight of an LSTM, in PyTorch's layout. */
export interface LstmRecurrentWeights {
  /** `weight_hh`, float32 [4H, H], gate rows in the order i, f, g, o. */
  readonly weightHh: tf.Tensor2D;
}

/** What a recurrent core returns. The caller disposes every tensor. */
export interface RecurrentSequence {
  /** The output of every step, time-major: float32 [T, batch, H]. */
  readonly outputs: tf.Tensor3D;
  /** Hidden state after the last step, float32 [batch, H]. */
  readonly finalH: tf.Tensor2D;
  /** Cell state after the last step, float32 [batch, H] (the hidden state for a GRU). */
  readonly finalC: tf.Tensor2D;
}

/**
 * The recurrent core of an LSTM: runs T steps over inputs whose projection is already done.
 *
 * `inputsProjected` float32 [T, batch, 4H] holds `W_ih x_t + b_ih + b_hh` for every step
 * (time-major; one matrix product for all steps, made by the caller); each step adds
 * `W_hh h_{t-1}` and applies {@link lstmCell}. Built from plain ops and differentiated by
 * autodiff. It is one function so that a fused kernel can replace it without touching the
 * representations.
 *
 * Limitation: on the stock wasm backend, splitting the projection into steps copies the
 * whole tensor about 2√T times (see `unstackSteps`), and the backward pass runs matrix
 * products with transposed operands, which that backend's stock kernel makes about ten times
 * slower than plain ones.
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
  return tf.tidy(() => {
    const recurrentKernel = tf.transpose(weights.weightHh) as tf.Tensor2D; // [H, 4H]
    const steps = unstackSteps(inputsProjected);
    const outputs: tf.Tensor2D[] = [];
    let state = { h: h0, c: c0 };
    for (const projected of steps) {
      const previous = state;
      state = tf.tidy(() =>
        lstmCell(tf.add(projected, tf.matMul(previous.h, recurrentKernel)), previous.c),
      );
      outputs.push(state.h);
    }
    return { outputs: tf.stack(outputs) as tf.Tensor3D, finalH: state.h, finalC: state.c };
  });
}
