import * as tf from '@tensorflow/tfjs-core';

import { fastSigmoid, fastTanh } from '../internal/fast-activations.js';
import { multiplyOnBackend } from '../internal/host-matrices.js';
import { fusedLstmGrad } from './fused-lstm-grad.js';

/**
 * What an LSTM forward pass keeps for its backward pass: host arrays, each stacked over time
 * once. Step t (0-based) reads `c_t`, `h_t` and writes `c_{t+1}`, `h_{t+1}`.
 *
 * @internal
 */
export interface LstmTrace {
  readonly steps: number;
  readonly batch: number;
  readonly hidden: number;
  /** Gate activations `σ(i), σ(f), tanh(g), σ(o)` per step, float32 [T, batch, 4H]. */
  readonly gates: Float32Array;
  /** Cell states `c_0 … c_T`, float32 [T + 1, batch, H]. */
  readonly cells: Float32Array;
  /** `tanh(c_1) … tanh(c_T)`, float32 [T, batch, H]. */
  readonly cellTanh: Float32Array;
  /** Hidden states `h_0 … h_T`, float32 [T + 1, batch, H]. */
  readonly hiddens: Float32Array;
}

/**
 * Allocates an {@link LstmTrace} for T steps and fills in the initial states.
 *
 * @internal
 */
export function startLstmTrace(steps: number, h0: tf.Tensor2D, c0: tf.Tensor2D): LstmTrace {
  const [batch, hidden] = h0.shape;
  const size = batch * hidden;
  const trace: LstmTrace = {
    steps,
    batch,
    hidden,
    gates: new Float32Array(steps * 4 * size),
    cells: new Float32Array((steps + 1) * size),
    cellTanh: new Float32Array(steps * size),
    hiddens: new Float32Array((steps + 1) * size),
  };
  trace.hiddens.set(h0.dataSync());
  trace.cells.set(c0.dataSync());
  return trace;
}

/**
 * The elementwise part of LSTM step t, on the host: gate pre-activations are the input term,
 * row `(t, b)` of `inputs` at `(t · batch + b) · inputStride` (4H columns, i, f, g, o), plus
 * `recurrent` float32 [batch, 4H]; writes the gates, `c_{t+1}`, `tanh(c_{t+1})` and
 * `h_{t+1}` into the trace. Shared by the LSTM and the mLSTM.
 *
 * @internal
 */
export function lstmCellForward(
  trace: LstmTrace,
  t: number,
  inputs: Float32Array,
  inputStride: number,
  recurrent: Float32Array,
): void {
  const { batch, hidden: h, gates, cells, cellTanh, hiddens } = trace;
  for (let b = 0; b < batch; b++) {
    const x = (t * batch + b) * inputStride;
    const r = b * 4 * h;
    const a = (t * batch + b) * 4 * h;
    // One loop per activation over the row's contiguous gate columns: about a quarter faster
    // than computing the four gates of a unit together (measured).
    for (let j = 0; j < 2 * h; j++) {
      gates[a + j] = fastSigmoid((inputs[x + j] as number) + (recurrent[r + j] as number));
    }
    for (let j = 2 * h; j < 3 * h; j++) {
      gates[a + j] = fastTanh((inputs[x + j] as number) + (recurrent[r + j] as number));
    }
    for (let j = 3 * h; j < 4 * h; j++) {
      gates[a + j] = fastSigmoid((inputs[x + j] as number) + (recurrent[r + j] as number));
    }
    const s = (t * batch + b) * h;
    const next = s + batch * h;
    for (let j = 0; j < h; j++) {
      const i = gates[a + j] as number;
      const c =
        (gates[a + h + j] as number) * (cells[s + j] as number) +
        i * (gates[a + 2 * h + j] as number);
      const tanhC = fastTanh(c);
      cells[next + j] = c;
      cellTanh[s + j] = tanhC;
      hiddens[next + j] = (gates[a + 3 * h + j] as number) * tanhC;
    }
  }
}

/**
 * The op's one output, float32 [T + 1, batch, H]: rows 0 … T-1 are the emitted states after
 * steps 1 … T (`emitted` holds them from row 1 on), row T is `other`'s last row. A customGrad
 * op has a single output, so the final state that is not emitted rides along in it.
 *
 * @internal
 */
export function packStates(trace: LstmTrace, emitted: Float32Array, other: Float32Array) {
  const { steps, batch, hidden } = trace;
  const size = batch * hidden;
  const packed = new Float32Array((steps + 1) * size);
  packed.set(emitted.subarray(size));
  packed.set(other.subarray(steps * size), steps * size);
  return tf.tensor3d(packed, [steps + 1, batch, hidden], 'float32');
}

function runLstm(
  inputsProjected: tf.Tensor3D,
  weightHh: tf.Tensor2D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
): LstmTrace {
  const [steps, batch, width] = inputsProjected.shape;
  const trace = startLstmTrace(steps, h0, c0);
  const size = batch * trace.hidden;
  const inputs = inputsProjected.dataSync() as Float32Array;
  // Transposed once here: matMul's transposeB is about ten times slower on wasm.
  const kernel = tf.transpose(weightHh); // [H, 4H]
  for (let t = 0; t < steps; t++) {
    const previous = trace.hiddens.subarray(t * size, (t + 1) * size);
    lstmCellForward(trace, t, inputs, width, multiplyOnBackend(previous, batch, kernel));
  }
  kernel.dispose();
  return trace;
}

/**
 * A whole LSTM sequence as one differentiable op: `inputsProjected` float32 [T, batch, 4H]
 * (`W_ih x_t + b_ih + b_hh` per step, gates i, f, g, o), `weightHh` [4H, H], `h0`, `c0`
 * [batch, H] → float32 [T + 1, batch, H]: `h_1 … h_T`, then `c_T`. The caller disposes it.
 *
 * The forward pass makes one kernel call per step, the recurrent product `h_{t-1} W_hhᵀ`;
 * the gates run on the host over the step's values (read back once), which beats the dozen
 * small kernels they would take and the slices that would split them. Gate activations and
 * states are kept in host arrays for {@link fusedLstmGrad}, the hand-written backward pass
 * through time.
 *
 * Limitation: every step reads its product back to the host, a synchronous read; on a GPU
 * backend that stalls each step.
 *
 * @internal
 */
export function fusedLstm(
  inputsProjected: tf.Tensor3D,
  weightHh: tf.Tensor2D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
): tf.Tensor3D {
  const op = tf.customGrad((x, w, h, c, save) => {
    const weight = w as tf.Tensor2D;
    (save as tf.GradSaveFunc)([weight]);
    const trace = runLstm(x as tf.Tensor3D, weight, h as tf.Tensor2D, c as tf.Tensor2D);
    return {
      value: packStates(trace, trace.hiddens, trace.cells),
      gradFunc: (dy, saved) => fusedLstmGrad(trace, dy, saved[0] as tf.Tensor2D),
    };
  });
  return op(inputsProjected, weightHh, h0, c0) as tf.Tensor3D;
}
