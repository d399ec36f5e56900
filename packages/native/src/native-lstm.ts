import * as tf from '@tensorflow/tfjs-core';
import {
  unpackRecurrentStates,
  type LstmLayerWeights,
  type RecurrentSequence,
} from '@seqrec/representations';

import { checkShapes, layerDimensions } from './check-shapes.js';
import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';

type Tensors6 = [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];

/**
 * An LSTM layer on the addon, as one differentiable op: inputs float32 [T, batch, D] →
 * `h_1 … h_T` with the final states. The forward pass fills a trace of pooled arrays; the
 * backward pass turns the gate activations into their gradients in place, hands the arrays
 * back, and returns the gradients of all six inputs.
 *
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
  const [steps, batch, dim, hidden] = layerDimensions(api, inputs, h0);
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
    const kept = { x: arrays.keep(x), wIh: arrays.keep(wIh), wHh: arrays.keep(wHh) };
    const trace = {
      gates: arrays.take(steps * 4 * size),
      cells: arrays.take((steps + 1) * size),
      cellTanh: arrays.take(steps * size),
      hiddens: arrays.take((steps + 1) * size),
    };
    trace.hiddens.set(arrays.peek(h));
    trace.cells.set(arrays.peek(c));
    addon.lstmForward(
      steps,
      batch,
      dim,
      hidden,
      kept.x,
      kept.wIh,
      arrays.peek(bias),
      kept.wHh,
      trace.gates,
      trace.cells,
      trace.cellTanh,
      trace.hiddens,
    );
    const packed = arrays.take((steps + 1) * size);
    packed.set(trace.hiddens.subarray(size));
    packed.set(trace.cells.subarray(steps * size), steps * size);
    let spent = false;
    return {
      value: arrays.tensor<tf.Rank.R3>(packed, [steps + 1, batch, hidden]),
      gradFunc: (dy: tf.Tensor) => {
        // The backward pass overwrites the trace; a second one would read garbage.
        if (spent) throw new Error('nativeLstm: the backward pass ran twice on one trace.');
        spent = true;
        const upstream = arrays.peek<Float32Array>(dy);
        const grads = {
          dx: arrays.take(steps * batch * dim),
          dWeightIh: arrays.take(kept.wIh.length),
          dBias: arrays.take(4 * hidden),
          dWeightHh: arrays.take(kept.wHh.length),
          dh0: arrays.take(size),
          dc0: arrays.take(size),
        };
        addon.lstmBackward(
          steps,
          batch,
          dim,
          hidden,
          kept.x,
          kept.wIh,
          kept.wHh,
          trace.gates,
          trace.cells,
          trace.cellTanh,
          trace.hiddens,
          upstream.subarray(0, steps * size),
          null,
          null,
          upstream.subarray(steps * size),
          grads.dx,
          grads.dWeightIh,
          grads.dBias,
          grads.dWeightHh,
          grads.dh0,
          grads.dc0,
        );
        arrays.release(...Object.values(trace), ...Object.values(kept));
        return [
          arrays.tensor<tf.Rank.R3>(grads.dx, [steps, batch, dim]),
          arrays.tensor<tf.Rank.R2>(grads.dWeightIh, [4 * hidden, dim]),
          arrays.tensor<tf.Rank.R2>(grads.dWeightHh, [4 * hidden, hidden]),
          arrays.tensor<tf.Rank.R1>(grads.dBias, [4 * hidden]),
          arrays.tensor<tf.Rank.R2>(grads.dh0, [batch, hidden]),
          arrays.tensor<tf.Rank.R2>(grads.dc0, [batch, hidden]),
        ];
      },
    };
  });
  const packed = op(inputs, weights.weightIh, weights.weightHh, weights.bias, h0, c0);
  return unpackRecurrentStates(packed as tf.Tensor3D, 'hidden');
}
