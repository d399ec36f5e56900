import * as tf from '@tensorflow/tfjs-core';
import {
  unpackRecurrentStates,
  type MlstmEmit,
  type MlstmLayerWeights,
  type RecurrentSequence,
} from '@seqrec/representations';

import { describeValue } from '@seqrec/interactions';

import { checkShapes, layerDimensions } from './check-shapes.js';
import type { HostArrays } from './host-arrays.js';
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
  arrays: HostArrays,
  inputs: tf.Tensor3D,
  weights: MlstmLayerWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  emit: MlstmEmit,
): RecurrentSequence {
  const api = 'native mlstm';
  const [steps, batch, dim, hidden] = layerDimensions(api, inputs, h0);
  checkShapes(api, [
    { name: 'h0', tensor: h0, shape: [batch, hidden] },
    { name: 'c0', tensor: c0, shape: [batch, hidden] },
    { name: 'weightX', tensor: weights.weightX, shape: [5 * hidden, dim] },
    { name: 'biasX', tensor: weights.biasX, shape: [5 * hidden] },
    { name: 'weightHh', tensor: weights.weightHh, shape: [4 * hidden, hidden] },
    { name: 'weightMh', tensor: weights.weightMh, shape: [hidden, hidden] },
    ...(weights.biasMh === null
      ? []
      : [{ name: 'biasMh', tensor: weights.biasMh, shape: [hidden] }]),
  ]);
  if (emit !== 'hidden' && emit !== 'cell') {
    throw new RangeError(`${api}: emit must be 'hidden' or 'cell'; got ${describeValue(emit)}.`);
  }
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
    const xs = arrays.keep(x);
    const [wXs, wHhs, wMhs] = [wX, wHh, wMh].map((w) => arrays.keep(w)) as [
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    const trace = {
      projected: arrays.take(steps * 5 * size),
      factors: arrays.take(steps * size),
      products: arrays.take(steps * size),
      gates: arrays.take(steps * 4 * size),
      cells: arrays.take((steps + 1) * size),
      cellTanh: arrays.take(steps * size),
      hiddens: arrays.take((steps + 1) * size),
    };
    trace.hiddens.set(arrays.peek(h));
    trace.cells.set(arrays.peek(c));
    const bias = bMh === undefined ? null : arrays.peek<Float32Array>(bMh);
    addon.mlstmForward(
      steps,
      batch,
      dim,
      hidden,
      xs,
      wXs,
      arrays.peek(bX),
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
    const packed = arrays.take((steps + 1) * size);
    packed.set(emitted.subarray(size));
    packed.set(other.subarray(steps * size), steps * size);
    let spent = false;
    return {
      value: arrays.tensor<tf.Rank.R3>(packed, [steps + 1, batch, hidden]),
      gradFunc: (dy: tf.Tensor) => {
        if (spent) throw new Error('nativeMlstm: the backward pass ran twice on one trace.');
        spent = true;
        const upstream = arrays.peek<Float32Array>(dy);
        const perStep = upstream.subarray(0, steps * size);
        const last = upstream.subarray(steps * size);
        const grads = {
          dx: arrays.take(steps * batch * dim),
          dWeightX: arrays.take(wXs.length),
          dBiasX: arrays.take(5 * hidden),
          dWeightHh: arrays.take(wHhs.length),
          dWeightMh: arrays.take(wMhs.length),
          dBiasMh: withBias ? arrays.take(hidden) : null,
          dh0: arrays.take(size),
          dc0: arrays.take(size),
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
        arrays.release(...Object.values(trace), xs, wXs, wHhs, wMhs);
        const matrix = (values: Float32Array, like: tf.Tensor) =>
          arrays.tensor<tf.Rank.R2>(values, like.shape as [number, number]);
        const result = [
          arrays.tensor<tf.Rank.R3>(grads.dx, [steps, batch, dim]),
          matrix(grads.dWeightX, wX),
          arrays.tensor<tf.Rank.R1>(grads.dBiasX, [5 * hidden]),
          matrix(grads.dWeightHh, wHh),
          matrix(grads.dWeightMh, wMh),
          arrays.tensor<tf.Rank.R2>(grads.dh0, [batch, hidden]),
          arrays.tensor<tf.Rank.R2>(grads.dc0, [batch, hidden]),
        ];
        return grads.dBiasMh === null
          ? result
          : [...result, arrays.tensor<tf.Rank.R1>(grads.dBiasMh, [hidden])];
      },
    };
  });
  const { weightX, biasX, weightHh, weightMh, biasMh } = weights;
  const all = [inputs, weightX, biasX, weightHh, weightMh, h0, c0];
  const packed = op(...(biasMh === null ? all : [...all, biasMh]));
  return unpackRecurrentStates(packed as tf.Tensor3D, emit);
}
