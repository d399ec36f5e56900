import * as tf from '@tensorflow/tfjs-core';
import type { SampledLossInput, SampledLossKind } from '@seqrec/representations';

import { hostValues } from './host-values.js';
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
export function nativeSampledLoss(addon: NativeAddon, input: SampledLossInput): tf.Scalar {
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
  const targetIds = targets.dataSync() as Int32Array;
  const negativeIds = negatives.dataSync() as Int32Array;
  const op = tf.customGrad((...args) => {
    const [s, t, b] = args.slice(0, -1) as [tf.Tensor, tf.Tensor, tf.Tensor];
    const grads = {
      states: new Float32Array(rows * dim),
      table: new Float32Array(items * dim),
      bias: new Float32Array(items),
    };
    const loss = addon.sampledLoss(
      rows,
      k,
      dim,
      items,
      code,
      hostValues(s),
      targetIds,
      negativeIds,
      hostValues(t),
      hostValues(b),
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
          tf.tensor2d(grads.states, [rows, dim], 'float32'),
          tf.tensor2d(grads.table, [items, dim], 'float32'),
          tf.tensor1d(grads.bias, 'float32'),
        ];
      },
    };
  });
  return op(states, table, bias) as tf.Scalar;
}
