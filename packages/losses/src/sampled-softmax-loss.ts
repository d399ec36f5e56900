import * as tf from '@tensorflow/tfjs-core';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * Sampled softmax cross-entropy: per position `log(e^pos + Σ_j e^neg_j) - pos`, the
 * negative log-probability of the positive among itself and its k sampled negatives; then
 * the mean over unmasked positions. The log-sum-exp is computed stably.
 *
 * @remarks
 * No log-Q correction is applied, as the loss does not know the sampling probabilities.
 * Under uniform sampling the correction would shift every sampled logit alike and change
 * nothing; under popularity sampling the uncorrected loss pushes popular items down too far.
 *
 * @see Jean et al., "On using very large target vocabulary for neural machine translation",
 *   ACL 2015.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { SampledSoftmaxLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss = new SampledSoftmaxLoss({ numItems: 10, numNegatives: 2 });
 * // log(e^0 + e^0 + e^0) - 0 = log 3
 * const value = loss.compute(tf.tensor1d([0]), tf.tensor2d([[0, 0]]), tf.tensor1d([1]));
 * console.assert(Math.abs(value.dataSync()[0]! - Math.log(3)) < 1e-6);
 * ```
 */
export class SampledSoftmaxLoss implements Loss {
  /** `'sampled-softmax'`. */
  readonly name = 'sampled-softmax';

  /**
   * @param context - Item count and negatives per position (checked, otherwise unused).
   * @param options - None are accepted.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid or an option is given.
   */
  constructor(context: LossContext, options: Readonly<Record<string, unknown>> = {}) {
    resolveLossContext('SampledSoftmaxLoss', context);
    checkOptionKeys('SampledSoftmaxLoss', options, []);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    return maskedLoss('SampledSoftmaxLoss.compute', positive, negative, mask, (pos, neg) => {
      const logits = tf.concat([tf.expandDims(pos, 1), neg], 1); // [n, 1 + k]
      return tf.sub(tf.logSumExp(logits, 1), pos);
    });
  }
}
