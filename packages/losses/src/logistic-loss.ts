import * as tf from '@tensorflow/tfjs-core';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * Binary cross-entropy on scores as logits (SASRec's loss): per position
 * `-log σ(pos) - mean_j log(1 - σ(neg_j))`, then the mean over unmasked positions.
 *
 * Computed as `softplus(-pos) + mean_j softplus(neg_j)`, which is the same function without
 * overflow or `log(0)` for large scores.
 *
 * @remarks
 * With k > 1 negatives per position the negative term is averaged over them, so the
 * positive and the negatives weigh equally whatever k is (SASRec draws one negative). For
 * k = 1 it equals {@link GbceLoss} with `t: 0` times two.
 *
 * @see Kang and McAuley, "Self-attentive sequential recommendation", ICDM 2018.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { LogisticLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss = new LogisticLoss({ numItems: 10, numNegatives: 1 });
 * // -log σ(0) - log(1 - σ(0)) = 2 log 2
 * const value = loss.compute(tf.tensor1d([0]), tf.tensor2d([[0]]), tf.tensor1d([1]));
 * console.assert(Math.abs(value.dataSync()[0]! - 2 * Math.LN2) < 1e-6);
 * ```
 */
export class LogisticLoss implements Loss {
  /** `'logistic'`. */
  readonly name = 'logistic';

  /**
   * @param context - Item count and negatives per position (checked, otherwise unused).
   * @param options - None are accepted.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid or an option is given.
   */
  constructor(context: LossContext, options: Readonly<Record<string, unknown>> = {}) {
    resolveLossContext('LogisticLoss', context);
    checkOptionKeys('LogisticLoss', options, []);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k ≥ 1, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    // -log σ(x) = softplus(-x) and -log(1 - σ(x)) = softplus(x); tf.logSigmoid is not used
    // because its gradient throws in TensorFlow.js 4.22.
    return maskedLoss('LogisticLoss.compute', positive, negative, mask, (pos, neg) =>
      tf.add(tf.softplus(tf.neg(pos)), tf.mean(tf.softplus(neg), 1)),
    );
  }
}
