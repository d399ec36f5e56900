import * as tf from '@tensorflow/tfjs-core';
import type { GruLayerWeights, RecurrentSequence } from '@seqrec/representations';

import { checkShapes, layerDimensions } from './check-shapes.js';
import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';
import { nativeGruGrad } from './native-gru-grad.js';
import type { TraceState } from './native-trace.js';

/**
 * What a GRU forward pass keeps for {@link nativeGruGrad}: its shapes, the inputs and weights
 * read back once, and pooled arrays of every step's gates (r, z, n, `W_hn h + b_hn`) and
 * hidden states (see csrc/kernels.h, `sr_gru`).
 *
 * @internal
 */
export interface NativeGruTrace extends TraceState {
  readonly shape: readonly [steps: number, batch: number, dim: number, hidden: number];
  readonly x: Float32Array;
  readonly weightIh: Float32Array;
  readonly weightHh: Float32Array;
  readonly gates: Float32Array;
  readonly hiddens: Float32Array;
}

type Tensors6 = [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];

/**
 * A GRU layer on the addon, as one differentiable op (see `nativeLstm`): inputs float32
 * [T, batch, D] → `h_1 … h_T`; `finalC` is `finalH`. The backward pass is
 * {@link nativeGruGrad}.
 *
 * @throws TypeError or RangeError naming an argument of the wrong dtype or shape.
 * @internal
 */
export function nativeGru(
  addon: NativeAddon,
  arrays: HostArrays,
  inputs: tf.Tensor3D,
  weights: GruLayerWeights,
  h0: tf.Tensor2D,
): RecurrentSequence {
  const api = 'native gru';
  const shape = layerDimensions(api, inputs, h0);
  const [steps, batch, dim, hidden] = shape;
  const { weightIh, biasIh, weightHh, biasHh } = weights;
  checkShapes(api, [
    { name: 'h0', tensor: h0, shape: [batch, hidden] },
    { name: 'weightIh', tensor: weightIh, shape: [3 * hidden, dim] },
    { name: 'biasIh', tensor: biasIh, shape: [3 * hidden] },
    { name: 'weightHh', tensor: weightHh, shape: [3 * hidden, hidden] },
    { name: 'biasHh', tensor: biasHh, shape: [3 * hidden] },
  ]);
  const size = batch * hidden;

  const op = tf.customGrad((...args) => {
    const [x, wIh, bIh, wHh, bHh, h] = args.slice(0, -1) as Tensors6;
    const trace: NativeGruTrace = {
      spent: false,
      shape,
      x: arrays.keep(x),
      weightIh: arrays.keep(wIh),
      weightHh: arrays.keep(wHh),
      gates: arrays.take(steps * 4 * size),
      hiddens: arrays.take((steps + 1) * size),
    };
    trace.hiddens.set(arrays.peek(h));
    addon.gruForward(
      ...shape,
      trace.x,
      trace.weightIh,
      arrays.peek(bIh),
      trace.weightHh,
      arrays.peek(bHh),
      trace.gates,
      trace.hiddens,
    );
    const outputs = arrays.take(steps * size);
    outputs.set(trace.hiddens.subarray(size));
    return {
      value: arrays.tensor<tf.Rank.R3>(outputs, [steps, batch, hidden]),
      gradFunc: (dy: tf.Tensor) => nativeGruGrad(addon, arrays, trace, dy),
    };
  });

  const outputs = op(inputs, weightIh, biasIh, weightHh, biasHh, h0) as tf.Tensor3D;
  return tf.tidy(() => {
    const last = tf.reshape(tf.slice(outputs, steps - 1, 1), [batch, hidden]) as tf.Tensor2D;
    return { outputs, finalH: last, finalC: last };
  });
}
