import * as tf from '@tensorflow/tfjs-core';

import { multiplyOnBackend, transposedProduct } from '../internal/host-matrices.js';
import { lstmCellBackward } from '../lstm/fused-lstm-grad.js';
import type { MlstmTrace } from './fused-mlstm.js';
import type { MlstmEmit } from './mlstm-sequence.js';

/** Gradient buffers of one backward pass. */
interface MlstmGradients {
  /** With respect to the projected inputs, float32 [T, batch, 5H]. */
  readonly inputs: Float32Array;
  /** With respect to the hidden factors `W_mh h + b_mh`, float32 [T, batch, H]. */
  readonly factors: Float32Array;
  /** With respect to `b_mh`, summed over rows in float64, [H]. */
  readonly bias: Float64Array;
}

/**
 * The backward pass of `m_t = x-factor ⊙ hidden-factor` at step t, on the host, given
 * `dProducts` [batch, H], the gradient with respect to `m_t`.
 */
function multiplicativeStateBackward(
  trace: MlstmTrace,
  t: number,
  dProducts: Float32Array,
  grads: MlstmGradients,
): void {
  const { batch, hidden: h, inputs, factors } = trace;
  for (let b = 0; b < batch; b++) {
    const x = (t * batch + b) * 5 * h + 4 * h;
    const s = (t * batch + b) * h;
    for (let j = 0; j < h; j++) {
      const dm = dProducts[b * h + j] as number;
      const dFactor = dm * (inputs[x + j] as number);
      grads.inputs[x + j] = dm * (factors[s + j] as number);
      grads.factors[s + j] = dFactor;
      grads.bias[j] = (grads.bias[j] as number) + dFactor;
    }
  }
}

/** Rows (t, ·) of the gate columns of `dInputs` [T, batch, 5H], as a [batch, 4H] block. */
function stepGateGradients(dInputs: Float32Array, t: number, batch: number, hidden: number) {
  const block = new Float32Array(batch * 4 * hidden);
  for (let b = 0; b < batch; b++) {
    const row = (t * batch + b) * 5 * hidden;
    block.set(dInputs.subarray(row, row + 4 * hidden), b * 4 * hidden);
  }
  return block;
}

/**
 * The backward pass through time of {@link fusedMlstm}: `dy` float32 [T + 1, batch, H], the
 * gradient of its output → gradients of its inputs in their order: `inputsProjected`
 * [T, batch, 5H], `weightHh` [4H, H], `weightMh` [H, H], `h0`, `c0` [batch, H], and `biasMh`
 * [H] when it was given.
 *
 * Two kernel calls per step: `dgates_t W_hm` (to `m_t`) and `d(hidden factor)_t W_mh` (to
 * `h_{t-1}`). After the loop, `Σ_t dgates_tᵀ m_t` and `Σ_t d(hidden factor)_tᵀ h_{t-1}` are
 * one product each over all T·batch rows.
 *
 * @internal
 */
export function fusedMlstmGrad(
  trace: MlstmTrace,
  dy: tf.Tensor,
  [weightHh, weightMh]: readonly [tf.Tensor2D, tf.Tensor2D],
  options: { readonly output: MlstmEmit; readonly withBias: boolean },
): tf.Tensor[] {
  const { steps, batch, hidden } = trace;
  const size = batch * hidden;
  const upstream = dy.dataSync() as Float32Array;
  const last = upstream.slice(steps * size, (steps + 1) * size);
  const emitsHidden = options.output === 'hidden';
  const grads: MlstmGradients = {
    inputs: new Float32Array(steps * batch * 5 * hidden),
    factors: new Float32Array(steps * size),
    bias: new Float64Array(hidden),
  };
  const dh = new Float32Array(size);
  const dc = emitsHidden ? last : new Float32Array(size);
  let recurrent: Float32Array = emitsHidden ? new Float32Array(size) : last; // reaching h_{t+1}

  for (let t = steps - 1; t >= 0; t--) {
    for (let k = 0; k < size; k++) {
      const direct = upstream[t * size + k] as number;
      dh[k] = (recurrent[k] as number) + (emitsHidden ? direct : 0);
      if (!emitsHidden) dc[k] = (dc[k] as number) + direct;
    }
    lstmCellBackward(trace, t, dh, dc, grads.inputs, 5 * hidden);
    const dGates = stepGateGradients(grads.inputs, t, batch, hidden);
    multiplicativeStateBackward(trace, t, multiplyOnBackend(dGates, batch, weightHh), grads);
    const dFactors = grads.factors.subarray(t * size, (t + 1) * size);
    recurrent = multiplyOnBackend(dFactors, batch, weightMh);
  }

  return tf.tidy(() => {
    const rows = steps * batch;
    const dInputs = tf.tensor3d(grads.inputs, [steps, batch, 5 * hidden], 'float32');
    // mᵀ · dInputs is [H, 5H]; its first 4H columns are dW_hmᵀ. The extra H columns cost
    // less than copying the gate columns out of every row.
    const byProducts = transposedProduct(trace.products, rows, tf.reshape(dInputs, [rows, -1]));
    const dWeightHh = tf.transpose(tf.slice(byProducts, [0, 0], [hidden, 4 * hidden]));
    const previous = tf.tensor2d(trace.hiddens.subarray(0, rows * hidden), [rows, hidden]);
    const dWeightMh = transposedProduct(grads.factors, rows, previous);
    const state = (values: Float32Array) => tf.tensor2d(values, [batch, hidden], 'float32');
    const result = [dInputs, dWeightHh, dWeightMh, state(recurrent), state(dc)];
    return options.withBias ? [...result, tf.tensor1d(Float32Array.from(grads.bias))] : result;
  });
}
