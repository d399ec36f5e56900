import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

import type { Loss, LossContext } from './loss.js';
import { maskedLoss } from './internal/masked-loss.js';
import { checkOptionKeys, resolveLossContext } from './internal/options.js';

/**
 * Options of {@link GbceLoss}.
 *
 * @example
 * ```ts
 * import { GbceLoss, type GbceLossOptions } from '@seqrec/losses';
 *
 * const context = { numItems: 101, numNegatives: 4 };
 * // t = 0 is plain binary cross-entropy: no calibration, β = 1.
 * const plain: GbceLossOptions = { t: 0 };
 * console.assert(Math.abs(new GbceLoss(context, plain).beta - 1) < 1e-12); // 1 up to rounding
 * console.assert(new GbceLoss(context).beta < 1); // the default t = 0.75
 * ```
 */
export interface GbceLossOptions {
  /**
   * Calibration parameter t in [0, 1] (default 0.75, the paper's choice for gSASRec): 0
   * gives plain binary cross-entropy (β = 1), 1 gives β = α, fully correcting for the
   * negative sampling rate.
   */
  readonly t?: number;
}

/**
 * gSASRec's generalised binary cross-entropy (gBCE): per position
 * `-(β·log σ(pos) + Σ_j log(1 - σ(neg_j))) / (k + 1)`, then the mean over unmasked
 * positions. The positive's log-probability is scaled by β (`log σ^β = β log σ`), which
 * counters the overconfidence that negative sampling teaches a model trained with BCE.
 *
 * With α = k / (|I| - 1) the sampling rate, where |I| = `numItems - 1` real items (padding
 * excluded), β = α·(t·(1 - 1/α) + 1/α), so β runs from 1 (t = 0) down to α (t = 1). Terms
 * are computed stably as `β·softplus(-pos) + Σ_j softplus(neg_j)`.
 *
 * @remarks
 * The reduction is gSASRec's: the mean over the k + 1 scores of each position, then over
 * unmasked positions. `compute` requires k to equal `context.numNegatives`, since α depends
 * on it.
 *
 * Deviation: α uses the paper's k / (|I| - 1). The reference PyTorch code passes one item
 * fewer to its loss and so computes k / (|I| - 2); the two differ by one item of catalogue.
 *
 * @see Petrov and Macdonald, "gSASRec: Reducing overconfidence in sequential recommendation
 *   trained with negative sampling", RecSys 2023.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { GbceLoss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * // 101 ids: 100 real items; one negative, so α = 1 / 99 and, with t = 1, β = α.
 * const loss = new GbceLoss({ numItems: 101, numNegatives: 1 }, { t: 1 });
 * console.assert(Math.abs(loss.beta - 1 / 99) < 1e-12);
 * const value = loss.compute(tf.tensor1d([0]), tf.tensor2d([[0]]), tf.tensor1d([1]));
 * // (β log 2 + log 2) / 2
 * console.assert(Math.abs(value.dataSync()[0]! - ((1 / 99 + 1) * Math.LN2) / 2) < 1e-6);
 * ```
 */
export class GbceLoss implements Loss {
  /** `'gbce'`. */
  readonly name = 'gbce';
  /** Negatives per position, k. */
  readonly numNegatives: number;
  /** The calibration parameter t. */
  readonly t: number;
  /** Negative sampling rate α = k / (|I| - 1). */
  readonly alpha: number;
  /** Weight β of the positive's log-probability, in [α, 1]. */
  readonly beta: number;

  /**
   * @param context - Item count (padding included) and negatives per position, k.
   * @param options - See {@link GbceLossOptions}.
   * @throws TypeError if `context` or `options` is not an object.
   * @throws RangeError if the context is invalid, `numNegatives` exceeds the `numItems - 2`
   *   items a positive's negatives can be drawn from (α would pass 1), `t` is not in [0, 1],
   *   or an unknown option is given.
   */
  constructor(context: LossContext, options: GbceLossOptions = {}) {
    const api = 'GbceLoss';
    const { numItems, numNegatives } = resolveLossContext(api, context);
    checkOptionKeys(api, options, ['t']);
    const t = options.t ?? 0.75;
    if (typeof t !== 'number' || !(t >= 0 && t <= 1)) {
      throw new RangeError(`${api}: t must be a number in [0, 1]; got ${describeValue(t)}.`);
    }
    // |I| - 1: the real items other than the positive.
    const pool = numItems - 2;
    if (numNegatives > pool) {
      throw new RangeError(
        `${api}: context.numNegatives must be at most numItems - 2 = ${String(pool)} ` +
          `(the items other than padding and the positive); got ${String(numNegatives)}.`,
      );
    }

    this.numNegatives = numNegatives;
    this.t = t;
    this.alpha = numNegatives / pool;
    this.beta = this.alpha * (t * (1 - 1 / this.alpha) + 1 / this.alpha);
  }

  /**
   * `positive` float32 [n], `negative` float32 [n, k], `mask` float32 [n] → float32 scalar,
   * the mean over unmasked positions (0 when all are masked). The caller disposes it.
   *
   * @throws TypeError if an input is not a float32 tensor.
   * @throws RangeError if the shapes are not `[n]`, `[n, k]` with k = `numNegatives`, `[n]`.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar {
    const scale = 1 / (this.numNegatives + 1);
    return maskedLoss(
      'GbceLoss.compute',
      positive,
      negative,
      mask,
      (pos, neg) => {
        // -log σ(x) = softplus(-x), -log(1 - σ(x)) = softplus(x); tf.logSigmoid's gradient
        // throws in TensorFlow.js 4.22.
        const positiveTerm = tf.mul(tf.softplus(tf.neg(pos)), this.beta);
        return tf.mul(tf.add(positiveTerm, tf.sum(tf.softplus(neg), 1)), scale);
      },
      this.numNegatives,
    );
  }
}
