import * as tf from '@tensorflow/tfjs-core';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * Spotlight's hinge loss: per position `mean_j max(0, 1 + neg_j - pos)`, zero once the
 * positive outscores every negative by a margin of 1, then the mean over unmasked positions.
 *
 * @remarks
 * Deviation: with k > 1 negatives per position the terms are averaged over them; Spotlight
 * draws one negative for this loss, and for k = 1 the two agree. See
 * {@link AdaptiveHingeLoss} for the hinge against the hardest of k negatives.
 *
 * @see Spotlight's `spotlight.losses.hinge_loss`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { HingeLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss = new HingeLoss({ numItems: 10, numNegatives: 2 });
 * // mean(max(0, 1 + 0.5 - 1), max(0, 1 - 3 - 1)) = mean(0.5, 0) = 0.25
 * const value = loss.compute(tf.tensor1d([1]), tf.tensor2d([[0.5, -3]]), tf.tensor1d([1]));
 * console.assert(Math.abs(value.dataSync()[0]! - 0.25) < 1e-6);
 * ```
 */
export class HingeLoss implements Loss {
  /** `'hinge'`. */
  readonly name = 'hinge';

  /**
   * @param context - Item count and negatives per position (checked, otherwise unused).
   * @param options - None are accepted.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid or an option is given.
   */
  constructor(context: LossContext, options: Readonly<Record<string, unknown>> = {}) {
    resolveLossContext('HingeLoss', context);
    checkOptionKeys('HingeLoss', options, []);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    return maskedLoss('HingeLoss.compute', positive, negative, mask, (pos, neg) =>
      tf.mean(tf.relu(tf.add(tf.sub(neg, tf.expandDims(pos, 1)), 1)), 1),
    );
  }
}
