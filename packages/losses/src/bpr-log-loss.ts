import * as tf from '@tensorflow/tfjs-core';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * BPR in its original log form: per position `mean_j -log σ(pos - neg_j)`, computed as
 * `softplus(neg_j - pos)`, then the mean over unmasked positions. Unlike {@link BprLoss} it
 * is unbounded, so confident mistakes keep a strong gradient.
 *
 * @remarks
 * With k > 1 negatives per position the terms are averaged over them.
 *
 * @see Rendle et al., "BPR: Bayesian personalized ranking from implicit feedback", UAI 2009.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { BprLogLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss = new BprLogLoss({ numItems: 10, numNegatives: 1 });
 * // -log σ(1 - 1) = log 2
 * const value = loss.compute(tf.tensor1d([1]), tf.tensor2d([[1]]), tf.tensor1d([1]));
 * console.assert(Math.abs(value.dataSync()[0]! - Math.LN2) < 1e-6);
 * ```
 */
export class BprLogLoss implements Loss {
  /** `'bpr-log'`. */
  readonly name = 'bpr-log';

  /**
   * @param context - Item count and negatives per position (checked, otherwise unused).
   * @param options - None are accepted.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid or an option is given.
   */
  constructor(context: LossContext, options: Readonly<Record<string, unknown>> = {}) {
    resolveLossContext('BprLogLoss', context);
    checkOptionKeys('BprLogLoss', options, []);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    return maskedLoss('BprLogLoss.compute', positive, negative, mask, (pos, neg) =>
      tf.mean(tf.softplus(tf.sub(neg, tf.expandDims(pos, 1))), 1),
    );
  }
}
