import type * as tf from '@tensorflow/tfjs-core';

import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';
import type { NativeGruTrace } from './native-gru.js';
import { spendTrace } from './native-trace.js';

/**
 * The backward pass through time of `nativeGru`: `dy` float32 [T, batch, H], the gradient of
 * `h_1 … h_T` → the gradients of its inputs, in their order: inputs [T, batch, D], `weightIh`
 * [3H, D], `biasIh` [3H], `weightHh` [3H, H], `biasHh` [3H], `h0` [batch, H]. The trace's
 * arrays then go back to the pool.
 *
 * @throws Error if the trace was already used by a backward pass.
 * @internal
 */
export function nativeGruGrad(
  addon: NativeAddon,
  arrays: HostArrays,
  trace: NativeGruTrace,
  dy: tf.Tensor,
): tf.Tensor[] {
  spendTrace('nativeGru', trace);
  const [steps, batch, dim, hidden] = trace.shape;
  const grads = {
    dx: arrays.take(steps * batch * dim),
    dWeightIh: arrays.take(trace.weightIh.length),
    dBiasIh: arrays.take(3 * hidden),
    dWeightHh: arrays.take(trace.weightHh.length),
    dBiasHh: arrays.take(3 * hidden),
    dh0: arrays.take(batch * hidden),
  };

  addon.gruBackward(
    ...trace.shape,
    trace.x,
    trace.weightIh,
    trace.weightHh,
    trace.gates,
    trace.hiddens,
    arrays.peek(dy),
    grads.dx,
    grads.dWeightIh,
    grads.dBiasIh,
    grads.dWeightHh,
    grads.dBiasHh,
    grads.dh0,
  );
  const { x, weightIh, weightHh, gates, hiddens } = trace;
  arrays.release(x, weightIh, weightHh, gates, hiddens);

  return [
    arrays.tensor<tf.Rank.R3>(grads.dx, [steps, batch, dim]),
    arrays.tensor<tf.Rank.R2>(grads.dWeightIh, [3 * hidden, dim]),
    arrays.tensor<tf.Rank.R1>(grads.dBiasIh, [3 * hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dWeightHh, [3 * hidden, hidden]),
    arrays.tensor<tf.Rank.R1>(grads.dBiasHh, [3 * hidden]),
    arrays.tensor<tf.Rank.R2>(grads.dh0, [batch, hidden]),
  ];
}
