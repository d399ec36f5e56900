import * as tf from '@tensorflow/tfjs-core';
import type { GruLayerWeights, RecurrentSequence } from '@seqrec/representations';

import { checkShapes, layerDimensions } from './check-shapes.js';
import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';

type Tensors6 = [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];

/**
 * A GRU layer on the addon, as one differentiable op (see `nativeLstm`): inputs float32
 * [T, batch, D] → `h_1 … h_T`; `finalC` is `finalH`.
 *
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
  const [steps, batch, dim, hidden] = layerDimensions(api, inputs, h0);
  checkShapes(api, [
    { name: 'h0', tensor: h0, shape: [batch, hidden] },
    { name: 'weightIh', tensor: weights.weightIh, shape: [3 * hidden, dim] },
    { name: 'biasIh', tensor: weights.biasIh, shape: [3 * hidden] },
    { name: 'weightHh', tensor: weights.weightHh, shape: [3 * hidden, hidden] },
    { name: 'biasHh', tensor: weights.biasHh, shape: [3 * hidden] },
  ]);
  const size = batch * hidden;
  const op = tf.customGrad((...args) => {
    const [x, wIh, bIh, wHh, bHh, h] = args.slice(0, -1) as Tensors6;
    const kept = { x: arrays.keep(x), wIh: arrays.keep(wIh), wHh: arrays.keep(wHh) };
    const gates = arrays.take(steps * 4 * size);
    const hiddens = arrays.take((steps + 1) * size);
    hiddens.set(arrays.peek(h));
    addon.gruForward(
      steps,
      batch,
      dim,
      hidden,
      kept.x,
      kept.wIh,
      arrays.peek(bIh),
      kept.wHh,
      arrays.peek(bHh),
      gates,
      hiddens,
    );
    const outputs = arrays.take(steps * size);
    outputs.set(hiddens.subarray(size));
    let spent = false;
    return {
      value: arrays.tensor<tf.Rank.R3>(outputs, [steps, batch, hidden]),
      gradFunc: (dy: tf.Tensor) => {
        if (spent) throw new Error('nativeGru: the backward pass ran twice on one trace.');
        spent = true;
        const grads = {
          dx: arrays.take(steps * batch * dim),
          dWeightIh: arrays.take(kept.wIh.length),
          dBiasIh: arrays.take(3 * hidden),
          dWeightHh: arrays.take(kept.wHh.length),
          dBiasHh: arrays.take(3 * hidden),
          dh0: arrays.take(size),
        };
        addon.gruBackward(
          steps,
          batch,
          dim,
          hidden,
          kept.x,
          kept.wIh,
          kept.wHh,
          gates,
          hiddens,
          arrays.peek(dy),
          grads.dx,
          grads.dWeightIh,
          grads.dBiasIh,
          grads.dWeightHh,
          grads.dBiasHh,
          grads.dh0,
        );
        arrays.release(gates, hiddens, ...Object.values(kept));
        return [
          arrays.tensor<tf.Rank.R3>(grads.dx, [steps, batch, dim]),
          arrays.tensor<tf.Rank.R2>(grads.dWeightIh, [3 * hidden, dim]),
          arrays.tensor<tf.Rank.R1>(grads.dBiasIh, [3 * hidden]),
          arrays.tensor<tf.Rank.R2>(grads.dWeightHh, [3 * hidden, hidden]),
          arrays.tensor<tf.Rank.R1>(grads.dBiasHh, [3 * hidden]),
          arrays.tensor<tf.Rank.R2>(grads.dh0, [batch, hidden]),
        ];
      },
    };
  });
  const { weightIh, biasIh, weightHh, biasHh } = weights;
  const outputs = op(inputs, weightIh, biasIh, weightHh, biasHh, h0) as tf.Tensor3D;
  return tf.tidy(() => {
    const last = tf.reshape(tf.slice(outputs, steps - 1, 1), [batch, hidden]) as tf.Tensor2D;
    return { outputs, finalH: last, finalC: last };
  });
}
