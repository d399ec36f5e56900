import * as tf from '@tensorflow/tfjs-core';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * Spotlight's BPR loss: per position `mean_j (1 - σ(pos - neg_j))`, the probability of
 * ranking each negative above the positive, then the mean over unmasked positions. Bounded
 * in [0, 1]; see {@link BprLogLoss} for the log form of the BPR paper.
 *
 * @remarks
 * Deviation: with k > 1 negatives per position the terms are averaged over them; Spotlight
 * draws one negative for this loss, and for k = 1 the two agree.
 *
 * @see Rendle et al., "BPR: Bayesian personalized ranking from implicit feedback", UAI 2009;
 *   Spotlight's `spotlight.losses.bpr_loss`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { BprLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss = new BprLoss({ numItems: 10, numNegatives: 1 });
 * // 1 - σ(2 - 0) = 0.1192
 * const value = loss.compute(tf.tensor1d([2]), tf.tensor2d([[0]]), tf.tensor1d([1]));
 * console.assert(Math.abs(value.dataSync()[0]! - 0.1192) < 1e-4);
 * ```
 */
export class BprLoss implements Loss {
  /** `'bpr'`. */
  readonly name = 'bpr';

  /**
   * @param context - Item count and negatives per position (checked, otherwise unused).
   * @param options - None are accepted.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid or an option is given.
   */
  constructor(context: LossContext, options: Readonly<Record<string, unknown>> = {}) {
    resolveLossContext('BprLoss', context);
    checkOptionKeys('BprLoss', options, []);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    return maskedLoss('BprLoss.compute', positive, negative, mask, (pos, neg) =>
      // 1 - σ(pos - neg) written as σ(neg - pos), which does not round to 0 for large gaps.
      tf.mean(tf.sigmoid(tf.sub(neg, tf.expandDims(pos, 1))), 1),
    );
  }
}
