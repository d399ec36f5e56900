import * as tf from '@tensorflow/tfjs-core';
import type { SampledLossInput, SampledLossKind } from '@seqrec/representations';

import { describeValue } from '@seqrec/interactions';

import { checkShapes, dimensions } from './check-shapes.js';
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
  const api = 'native sampledLoss';
  const { kind, states, targets, negatives, table, bias } = input;
  const code = Object.hasOwn(LOSS_CODES, kind) ? LOSS_CODES[kind] : undefined;
  if (code === undefined) {
    throw new RangeError(
      `${api}: kind must be one of ${Object.keys(LOSS_CODES).join(', ')}; got ${describeValue(kind)}.`,
    );
  }
  const [rows, dim] = dimensions(api, 'states', states, 2) as [number, number];
  const items = dimensions(api, 'table', table, 2)[0] as number;
  const k = dimensions(api, 'negatives', negatives, 2)[1] as number;
  checkShapes(api, [
    { name: 'states', tensor: states, shape: [rows, dim] },
    { name: 'targets', tensor: targets, shape: [rows], dtype: 'int32' },
    { name: 'negatives', tensor: negatives, shape: [rows, k], dtype: 'int32' },
    { name: 'table', tensor: table, shape: [items, dim] },
    { name: 'bias', tensor: bias, shape: [items] },
  ]);
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
