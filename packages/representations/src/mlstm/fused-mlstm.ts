import * as tf from '@tensorflow/tfjs-core';

import { multiplyOnBackend } from '../internal/host-matrices.js';
import { lstmCellForward, packStates, startLstmTrace, type LstmTrace } from '../lstm/fused-lstm.js';
import { fusedMlstmGrad } from './fused-mlstm-grad.js';
import type { MlstmEmit, MlstmRecurrentWeights } from './mlstm-sequence.js';

/**
 * What an mLSTM forward pass keeps for its backward pass: the LSTM part's trace plus the two
 * factors of `m_t`, each stacked over time once.
 *
 * @internal
 */
export interface MlstmTrace extends LstmTrace {
  /** The projected inputs as given, float32 [T, batch, 5H] (the input factors live here). */
  readonly inputs: Float32Array;
  /** Hidden factors `W_mh h_t (+ b_mh)`, float32 [T, batch, H]. */
  readonly factors: Float32Array;
  /** `m_t`, the products of the two factors, float32 [T, batch, H]. */
  readonly products: Float32Array;
}

/** `m` of step t on the host: input factor ⊙ (hidden product + bias). */
function multiplicativeState(
  trace: MlstmTrace,
  t: number,
  hiddenProduct: Float32Array,
  bias: Float32Array | null,
): void {
  const { batch, hidden: h, inputs, factors, products } = trace;
  for (let b = 0; b < batch; b++) {
    const x = (t * batch + b) * 5 * h + 4 * h;
    const s = (t * batch + b) * h;
    for (let j = 0; j < h; j++) {
      const factor =
        (hiddenProduct[b * h + j] as number) + (bias === null ? 0 : (bias[j] as number));
      factors[s + j] = factor;
      products[s + j] = (inputs[x + j] as number) * factor;
    }
  }
}

function runMlstm(
  inputsProjected: tf.Tensor3D,
  [weightHh, weightMh, biasMh]: readonly [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D | null],
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
): MlstmTrace {
  const [steps, batch] = inputsProjected.shape;
  const base = startLstmTrace(steps, h0, c0);
  const size = batch * base.hidden;
  const trace: MlstmTrace = {
    ...base,
    inputs: inputsProjected.dataSync() as Float32Array,
    factors: new Float32Array(steps * size),
    products: new Float32Array(steps * size),
  };
  const bias = biasMh === null ? null : (biasMh.dataSync() as Float32Array);
  // Transposed once here: matMul's transposeB is about ten times slower on wasm.
  const gateKernel = tf.transpose(weightHh); // [H, 4H]
  const factorKernel = tf.transpose(weightMh); // [H, H]

  for (let t = 0; t < steps; t++) {
    const previous = trace.hiddens.subarray(t * size, (t + 1) * size);
    multiplicativeState(trace, t, multiplyOnBackend(previous, batch, factorKernel), bias);
    const m = trace.products.subarray(t * size, (t + 1) * size);
    lstmCellForward(
      trace,
      t,
      trace.inputs,
      5 * base.hidden,
      multiplyOnBackend(m, batch, gateKernel),
    );
  }
  tf.dispose([gateKernel, factorKernel]);
  return trace;
}

/**
 * A whole multiplicative-LSTM sequence as one differentiable op.
 *
 * `inputsProjected` float32 [T, batch, 5H] holds per step the gates' input term (4H columns,
 * i, f, g, o) and the input factor of `m_t` (H columns); `weightHh` [4H, H] is `W_hm`,
 * `weightMh` [H, H] is `W_mh`, `biasMh` [H] or `null`; `h0`, `c0` [batch, H]. Each step:
 * `m_t = x-factor ⊙ (W_mh h_{t-1} (+ b_mh))`, gates = input term + `W_hm m_t`, then the LSTM
 * cell. Returns float32 [T + 1, batch, H]: the emitted state (`h_t` for `'hidden'`, `c_t` for
 * `'cell'`) after steps 1 … T, then the other state after step T. The caller disposes it.
 *
 * Two kernel calls per step (the two products); everything elementwise runs on the host, as
 * in `fusedLstm`, whose Limitation applies. The backward pass is {@link fusedMlstmGrad}.
 *
 * @internal
 */
export function fusedMlstm(
  inputsProjected: tf.Tensor3D,
  weights: MlstmRecurrentWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  output: MlstmEmit,
): tf.Tensor3D {
  const { weightHh, weightMh, biasMh } = weights;
  const op = tf.customGrad((...args) => {
    const [x, wHh, wMh, h, c, bias] = args.slice(0, -1) as tf.Tensor[];
    const save = args.at(-1) as tf.GradSaveFunc;
    const kernels = [wHh, wMh] as [tf.Tensor2D, tf.Tensor2D];
    save(kernels);
    const trace = runMlstm(
      x as tf.Tensor3D,
      [...kernels, (bias as tf.Tensor1D | undefined) ?? null],
      h as tf.Tensor2D,
      c as tf.Tensor2D,
    );
    const [emitted, other] =
      output === 'hidden' ? [trace.hiddens, trace.cells] : [trace.cells, trace.hiddens];
    return {
      value: packStates(trace, emitted, other),
      gradFunc: (dy, saved) =>
        fusedMlstmGrad(trace, dy, saved as [tf.Tensor2D, tf.Tensor2D], {
          output,
          withBias: bias !== undefined,
        }),
    };
  });
  const inputs = [inputsProjected, weightHh, weightMh, h0, c0];
  return op(...(biasMh === null ? inputs : [...inputs, biasMh])) as tf.Tensor3D;
}
