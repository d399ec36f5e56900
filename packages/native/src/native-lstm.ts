import * as tf from '@tensorflow/tfjs-core';
import {
  unpackRecurrentStates,
  type LstmLayerWeights,
  type RecurrentSequence,
} from '@seqrec/representations';

import type { BufferPool } from './buffer-pool.js';
import { hostValues } from './host-values.js';
import type { NativeAddon } from './native-addon.js';

/**
 * An LSTM layer on the addon, as one differentiable op: inputs float32 [T, batch, D] →
 * `h_1 … h_T` with the final states. The forward pass fills a trace of pooled arrays; the
 * backward pass turns the gate activations into their gradients in place, hands the arrays
 * back to the pool, and returns the gradients of all six inputs.
 *
 * @internal
 */
export function nativeLstm(
  addon: NativeAddon,
  pool: BufferPool,
  inputs: tf.Tensor3D,
  weights: LstmLayerWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
): RecurrentSequence {
  const [steps, batch, dim] = inputs.shape;
  const hidden = h0.shape[1];
  const size = batch * hidden;
  const op = tf.customGrad((...args) => {
    const [x, wIh, wHh, bias, h, c] = args.slice(0, -1) as tf.Tensor[] as [
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
    const cells = pool.take((steps + 1) * size);
    const cellTanh = pool.take(steps * size);
    const hiddens = pool.take((steps + 1) * size);
    hiddens.set(hostValues(h));
    cells.set(hostValues(c));
    addon.lstmForward(
      steps,
      batch,
      dim,
      hidden,
      xs,
      wIhs,
      hostValues(bias),
      wHhs,
      gates,
      cells,
      cellTanh,
      hiddens,
    );
    const packed = new Float32Array((steps + 1) * size);
    packed.set(hiddens.subarray(size));
    packed.set(cells.subarray(steps * size), steps * size);
    let spent = false;
    return {
      value: tf.tensor3d(packed, [steps + 1, batch, hidden], 'float32'),
      gradFunc: (dy: tf.Tensor) => {
        // The backward pass overwrites the trace; a second one would read garbage.
        if (spent) throw new Error('nativeLstm: the backward pass ran twice on one trace.');
        spent = true;
        const upstream = hostValues(dy);
        const grads = {
          dx: new Float32Array(steps * batch * dim),
          dWeightIh: new Float32Array(wIhs.length),
          dBias: new Float32Array(4 * hidden),
          dWeightHh: new Float32Array(wHhs.length),
          dh0: new Float32Array(size),
          dc0: new Float32Array(size),
        };
        addon.lstmBackward(
          steps,
          batch,
          dim,
          hidden,
          xs,
          wIhs,
          wHhs,
          gates,
          cells,
          cellTanh,
          hiddens,
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
        pool.give(gates, cells, cellTanh, hiddens);
        return [
          tf.tensor3d(grads.dx, [steps, batch, dim], 'float32'),
          tf.tensor2d(grads.dWeightIh, wIh.shape as [number, number], 'float32'),
          tf.tensor2d(grads.dWeightHh, wHh.shape as [number, number], 'float32'),
          tf.tensor1d(grads.dBias, 'float32'),
          tf.tensor2d(grads.dh0, [batch, hidden], 'float32'),
          tf.tensor2d(grads.dc0, [batch, hidden], 'float32'),
        ];
      },
    };
  });
  const packed = op(inputs, weights.weightIh, weights.weightHh, weights.bias, h0, c0);
  return unpackRecurrentStates(packed as tf.Tensor3D, 'hidden');
}
