import * as tf from '@tensorflow/tfjs-core';
import {
  unpackRecurrentStates,
  type LstmLayerWeights,
  type RecurrentSequence,
} from '@seqrec/representations';

import { checkShapes, layerDimensions } from './check-shapes.js';
import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';
import { nativeLstmGrad } from './native-lstm-grad.js';
import { packStates, type TraceState } from './native-trace.js';

/**
 * What an LSTM forward pass keeps for {@link nativeLstmGrad}: its shapes, the inputs and
 * weights read back once, and pooled arrays of the gate activations and states of every step
 * (see csrc/kernels.h, `sr_lstm`).
 *
 * @internal
 */
export interface NativeLstmTrace extends TraceState {
  readonly shape: readonly [steps: number, batch: number, dim: number, hidden: number];
  readonly x: Float32Array;
  readonly weightIh: Float32Array;
  readonly weightHh: Float32Array;
  readonly gates: Float32Array;
  readonly cells: Float32Array;
  readonly cellTanh: Float32Array;
  readonly hiddens: Float32Array;
}

type Tensors6 = [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];

/**
 * An LSTM layer on the addon, as one differentiable op: inputs float32 [T, batch, D] →
 * `h_1 … h_T` with the final states. The forward pass fills a trace of pooled arrays; the
 * backward pass is {@link nativeLstmGrad}.
 *
 * @throws TypeError or RangeError naming an argument of the wrong dtype or shape.
 * @internal
 */
export function nativeLstm(
  addon: NativeAddon,
  arrays: HostArrays,
  inputs: tf.Tensor3D,
  weights: LstmLayerWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
): RecurrentSequence {
  const api = 'native lstm';
  const shape = layerDimensions(api, inputs, h0);
  const [steps, batch, dim, hidden] = shape;
  checkShapes(api, [
    { name: 'h0', tensor: h0, shape: [batch, hidden] },
    { name: 'c0', tensor: c0, shape: [batch, hidden] },
    { name: 'weightIh', tensor: weights.weightIh, shape: [4 * hidden, dim] },
    { name: 'weightHh', tensor: weights.weightHh, shape: [4 * hidden, hidden] },
    { name: 'bias', tensor: weights.bias, shape: [4 * hidden] },
  ]);
  const size = batch * hidden;

  const op = tf.customGrad((...args) => {
    const [x, wIh, wHh, bias, h, c] = args.slice(0, -1) as Tensors6;
    const trace: NativeLstmTrace = {
      spent: false,
      shape,
      x: arrays.keep(x),
      weightIh: arrays.keep(wIh),
      weightHh: arrays.keep(wHh),
      gates: arrays.take(steps * 4 * size),
      cells: arrays.take((steps + 1) * size),
      cellTanh: arrays.take(steps * size),
      hiddens: arrays.take((steps + 1) * size),
    };
    trace.hiddens.set(arrays.peek(h));
    trace.cells.set(arrays.peek(c));
    addon.lstmForward(
      ...shape,
      trace.x,
      trace.weightIh,
      arrays.peek(bias),
      trace.weightHh,
      trace.gates,
      trace.cells,
      trace.cellTanh,
      trace.hiddens,
    );
    return {
      value: packStates(arrays, trace.hiddens, trace.cells, [steps, batch, hidden]),
      gradFunc: (dy: tf.Tensor) => nativeLstmGrad(addon, arrays, trace, dy),
    };
  });

  const packed = op(inputs, weights.weightIh, weights.weightHh, weights.bias, h0, c0);
  return unpackRecurrentStates(packed as tf.Tensor3D, 'hidden');
}
