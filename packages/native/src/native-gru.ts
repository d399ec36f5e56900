import * as tf from '@tensorflow/tfjs-core';
import type { GruLayerWeights, RecurrentSequence } from '@seqrec/representations';

import type { BufferPool } from './buffer-pool.js';
import { hostValues } from './host-values.js';
import type { NativeAddon } from './native-addon.js';

/**
 * A GRU layer on the addon, as one differentiable op (see `nativeLstm`): inputs float32
 * [T, batch, D] → `h_1 … h_T`; `finalC` is `finalH`.
 *
 * @internal
 */
export function nativeGru(
  addon: NativeAddon,
  pool: BufferPool,
  inputs: tf.Tensor3D,
  weights: GruLayerWeights,
  h0: tf.Tensor2D,
): RecurrentSequence {
  const [steps, batch, dim] = inputs.shape;
  const hidden = h0.shape[1];
  const size = batch * hidden;
  const op = tf.customGrad((...args) => {
    const [x, wIh, bIh, wHh, bHh, h] = args.slice(0, -1) as tf.Tensor[] as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
    ];
    const xs = hostValues(x);
    const [wIhs, wHhs] = [hostValues(wIh), hostValues(wHh)];
    const gates = pool.take(steps * 4 * size);
    const hiddens = pool.take((steps + 1) * size);
    hiddens.set(hostValues(h));
    addon.gruForward(
      steps,
      batch,
      dim,
      hidden,
      xs,
      wIhs,
      hostValues(bIh),
      wHhs,
      hostValues(bHh),
      gates,
      hiddens,
    );
    let spent = false;
    return {
      value: tf.tensor3d(hiddens.slice(size), [steps, batch, hidden], 'float32'),
      gradFunc: (dy: tf.Tensor) => {
        if (spent) throw new Error('nativeGru: the backward pass ran twice on one trace.');
        spent = true;
        const grads = {
          dx: new Float32Array(steps * batch * dim),
          dWeightIh: new Float32Array(wIhs.length),
          dBiasIh: new Float32Array(3 * hidden),
          dWeightHh: new Float32Array(wHhs.length),
          dBiasHh: new Float32Array(3 * hidden),
          dh0: new Float32Array(size),
        };
        addon.gruBackward(
          steps,
          batch,
          dim,
          hidden,
          xs,
          wIhs,
          wHhs,
          gates,
          hiddens,
          hostValues(dy),
          grads.dx,
          grads.dWeightIh,
          grads.dBiasIh,
          grads.dWeightHh,
          grads.dBiasHh,
          grads.dh0,
        );
        pool.give(gates, hiddens);
        return [
          tf.tensor3d(grads.dx, [steps, batch, dim], 'float32'),
          tf.tensor2d(grads.dWeightIh, wIh.shape as [number, number], 'float32'),
          tf.tensor1d(grads.dBiasIh, 'float32'),
          tf.tensor2d(grads.dWeightHh, wHh.shape as [number, number], 'float32'),
          tf.tensor1d(grads.dBiasHh, 'float32'),
          tf.tensor2d(grads.dh0, [batch, hidden], 'float32'),
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
