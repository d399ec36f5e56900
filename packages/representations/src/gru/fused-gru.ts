import * as tf from '@tensorflow/tfjs-core';

import { fastSigmoid, fastTanh } from '../internal/fast-activations.js';
import { multiplyOnBackend } from '../internal/host-matrices.js';
import { fusedGruGrad } from './fused-gru-grad.js';

/**
 * What a GRU forward pass keeps for its backward pass: host arrays, each stacked over time
 * once. Step t (0-based) reads `h_t` and writes `h_{t+1}`.
 *
 * @internal
 */
export interface GruTrace {
  readonly steps: number;
  readonly batch: number;
  readonly hidden: number;
  /** Per step `r`, `z`, `n` and `W_hn h_t + b_hn`, float32 [T, batch, 4H]. */
  readonly gates: Float32Array;
  /** Hidden states `h_0 … h_T`, float32 [T + 1, batch, H]. */
  readonly hiddens: Float32Array;
}

/** The elementwise part of GRU step t on the host, given `W_hh h_t` [batch, 3H]. */
function gruCellForward(
  trace: GruTrace,
  t: number,
  inputs: Float32Array,
  recurrent: Float32Array,
  bias: Float32Array,
): void {
  const { batch, hidden: h, gates, hiddens } = trace;
  for (let b = 0; b < batch; b++) {
    const x = (t * batch + b) * 3 * h;
    const w = b * 3 * h;
    const a = (t * batch + b) * 4 * h;
    const s = (t * batch + b) * h;
    for (let j = 0; j < h; j++) {
      const hr = (recurrent[w + j] as number) + (bias[j] as number);
      const hz = (recurrent[w + h + j] as number) + (bias[h + j] as number);
      const hn = (recurrent[w + 2 * h + j] as number) + (bias[2 * h + j] as number);
      const r = fastSigmoid((inputs[x + j] as number) + hr);
      const z = fastSigmoid((inputs[x + h + j] as number) + hz);
      const n = fastTanh((inputs[x + 2 * h + j] as number) + r * hn);
      gates[a + j] = r;
      gates[a + h + j] = z;
      gates[a + 2 * h + j] = n;
      gates[a + 3 * h + j] = hn;
      hiddens[s + batch * h + j] = n + z * ((hiddens[s + j] as number) - n);
    }
  }
}

function runGru(
  inputsProjected: tf.Tensor3D,
  weightHh: tf.Tensor2D,
  biasHh: tf.Tensor1D,
  h0: tf.Tensor2D,
): GruTrace {
  const [steps, batch] = inputsProjected.shape;
  const hidden = h0.shape[1];
  const size = batch * hidden;
  const trace: GruTrace = {
    steps,
    batch,
    hidden,
    gates: new Float32Array(steps * 4 * size),
    hiddens: new Float32Array((steps + 1) * size),
  };
  trace.hiddens.set(h0.dataSync());
  const inputs = inputsProjected.dataSync() as Float32Array;
  const bias = biasHh.dataSync() as Float32Array;
  // Transposed once here: matMul's transposeB is about ten times slower on wasm.
  const kernel = tf.transpose(weightHh); // [H, 3H]
  for (let t = 0; t < steps; t++) {
    const previous = trace.hiddens.subarray(t * size, (t + 1) * size);
    gruCellForward(trace, t, inputs, multiplyOnBackend(previous, batch, kernel), bias);
  }
  kernel.dispose();
  return trace;
}

/**
 * A whole GRU sequence as one differentiable op: `inputsProjected` float32 [T, batch, 3H]
 * (`W_ih x_t + b_ih` per step, gates r, z, n), `weightHh` [3H, H], `biasHh` [3H], `h0`
 * [batch, H] → float32 [T, batch, H], the hidden states `h_1 … h_T`. The caller disposes it.
 *
 * PyTorch's equations: `r, z = σ(x_rz + W_h· h + b_h·)`,
 * `n = tanh(x_n + r ⊙ (W_hn h + b_hn))`, `h' = n + z ⊙ (h − n)`. One kernel call per step
 * (the recurrent product); the gates run on the host, as in `fusedLstm`, whose Limitation
 * applies. The backward pass is {@link fusedGruGrad}.
 *
 * @internal
 */
export function fusedGru(
  inputsProjected: tf.Tensor3D,
  weightHh: tf.Tensor2D,
  biasHh: tf.Tensor1D,
  h0: tf.Tensor2D,
): tf.Tensor3D {
  const op = tf.customGrad((x, w, bias, h, save) => {
    const weight = w as tf.Tensor2D;
    (save as tf.GradSaveFunc)([weight]);
    const trace = runGru(x as tf.Tensor3D, weight, bias as tf.Tensor1D, h as tf.Tensor2D);
    const { steps, batch, hidden, hiddens } = trace;
    return {
      value: tf.tensor3d(hiddens.slice(batch * hidden), [steps, batch, hidden], 'float32'),
      gradFunc: (dy, saved) => fusedGruGrad(trace, dy, saved[0] as tf.Tensor2D),
    };
  });
  return op(inputsProjected, weightHh, biasHh, h0) as tf.Tensor3D;
}
