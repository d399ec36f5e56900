import * as tf from '@tensorflow/tfjs-core';
import type { SampledLossInput, SampledLossKind } from '@seqrec/representations';

import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';

/** The addon's codes of the per-position losses (csrc/kernels.h, SR_LOSS_*). */
const LOSS_CODES: Readonly<Record<SampledLossKind, number>> = {
  'adaptive-hinge': 0,
  hinge: 1,
  bpr: 2,
  'bpr-log': 3,
  pointwise: 4,
  logistic: 5,
};

/**
 * Sampled scoring and loss on the addon, as one differentiable op of the states, the item
 * table and the biases: one pass computes the loss and all three gradients (the table's
 * densely), which the backward pass scales by the upstream gradient.
 *
 * @internal
 */
export function nativeSampledLoss(
  addon: NativeAddon,
  arrays: HostArrays,
  input: SampledLossInput,
): tf.Scalar {
  const { kind, states, targets, negatives, table, bias } = input;
  const code = LOSS_CODES[kind] as number | undefined;
  if (code === undefined) {
    throw new RangeError(
      `nativeSampledLoss: kind must be one of ${Object.keys(LOSS_CODES).join(', ')}; got ${String(kind)}.`,
    );
  }
  const [rows, dim] = states.shape;
  const [items] = table.shape;
  const k = negatives.shape[1];
  const op = tf.customGrad((...args) => {
    const [s, t, b] = args.slice(0, -1) as [tf.Tensor, tf.Tensor, tf.Tensor];
    const grads = {
      states: arrays.take(rows * dim),
      table: arrays.zeros(items * dim),
      bias: arrays.zeros(items),
    };
    const loss = addon.sampledLoss(
      rows,
      k,
      dim,
      items,
      code,
      arrays.peek(s),
      arrays.peek(targets),
      arrays.peek(negatives),
      arrays.peek(t),
      arrays.peek(b),
      grads.states,
      grads.table,
      grads.bias,
    );
    return {
      value: tf.scalar(loss, 'float32'),
      gradFunc: (dy: tf.Tensor) => {
        const upstream = dy.dataSync()[0] as number;
        if (upstream !== 1) {
          for (const values of Object.values(grads))
            for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * upstream;
        }
        return [
          arrays.tensor<tf.Rank.R2>(grads.states, [rows, dim]),
          arrays.tensor<tf.Rank.R2>(grads.table, [items, dim]),
          arrays.tensor<tf.Rank.R1>(grads.bias, [items]),
        ];
      },
    };
  });
  return op(states, table, bias) as tf.Scalar;
}
