import type * as tf from '@tensorflow/tfjs-core';

import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';
import type { NativeMlstmTrace } from './native-mlstm.js';
import { spendTrace } from './native-trace.js';

/**
 * The backward pass through time of `nativeMlstm`: `dy` float32 [T + 1, batch, H], the
 * gradient of its output (the emitted state after each step, then the other final state) →
 * the gradients of its inputs, in their order: inputs [T, batch, D], `weightX` [5H, D],
 * `biasX` [5H], `weightHh` [4H, H], `weightMh` [H, H], `h0` and `c0` [batch, H], and `biasMh`
 * [H] when there is one. The trace's arrays then go back to the pool.
 *
 * @throws Error if the trace was already used by a backward pass.
 * @internal
 */
export function nativeMlstmGrad(
  addon: NativeAddon,
  arrays: HostArrays,
  trace: NativeMlstmTrace,
  dy: tf.Tensor,
): tf.Tensor[] {
  spendTrace('nativeMlstm', trace);
  const [steps, batch, dim, hidden] = trace.shape;
  const size = batch * hidden;
  const upstream = arrays.peek<Float32Array>(dy);
  const perStep = upstream.subarray(0, steps * size);
  const last = upstream.subarray(steps * size);
  const hiddenSide = trace.emit === 'hidden';
  const grads = {
    dx: arrays.take(steps * batch * dim),
    dWeightX: arrays.take(trace.weightX.length),
    dBiasX: arrays.take(5 * hidden),
    dWeightHh: arrays.take(trace.weightHh.length),
    dWeightMh: arrays.take(trace.weightMh.length),
    dBiasMh: trace.withBias ? arrays.take(hidden) : null,
    dh0: arrays.take(size),
    dc0: arrays.take(size),
  };

  addon.mlstmBackward(
    ...trace.shape,
    trace.x,
    trace.weightX,
    trace.weightHh,
    trace.weightMh,
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
  const { x, weightX, weightHh, weightMh, projected, factors, products } = trace;
  const { gates, cells, cellTanh, hiddens } = trace;
  arrays.release(x, weightX, weightHh, weightMh, projected, factors, products);
  arrays.release(gates, cells, cellTanh, hiddens);

  const result = [
    arrays.tensor<tf.Rank.R3>(grads.dx, [steps, batch, dim]),
    arrays.tensor<tf.Rank.R2>(grads.dWeightX, [5 * hidden, dim]),
    arrays.tensor<tf.Rank.R1>(grads.dBiasX, [5 * hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dWeightHh, [4 * hidden, hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dWeightMh, [hidden, hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dh0, [batch, hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dc0, [batch, hidden]),
  ];
  return grads.dBiasMh === null
    ? result
    : [...result, arrays.tensor<tf.Rank.R1>(grads.dBiasMh, [hidden])];
}
