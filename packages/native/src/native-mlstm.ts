import * as tf from '@tensorflow/tfjs-core';
import {
  unpackRecurrentStates,
  type MlstmEmit,
  type MlstmLayerWeights,
  type RecurrentSequence,
} from '@seqrec/representations';

import type { BufferPool } from './buffer-pool.js';
import { hostValues } from './host-values.js';
import type { NativeAddon } from './native-addon.js';

/**
 * A multiplicative LSTM layer on the addon, as one differentiable op (see `nativeLstm`):
 * emits `h_t` or `c_t` per step as `emit` says, and returns the gradients of the inputs,
 * the stacked input weight and bias, `W_hm`, `W_mh`, `h0`, `c0` and `b_mh` when there is one.
 *
 * @internal
 */
export function nativeMlstm(
  addon: NativeAddon,
  pool: BufferPool,
  inputs: tf.Tensor3D,
  weights: MlstmLayerWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  emit: MlstmEmit,
): RecurrentSequence {
  const [steps, batch, dim] = inputs.shape;
  const hidden = h0.shape[1];
  const size = batch * hidden;
  const withBias = weights.biasMh !== null;
  const op = tf.customGrad((...args) => {
    const [x, wX, bX, wHh, wMh, h, c, bMh] = args.slice(0, -1) as (tf.Tensor | undefined)[] as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor | undefined,
    ];
    const xs = hostValues(x);
    const [wXs, wHhs, wMhs] = [wX, wHh, wMh].map((w) => hostValues(w)) as [
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    const trace = {
      projected: pool.take(steps * 5 * size),
      factors: pool.take(steps * size),
      products: pool.take(steps * size),
      gates: pool.take(steps * 4 * size),
      cells: pool.take((steps + 1) * size),
      cellTanh: pool.take(steps * size),
      hiddens: pool.take((steps + 1) * size),
    };
    trace.hiddens.set(hostValues(h));
    trace.cells.set(hostValues(c));
    const bias = bMh === undefined ? null : hostValues(bMh);
    addon.mlstmForward(
      steps,
      batch,
      dim,
      hidden,
      xs,
      wXs,
      hostValues(bX),
      wHhs,
      wMhs,
      bias,
      trace.projected,
      trace.factors,
      trace.products,
      trace.gates,
      trace.cells,
      trace.cellTanh,
      trace.hiddens,
    );
    const [emitted, other] =
      emit === 'hidden' ? [trace.hiddens, trace.cells] : [trace.cells, trace.hiddens];
    const packed = new Float32Array((steps + 1) * size);
    packed.set(emitted.subarray(size));
    packed.set(other.subarray(steps * size), steps * size);
    let spent = false;
    return {
      value: tf.tensor3d(packed, [steps + 1, batch, hidden], 'float32'),
      gradFunc: (dy: tf.Tensor) => {
        if (spent) throw new Error('nativeMlstm: the backward pass ran twice on one trace.');
        spent = true;
        const upstream = hostValues(dy);
        const perStep = upstream.subarray(0, steps * size);
        const last = upstream.subarray(steps * size);
        const grads = {
          dx: new Float32Array(steps * batch * dim),
          dWeightX: new Float32Array(wXs.length),
          dBiasX: new Float32Array(5 * hidden),
          dWeightHh: new Float32Array(wHhs.length),
          dWeightMh: new Float32Array(wMhs.length),
          dBiasMh: withBias ? new Float32Array(hidden) : null,
          dh0: new Float32Array(size),
          dc0: new Float32Array(size),
        };
        const hiddenSide = emit === 'hidden';
        addon.mlstmBackward(
          steps,
          batch,
          dim,
          hidden,
          xs,
          wXs,
          wHhs,
          wMhs,
          trace.projected,
          trace.factors,
          trace.products,
          trace.gates,
          trace.cells,
          trace.cellTanh,
          trace.hiddens,
          hiddenSide ? perStep : null,
          hiddenSide ? null : perStep,
          hiddenSide ? null : last,
          hiddenSide ? last : null,
          grads.dx,
          grads.dWeightX,
          grads.dBiasX,
          grads.dWeightHh,
          grads.dWeightMh,
          grads.dBiasMh,
          grads.dh0,
          grads.dc0,
        );
        pool.give(...Object.values(trace));
        const matrix = (values: Float32Array, like: tf.Tensor) =>
          tf.tensor2d(values, like.shape as [number, number], 'float32');
        const result = [
          tf.tensor3d(grads.dx, [steps, batch, dim], 'float32'),
          matrix(grads.dWeightX, wX),
          tf.tensor1d(grads.dBiasX, 'float32'),
          matrix(grads.dWeightHh, wHh),
          matrix(grads.dWeightMh, wMh),
          tf.tensor2d(grads.dh0, [batch, hidden], 'float32'),
          tf.tensor2d(grads.dc0, [batch, hidden], 'float32'),
        ];
        return grads.dBiasMh === null ? result : [...result, tf.tensor1d(grads.dBiasMh)];
      },
    };
  });
  const { weightX, biasX, weightHh, weightMh, biasMh } = weights;
  const all = [inputs, weightX, biasX, weightHh, weightMh, h0, c0];
  const packed = op(...(biasMh === null ? all : [...all, biasMh]));
  return unpackRecurrentStates(packed as tf.Tensor3D, emit);
}
