import type * as tf from '@tensorflow/tfjs-core';

/**
 * What a loss is built with.
 *
 * @example
 * ```ts
 * import { createLoss, type LossContext } from '@seqrec/losses';
 *
 * // 1,000 items plus padding; 8 negatives scored per positive.
 * const context: LossContext = { numItems: 1001, numNegatives: 8 };
 * const loss = createLoss('sampled-softmax', context);
 * console.assert(loss.name === 'sampled-softmax');
 * ```
 */
export interface LossContext {
  /** Size of the item id space the negatives are drawn from, padding included. */
  readonly numItems: number;
  /** Negatives scored per positive (k in the shapes below). */
  readonly numNegatives: number;
}

/**
 * A ranking loss over positive and sampled negative scores.
 *
 * Every loss averages over the unmasked positions only: masked positions (padding targets)
 * contribute nothing to the value or the gradient.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { createLoss, type Loss } from '@seqrec/losses';
 *
 * await selectBackend({ backend: 'cpu' });
 * const loss: Loss = createLoss('bpr', { numItems: 100, numNegatives: 1 });
 * const value = loss.compute(tf.tensor1d([2, 0]), tf.tensor2d([[0], [1]]), tf.tensor1d([1, 0]));
 * console.assert(Math.abs(value.dataSync()[0]! - (1 - 1 / (1 + Math.exp(-2)))) < 1e-6);
 * ```
 */
export interface Loss {
  /** Name in the loss registry. */
  readonly name: string;
  /**
   * The loss: `positive` float32 [n] (the score of each true next item), `negative` float32
   * [n, k] (scores of k sampled items per position), `mask` float32 [n] (1 counts, 0
   * ignores) → float32 scalar, the mean over unmasked positions. The caller disposes it.
   */
  compute(positive: tf.Tensor1D, negative: tf.Tensor2D, mask: tf.Tensor1D): tf.Scalar;
}
