import type * as tf from '@tensorflow/tfjs-core';

import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';
import type { NativeLstmTrace } from './native-lstm.js';
import { spendTrace } from './native-trace.js';

/**
 * The backward pass through time of `nativeLstm`: `dy` float32 [T + 1, batch, H], the
 * gradient of its output (`h_1 … h_T`, then `c_T`) → the gradients of its inputs, in their
 * order: inputs [T, batch, D], `weightIh` [4H, D], `weightHh` [4H, H], `bias` [4H], `h0` and
 * `c0` [batch, H]. The addon turns the trace's gate activations into their gradients in place;
 * the trace's arrays then go back to the pool.
 *
 * @throws Error if the trace was already used by a backward pass.
 * @internal
 */
export function nativeLstmGrad(
  addon: NativeAddon,
  arrays: HostArrays,
  trace: NativeLstmTrace,
  dy: tf.Tensor,
): tf.Tensor[] {
  spendTrace('nativeLstm', trace);
  const [steps, batch, dim, hidden] = trace.shape;
  const size = batch * hidden;
  const upstream = arrays.peek<Float32Array>(dy);
  const grads = {
    dx: arrays.take(steps * batch * dim),
    dWeightIh: arrays.take(trace.weightIh.length),
    dBias: arrays.take(4 * hidden),
    dWeightHh: arrays.take(trace.weightHh.length),
    dh0: arrays.take(size),
    dc0: arrays.take(size),
  };

  addon.lstmBackward(
    ...trace.shape,
    trace.x,
    trace.weightIh,
    trace.weightHh,
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
  const { x, weightIh, weightHh, gates, cells, cellTanh, hiddens } = trace;
  arrays.release(x, weightIh, weightHh, gates, cells, cellTanh, hiddens);

  return [
    arrays.tensor<tf.Rank.R3>(grads.dx, [steps, batch, dim]),
    arrays.tensor<tf.Rank.R2>(grads.dWeightIh, [4 * hidden, dim]),
    arrays.tensor<tf.Rank.R2>(grads.dWeightHh, [4 * hidden, hidden]),
    arrays.tensor<tf.Rank.R1>(grads.dBias, [4 * hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dh0, [batch, hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dc0, [batch, hidden]),
  ];
}
