import * as tf from '@tensorflow/tfjs-core';

import { multiplyOnBackend, transposedProduct } from '../internal/host-matrices.js';
import type { LstmTrace } from './fused-lstm.js';

/**
 * The elementwise backward pass of LSTM step t, on the host. `dh` float32 [batch, H] is the
 * whole gradient with respect to `h_{t+1}`; `dc` holds the gradient with respect to
 * `c_{t+1}` from later steps and leaves with the one with respect to `c_t`. Writes the
 * gradient of the gate pre-activations (i, f, g, o) for row `(t, b)` at
 * `(t · batch + b) · stride` of `dGates`. Shared by the LSTM and the mLSTM.
 *
 * @internal
 */
export function lstmCellBackward(
  trace: LstmTrace,
  t: number,
  dh: Float32Array,
  dc: Float32Array,
  dGates: Float32Array,
  stride: number,
): void {
  const { batch, hidden: h, gates, cells, cellTanh } = trace;
  for (let b = 0; b < batch; b++) {
    const a = (t * batch + b) * 4 * h;
    const s = (t * batch + b) * h;
    const out = (t * batch + b) * stride;
    for (let j = 0; j < h; j++) {
      const k = b * h + j;
      const i = gates[a + j] as number;
      const f = gates[a + h + j] as number;
      const g = gates[a + 2 * h + j] as number;
      const o = gates[a + 3 * h + j] as number;
      const tanhC = cellTanh[s + j] as number;
      const dhk = dh[k] as number;
      const dcNext = (dc[k] as number) + dhk * o * (1 - tanhC * tanhC);
      dGates[out + j] = dcNext * g * i * (1 - i);
      dGates[out + h + j] = dcNext * (cells[s + j] as number) * f * (1 - f);
      dGates[out + 2 * h + j] = dcNext * i * (1 - g * g);
      dGates[out + 3 * h + j] = dhk * tanhC * o * (1 - o);
      dc[k] = dcNext * f;
    }
  }
}

/**
 * The backward pass through time of {@link fusedLstm}: `dy` float32 [T + 1, batch, H], the
 * gradient of its output (`h_1 … h_T`, then `c_T`) → gradients of its inputs, in their order:
 * `inputsProjected` [T, batch, 4H], `weightHh` [4H, H], `h0` and `c0` [batch, H].
 *
 * Each step runs the gates' backward pass on the host and makes one kernel call, the product
 * with `weightHh` that carries the gradient to `h_{t-1}`. The weight gradient
 * `Σ_t dgates_tᵀ h_{t-1}` is one product over all T·batch rows after the loop.
 *
 * @internal
 */
export function fusedLstmGrad(trace: LstmTrace, dy: tf.Tensor, weightHh: tf.Tensor2D) {
  const { steps, batch, hidden } = trace;
  const size = batch * hidden;
  const width = 4 * hidden;
  const upstream = dy.dataSync() as Float32Array;
  const dGates = new Float32Array(steps * batch * width);
  const dc = upstream.slice(steps * size, (steps + 1) * size);
  const dh = new Float32Array(size);
  let recurrent: Float32Array = new Float32Array(size); // gradient reaching h_{t+1} through step t+1

  for (let t = steps - 1; t >= 0; t--) {
    for (let k = 0; k < size; k++) {
      dh[k] = (upstream[t * size + k] as number) + (recurrent[k] as number);
    }
    lstmCellBackward(trace, t, dh, dc, dGates, width);
    const stepGates = dGates.subarray(t * batch * width, (t + 1) * batch * width);
    recurrent = multiplyOnBackend(stepGates, batch, weightHh);
  }

  return tf.tidy(() => {
    const dInputs = tf.tensor3d(dGates, [steps, batch, width], 'float32');
    const rows = tf.reshape(dInputs, [steps * batch, width]) as tf.Tensor2D;
    const previous = trace.hiddens.subarray(0, steps * size); // h_0 … h_{T-1}
    const dWeightHh = tf.transpose(transposedProduct(previous, steps * batch, rows));
    const dh0 = tf.tensor2d(recurrent, [batch, hidden], 'float32');
    const dc0 = tf.tensor2d(dc, [batch, hidden], 'float32');
    return [dInputs, dWeightHh, dh0, dc0];
  });
}
