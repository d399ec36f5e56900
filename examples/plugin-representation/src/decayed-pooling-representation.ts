import * as tf from '@tensorflow/tfjs-core';
import {
  checkItemIds,
  DotProductRepresentation,
  type EncodedSequences,
  type RepresentationConfig,
  type RepresentationContext,
} from '@seqrec/representations';

import { decayedMeans } from './internal/decayed-means.js';
import { resolveDecayedPoolingOptions } from './internal/resolve-decayed-pooling-options.js';

/** The name under which this package registers {@link DecayedPoolingRepresentation}. */
export const DECAYED_POOLING = 'decayed-pooling';

/** Options of {@link DecayedPoolingRepresentation}. */
export interface DecayedPoolingOptions {
  /**
   * Initial half-life of an item's weight, in items: after this many newer items its weight
   * has halved (default 3). Training moves it; this only sets the start.
   */
  readonly halfLife?: number;
  /**
   * Learn one decay rate per embedding coordinate (default true), so some coordinates can
   * remember long and others short; `false` learns one rate for all.
   */
  readonly perDimension?: boolean;
}

/**
 * Represents a user by an exponentially decayed mean of the embeddings of the items seen so
 * far: the item k steps back weighs λ^k, and the weights are normalised over the real items
 * seen. The decay λ = sigmoid(θ) is learned, per coordinate by default, starting from
 * `2^(-1 / halfLife)`.
 *
 * With λ = 1 this is the exact running mean (`pooling` with `exactMean`); as λ → 0 it
 * becomes the embedding of the last item. In between it weighs recent items more, which is
 * what a next-item model on short-memory data needs. The state before position 0, and over
 * any run of left padding, is the zero vector, and left padding changes nothing: padding
 * embeddings are zero and padding is not counted.
 *
 * It scores as {@link DotProductRepresentation} does (bias plus dot product with the item's
 * tied embedding); its one variable is θ, float32 [embeddingDim] or [1].
 *
 * @see Ding, Y. and Li, X., "Time weight collaborative filtering", CIKM 2005, for
 *   exponentially decayed weights with a half-life.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { DecayedPoolingRepresentation } from '@seqrec/example-plugin';
 *
 * await selectBackend({ backend: 'cpu' });
 * const representation = new DecayedPoolingRepresentation(
 *   {
 *     numItems: 6,
 *     embeddingDim: 4,
 *     itemEmbedding: new ScaledEmbedding({ numEmbeddings: 6, dim: 4, seed: 1 }),
 *     itemBias: new ZeroEmbedding({ numEmbeddings: 6, dim: 1 }),
 *     seed: 0,
 *   },
 *   { halfLife: 2 },
 * );
 * const { states, final } = representation.encode(tf.tensor2d([[0, 3, 5]], [1, 3], 'int32'));
 * console.assert(states.shape.join() === '1,3,4' && final.shape.join() === '1,4');
 * console.assert(representation.scoreAll(final).shape.join() === '1,6');
 * ```
 */
export class DecayedPoolingRepresentation extends DotProductRepresentation {
  /** `{ name: 'decayed-pooling', options }` with the defaults filled in. */
  readonly config: RepresentationConfig;
  /** θ, the decay logits: float32 [embeddingDim], or [1] without `perDimension`. */
  readonly variables: readonly tf.Variable[];
  readonly #decayLogits: tf.Variable<tf.Rank.R1>;

  /**
   * @param context - The shared item tables and sizes.
   * @param options - See {@link DecayedPoolingOptions}.
   * @throws TypeError if `options` is not an object or `perDimension` is not a boolean.
   * @throws RangeError for an unknown key or a half-life that is not a finite number ≥ 0.01.
   */
  constructor(context: RepresentationContext, options: DecayedPoolingOptions = {}) {
    super(context);
    const resolved = resolveDecayedPoolingOptions(options);
    this.config = { name: DECAYED_POOLING, options: { ...resolved } };

    // θ = logit(λ0) with λ0 = 2^(-1/halfLife): no random draw, so the seed is not needed.
    const decay = 2 ** (-1 / resolved.halfLife);
    const logit = Math.log(decay / (1 - decay));
    const size = resolved.perDimension ? context.embeddingDim : 1;
    this.#decayLogits = tf.tidy(() => tf.variable(tf.fill([size], logit), true));
    this.variables = [this.#decayLogits];
  }

  /** The decay rates λ = sigmoid(θ) now, one per coordinate (or one), as plain numbers. */
  get decay(): number[] {
    return tf.tidy(() => Array.from(tf.sigmoid(this.#decayLogits).dataSync()));
  }

  /**
   * Decayed means for int32 [batch, L] item ids: `states` float32 [batch, L, dim] (zero at
   * t = 0) and `final` float32 [batch, dim]. The caller disposes both.
   *
   * @throws TypeError if `itemIds` is not int32; RangeError if it is not [batch, L ≥ 1].
   */
  encode(itemIds: tf.Tensor2D): EncodedSequences {
    checkItemIds('DecayedPoolingRepresentation.encode', itemIds);
    return tf.tidy(() => {
      const [batch, length] = itemIds.shape;
      const dim = this.context.embeddingDim;
      const vectors = this.context.itemEmbedding.lookup(itemIds) as tf.Tensor3D;
      const real = tf.cast(tf.notEqual(itemIds, tf.scalar(0, 'int32')), 'float32') as tf.Tensor2D;
      const means = decayedMeans(vectors, real, this.#decayLogits);
      const states = tf.slice(means, [0, 0, 0], [batch, length, dim]);
      const final = tf.reshape(tf.slice(means, [0, length, 0], [batch, 1, dim]), [batch, dim]);
      return { states, final: final as tf.Tensor2D };
    });
  }
}
