import * as tf from '@tensorflow/tfjs-core';

import { DotProductRepresentation } from '../dot-product-representation.js';
import { checkItemIds } from '../check-item-ids.js';
import type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
} from '../sequence-representation.js';
import { resolvePoolingOptions } from './internal/resolve-pooling-options.js';

/**
 * Options of {@link PoolingRepresentation}.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import {
 *   PoolingRepresentation,
 *   type PoolingRepresentationOptions,
 * } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const context = {
 *   numItems: 4,
 *   embeddingDim: 2,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 4, dim: 2, seed: 1 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 4, dim: 1 }),
 *   seed: 0,
 * };
 * const exact: PoolingRepresentationOptions = { exactMean: true };
 * const items = tf.tensor2d([[3, 3]], [1, 2], 'int32');
 * const mean = new PoolingRepresentation(context, exact).encode(items).final;
 * const spotlight = new PoolingRepresentation(context).encode(items).final;
 * // Two copies of item 3: their exact mean is the item's vector, Spotlight's is 2/3 of it.
 * const vector = context.itemEmbedding.lookup(tf.tensor1d([3], 'int32'));
 * console.assert(tf.max(tf.abs(tf.sub(mean, vector))).dataSync()[0]! < 1e-6);
 * console.assert(tf.max(tf.abs(tf.sub(spotlight, tf.mul(vector, 2 / 3)))).dataSync()[0]! < 1e-6);
 * ```
 */
export interface PoolingRepresentationOptions {
  /**
   * Divide the running sum by the number of items seen, `n`, giving their exact mean, instead
   * of by `n + 1` as Spotlight's `PoolNet` does (default false: Spotlight's behaviour).
   */
  readonly exactMean?: boolean;
}

/**
 * Represents a user by the running average of the embeddings of the items seen so far, as
 * Spotlight's `PoolNet` (after Covington et al.'s YouTube model). It has no weights of its
 * own: only the item embeddings train.
 *
 * The state before position t is `sum / (n + 1)`, where `sum` adds the embeddings of items
 * `0 … t-1` and `n` counts the real (non-padding) ones among them; with `exactMean` it is
 * `sum / max(n, 1)`. Either way the state at t = 0, and over any run of left padding, is the
 * zero vector, and left padding changes nothing: a padded row has the same states at its
 * real positions, and the same `final`, as the unpadded row.
 *
 * @remarks
 * Deviation: Spotlight counts seen items per coordinate, as non-zero embedding entries, and
 * seqrec counts non-padding ids. The two agree unless a real item's embedding has an entry
 * that is exactly zero, where Spotlight would leave that item out of that coordinate's count.
 *
 * @see Covington, Adams and Sargin, "Deep Neural Networks for YouTube Recommendations",
 *   RecSys 2016; Spotlight's `spotlight.sequence.representations.PoolNet`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { PoolingRepresentation } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const itemEmbedding = new ScaledEmbedding({ numEmbeddings: 6, dim: 4, seed: 1 });
 * const itemBias = new ZeroEmbedding({ numEmbeddings: 6, dim: 1 });
 * const pooling = new PoolingRepresentation(
 *   { numItems: 6, embeddingDim: 4, itemEmbedding, itemBias, seed: 0 },
 *   { exactMean: true },
 * );
 * const { states, final } = pooling.encode(tf.tensor2d([[0, 3, 5]], [1, 3], 'int32'));
 * console.assert(states.shape.join() === '1,3,4' && final.shape.join() === '1,4');
 * console.assert(states.arraySync()[0]?.[1]?.every((v) => v === 0) === true); // padding only
 * ```
 */
export class PoolingRepresentation extends DotProductRepresentation {
  /** `{ name: 'pooling', options }` with the defaults filled in. */
  readonly config: RepresentationConfig;
  /** None: pooling has no weights of its own. */
  readonly variables: readonly tf.Variable[] = [];
  readonly #exactMean: boolean;

  /**
   * @param context - The shared item tables and sizes.
   * @param options - See {@link PoolingRepresentationOptions}.
   * @throws TypeError if `options` is not an object or `exactMean` is not a boolean.
   * @throws RangeError if `options` holds an unknown key.
   */
  constructor(context: RepresentationContext, options: PoolingRepresentationOptions = {}) {
    super(context);
    const resolved = resolvePoolingOptions(options);
    this.#exactMean = resolved.exactMean;
    this.config = { name: 'pooling', options: { ...resolved } };
  }

  /**
   * Running means for int32 [batch, L] item ids: `states` float32 [batch, L, dim] (zero at
   * t = 0) and `final` float32 [batch, dim]. The caller disposes both.
   *
   * @throws TypeError if `itemIds` is not int32; RangeError if it is not [batch, L ≥ 1].
   */
  encode(itemIds: tf.Tensor2D): EncodedSequences {
    checkItemIds('PoolingRepresentation.encode', itemIds);
    return tf.tidy(() => {
      const [batch, length] = itemIds.shape;
      const dim = this.context.embeddingDim;
      const vectors = this.context.itemEmbedding.lookup(itemIds) as tf.Tensor3D;

      // Limitation: the gradient of tf.cumsum (tfjs 4.22) has the wrong layout for any axis
      // but the last, so the sums run over a [batch, dim, L] view of the vectors.
      const byDim = tf.transpose(vectors, [0, 2, 1]);
      const sums = tf.cumsum(byDim, 2);

      // Sums and counts after each item; padding vectors are zero and do not count.
      const real = tf.notEqual(itemIds, tf.scalar(0, 'int32'));
      const counts = tf.cumsum(tf.cast(real, 'float32'), 1);
      const divisor = this.#exactMean ? tf.maximum(counts, 1) : tf.add(counts, 1);
      const after = tf.div(sums, tf.expandDims(divisor, 1));

      // The state before item t is the one after item t - 1; nothing is seen before item 0.
      const seen = tf.slice(after, [0, 0, 0], [batch, dim, length - 1]);
      const shifted = tf.concat([tf.zeros([batch, dim, 1]), seen], 2);
      const states = tf.transpose(shifted, [0, 2, 1]) as tf.Tensor3D;
      const last = tf.slice(after, [0, 0, length - 1], [batch, dim, 1]);
      const final = tf.reshape(last, [batch, dim]) as tf.Tensor2D;
      return { states, final };
    });
  }
}
