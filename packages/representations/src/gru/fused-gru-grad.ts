import * as tf from '@tensorflow/tfjs-core';

import { multiplyOnBackend, transposedProduct } from '../internal/host-matrices.js';
import type { GruTrace } from './fused-gru.js';

/** Gradient buffers of one backward pass. */
interface GruGradients {
  /** With respect to the projected inputs, float32 [T, batch, 3H]. */
  readonly inputs: Float32Array;
  /** With respect to `W_hh h_t + b_hh`, float32 [T, batch, 3H]. */
  readonly recurrent: Float32Array;
  /** With respect to `b_hh`, summed over rows in float64, [3H]. */
  readonly bias: Float64Array;
}

/**
 * The elementwise backward pass of GRU step t on the host: `dh` [batch, H] is the gradient
 * with respect to `h_{t+1}`. Writes the step's rows of `grads` and returns the part of the
 * gradient with respect to `h_t` that bypasses `W_hh` (`dh ⊙ z`).
 */
function gruCellBackward(trace: GruTrace, t: number, dh: Float32Array, grads: GruGradients) {
  const { batch, hidden: h, gates, hiddens } = trace;
  const direct = new Float32Array(batch * h);
  for (let b = 0; b < batch; b++) {
    const a = (t * batch + b) * 4 * h;
    const row = (t * batch + b) * 3 * h;
    const s = (t * batch + b) * h;
    for (let j = 0; j < h; j++) {
      const r = gates[a + j] as number;
      const z = gates[a + h + j] as number;
      const n = gates[a + 2 * h + j] as number;
      const hn = gates[a + 3 * h + j] as number;
      const dhk = dh[b * h + j] as number;
      const dn = dhk * (1 - z) * (1 - n * n);
      const dz = dhk * ((hiddens[s + j] as number) - n) * z * (1 - z);
      const dr = dn * hn * r * (1 - r);
      grads.inputs[row + j] = dr;
      grads.inputs[row + h + j] = dz;
      grads.inputs[row + 2 * h + j] = dn;
      grads.recurrent[row + j] = dr;
      grads.recurrent[row + h + j] = dz;
      grads.recurrent[row + 2 * h + j] = dn * r;
      grads.bias[j] = (grads.bias[j] as number) + dr;
      grads.bias[h + j] = (grads.bias[h + j] as number) + dz;
      grads.bias[2 * h + j] = (grads.bias[2 * h + j] as number) + dn * r;
      direct[b * h + j] = dhk * z;
    }
  }
  return direct;
}

/**
 * The backward pass through time of {@link fusedGru}: `dy` float32 [T, batch, H], the
 * gradient of its output → gradients of its inputs in their order: `inputsProjected`
 * [T, batch, 3H], `weightHh` [3H, H], `biasHh` [3H], `h0` [batch, H].
 *
 * One kernel call per step, the product with `weightHh` that carries the gradient to
 * `h_{t-1}`; `Σ_t d(W_hh h + b_hh)_tᵀ h_{t-1}` is one product over all T·batch rows after the
 * loop, and the bias gradient a sum taken on the host during it.
 *
 * @internal
 */
export function fusedGruGrad(trace: GruTrace, dy: tf.Tensor, weightHh: tf.Tensor2D) {
  const { steps, batch, hidden } = trace;
  const size = batch * hidden;
  const width = 3 * hidden;
  const upstream = dy.dataSync() as Float32Array;
  const grads: GruGradients = {
    inputs: new Float32Array(steps * batch * width),
    recurrent: new Float32Array(steps * batch * width),
    bias: new Float64Array(width),
  };
  const dh = new Float32Array(size);
  let carried: Float32Array = new Float32Array(size); // gradient reaching h_{t+1} through step t+1

  for (let t = steps - 1; t >= 0; t--) {
    for (let k = 0; k < size; k++) {
      dh[k] = (upstream[t * size + k] as number) + (carried[k] as number);
    }
    const direct = gruCellBackward(trace, t, dh, grads);
    const stepRecurrent = grads.recurrent.subarray(t * batch * width, (t + 1) * batch * width);
    carried = multiplyOnBackend(stepRecurrent, batch, weightHh);
    for (let k = 0; k < size; k++) carried[k] = (carried[k] as number) + (direct[k] as number);
  }

  return tf.tidy(() => {
    const rows = steps * batch;
    const dRecurrent = tf.tensor2d(grads.recurrent, [rows, width], 'float32');
    const previous = trace.hiddens.subarray(0, rows * hidden); // h_0 … h_{T-1}
    return [
      tf.tensor3d(grads.inputs, [steps, batch, width], 'float32'),
      tf.transpose(transposedProduct(previous, rows, dRecurrent)),
      tf.tensor1d(Float32Array.from(grads.bias)),
      tf.tensor2d(carried, [batch, hidden], 'float32'),
    ];
  });
}
