import * as tf from '@tensorflow/tfjs-core';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * Spotlight's adaptive hinge loss: per position `max(0, 1 + max_j neg_j - pos)`, the hinge
 * against the highest-scoring of the k negatives, the one closest to breaking the ranking;
 * then the mean over unmasked positions. An approximation of WARP.
 *
 * @remarks
 * The gradient reaches only the highest negative of each position (each of them on a tie).
 *
 * @see Weston et al., "WSABIE: Scaling up to large vocabulary image annotation", IJCAI 2011;
 *   Spotlight's `spotlight.losses.adaptive_hinge_loss`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { AdaptiveHingeLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss = new AdaptiveHingeLoss({ numItems: 10, numNegatives: 2 });
 * // max(0, 1 + max(0.5, -3) - 1) = 0.5
 * const value = loss.compute(tf.tensor1d([1]), tf.tensor2d([[0.5, -3]]), tf.tensor1d([1]));
 * console.assert(Math.abs(value.dataSync()[0]! - 0.5) < 1e-6);
 * ```
 */
export class AdaptiveHingeLoss implements Loss {
  /** `'adaptive-hinge'`. */
  readonly name = 'adaptive-hinge';

  /**
   * @param context - Item count and negatives per position (checked, otherwise unused).
   * @param options - None are accepted.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid or an option is given.
   */
  constructor(context: LossContext, options: Readonly<Record<string, unknown>> = {}) {
    resolveLossContext('AdaptiveHingeLoss', context);
    checkOptionKeys('AdaptiveHingeLoss', options, []);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    return maskedLoss('AdaptiveHingeLoss.compute', positive, negative, mask, (pos, neg) =>
      tf.relu(tf.add(tf.sub(tf.max(neg, 1), pos), 1)),
    );
  }
}
