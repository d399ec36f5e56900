import * as tf from '@tensorflow/tfjs-core';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * Spotlight's pointwise loss: per position `(1 - σ(pos)) + mean_j σ(neg_j)`, pushing the
 * positive's probability up and each negative's down, then the mean over unmasked positions.
 * Bounded in [0, 2], so it never explodes, but its gradient vanishes for confident mistakes.
 *
 * @remarks
 * Deviation: with k > 1 negatives per position the negative term is averaged over them;
 * Spotlight draws one negative for this loss, and for k = 1 the two agree.
 *
 * @see Spotlight's `spotlight.losses.pointwise_loss`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { PointwiseLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss = new PointwiseLoss({ numItems: 10, numNegatives: 1 });
 * // (1 - σ(0)) + σ(0) = 1
 * const value = loss.compute(tf.tensor1d([0]), tf.tensor2d([[0]]), tf.tensor1d([1]));
 * console.assert(Math.abs(value.dataSync()[0]! - 1) < 1e-6);
 * ```
 */
export class PointwiseLoss implements Loss {
  /** `'pointwise'`. */
  readonly name = 'pointwise';

  /**
   * @param context - Item count and negatives per position (checked, otherwise unused).
   * @param options - None are accepted.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid or an option is given.
   */
  constructor(context: LossContext, options: Readonly<Record<string, unknown>> = {}) {
    resolveLossContext('PointwiseLoss', context);
    checkOptionKeys('PointwiseLoss', options, []);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    return maskedLoss('PointwiseLoss.compute', positive, negative, mask, (pos, neg) =>
      // σ(-x) is 1 - σ(x) without the cancellation that rounds it to 0 for large x.
      tf.add(tf.sigmoid(tf.neg(pos)), tf.mean(tf.sigmoid(neg), 1)),
    );
  }
}
