import * as tf from '@tensorflow/tfjs-core';

import { checkItemIds } from '../check-item-ids.js';
import { deriveSeed, uniformVariable } from '../internal/uniform-variable.js';
import { LstmRepresentation } from '../lstm/lstm-representation.js';
import type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
  SequenceRepresentation,
} from '../sequence-representation.js';
import { scoreMixtureAll, scoreMixtureItems } from './internal/mixture-scores.js';
import { resolveMixtureOptions } from './internal/resolve-mixture-options.js';

/**
 * Options of {@link MixtureRepresentation}.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import {
 *   MixtureRepresentation,
 *   type MixtureRepresentationOptions,
 * } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const options: MixtureRepresentationOptions = { numComponents: 3 };
 * const mixture = new MixtureRepresentation(
 *   {
 *     numItems: 6,
 *     embeddingDim: 4,
 *     itemEmbedding: new ScaledEmbedding({ numEmbeddings: 6, dim: 4 }),
 *     itemBias: new ZeroEmbedding({ numEmbeddings: 6, dim: 1 }),
 *     seed: 0,
 *   },
 *   options,
 * );
 * // One taste vector and one attention vector per component.
 * console.assert(mixture.stateSize === 2 * 3 * 4);
 * ```
 */
export interface MixtureRepresentationOptions {
  /** Number of tastes M a user mixes (default 4). */
  readonly numComponents?: number;
}

/**
 * Represents a user as a mixture of tastes, as Spotlight's `MixtureLSTMNet` (Kula 2017): an
 * LSTM runs over the item embeddings (hidden size `dim`, exactly as {@link LstmRepresentation},
 * zero step included), and a linear layer maps its output to M taste vectors `t_m` and M
 * attention vectors `a_m`, each `dim` wide. An item with embedding `e` and bias `b` scores
 * `Σ_m softmax_m(a_m · e) (t_m · e) + b`: the item picks the tastes that judge it.
 *
 * A state is the M tastes then the M attentions, flattened: `stateSize = 2 · M · dim`.
 * `scoreAll` works on [n, M, numItems] products, never on an [n, numItems, M, dim] tensor.
 *
 * Left padding: the LSTM steps over padding as over any input, and a zero vector still
 * moves its state through the biases and recurrent weights, so a padded row's states and
 * `final` differ from the unpadded row's. Spotlight behaves the same way.
 *
 * @see Kula, "Mixture-of-tastes Models for Representing Users with Diverse Interests",
 *   arXiv:1711.08379 (2017); Spotlight's `spotlight.sequence.representations.MixtureLSTMNet`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { MixtureRepresentation } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const itemEmbedding = new ScaledEmbedding({ numEmbeddings: 6, dim: 4, seed: 1 });
 * const itemBias = new ZeroEmbedding({ numEmbeddings: 6, dim: 1 });
 * const mixture = new MixtureRepresentation(
 *   { numItems: 6, embeddingDim: 4, itemEmbedding, itemBias, seed: 0 },
 *   { numComponents: 2 },
 * );
 * const { final } = mixture.encode(tf.tensor2d([[0, 3, 5]], [1, 3], 'int32'));
 * console.assert(mixture.stateSize === 16 && final.shape.join() === '1,16');
 * console.assert(mixture.scoreAll(final).shape.join() === '1,6');
 * ```
 */
export class MixtureRepresentation implements SequenceRepresentation {
  /** The shared item tables and sizes this representation was built with. */
  readonly context: RepresentationContext;
  /** `{ name: 'mixture', options }` with the defaults filled in. */
  readonly config: RepresentationConfig;
  /** `2 · numComponents · embeddingDim`. */
  readonly stateSize: number;
  /** Number of tastes M. */
  readonly numComponents: number;
  /**
   * The LSTM's variables, then the projection's kernel, float32 [dim, 2·M·dim], and bias,
   * [2·M·dim].
   */
  readonly variables: readonly tf.Variable[];
  readonly #lstm: LstmRepresentation;
  readonly #kernel: tf.Variable<tf.Rank.R2>;
  readonly #bias: tf.Variable<tf.Rank.R1>;

  /**
   * The LSTM starts as {@link LstmRepresentation} does; the projection as PyTorch's linear
   * layers, uniform in ±1/√dim. All draws come from `context.seed`.
   *
   * @param context - The shared item tables and sizes.
   * @param options - See {@link MixtureRepresentationOptions}.
   * @throws TypeError if `options` is not an object.
   * @throws RangeError for an unknown key or a `numComponents` that is not a positive integer.
   */
  constructor(context: RepresentationContext, options: MixtureRepresentationOptions = {}) {
    const resolved = resolveMixtureOptions(options);
    this.context = context;
    this.numComponents = resolved.numComponents;
    this.config = { name: 'mixture', options: { ...resolved } };

    const dim = context.embeddingDim;
    this.stateSize = 2 * resolved.numComponents * dim;
    this.#lstm = new LstmRepresentation(context);
    const bound = 1 / Math.sqrt(dim);
    const seed = deriveSeed(context.seed, 0x6d6978);
    this.#kernel = uniformVariable('mixture_kernel', [dim, this.stateSize], bound, seed);
    this.#bias = uniformVariable('mixture_bias', [this.stateSize], bound, seed + 1);
    this.variables = [...this.#lstm.variables, this.#kernel, this.#bias];
  }

  /**
   * Tastes and attentions for int32 [batch, L] item ids: `states` float32
   * [batch, L, stateSize] and `final` float32 [batch, stateSize]. The caller disposes both.
   *
   * @throws TypeError if `itemIds` is not int32; RangeError if it is not [batch, L ≥ 1].
   */
  encode(itemIds: tf.Tensor2D): EncodedSequences {
    checkItemIds('MixtureRepresentation.encode', itemIds);
    return tf.tidy(() => {
      const [batch, length] = itemIds.shape;
      const dim = this.context.embeddingDim;
      const hidden = this.#lstm.encode(itemIds);

      const flat = tf.reshape(hidden.states, [batch * length, dim]);
      const projected = tf.add(tf.matMul(flat, this.#kernel), this.#bias);
      const states = tf.reshape(projected, [batch, length, this.stateSize]) as tf.Tensor3D;
      const final = tf.add(tf.matMul(hidden.final, this.#kernel), this.#bias) as tf.Tensor2D;
      return { states, final };
    });
  }

  /**
   * `states` float32 [n, stateSize], `itemIds` int32 [n, k] → float32 [n, k]: each item's
   * mixture-of-tastes score plus its bias. The caller disposes the result.
   */
  score(states: tf.Tensor2D, itemIds: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const [n, k] = itemIds.shape;
      const vectors = this.context.itemEmbedding.lookup(itemIds) as tf.Tensor3D;
      const bias = tf.reshape(this.context.itemBias.lookup(itemIds), [n, k]);
      return tf.add(scoreMixtureItems(states, vectors, this.numComponents), bias);
    });
  }

  /**
   * `states` float32 [n, stateSize] → float32 [n, numItems]: every item's score, padding
   * (column 0) included. The caller disposes the result.
   */
  scoreAll(states: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const table = this.context.itemEmbedding.table();
      const bias = tf.reshape(this.context.itemBias.table(), [1, this.context.numItems]);
      return tf.add(scoreMixtureAll(states, table, this.numComponents), bias);
    });
  }

  /** Frees the LSTM's and the projection's variables (the shared item tables stay). */
  dispose(): void {
    for (const variable of this.variables) variable.dispose();
  }
}
