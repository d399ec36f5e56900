import * as tf from '@tensorflow/tfjs-core';

import type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
  SequenceRepresentation,
} from './sequence-representation.js';

/**
 * Base class for representations whose state scores an item by `bias[i] + state · e[i]`,
 * with `e` the item embedding the inputs also use (tied weights, as in Spotlight). A
 * subclass supplies `config`, `variables` and `encode`; `stateSize` is the embedding width.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { DotProductRepresentation, type EncodedSequences } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * // The simplest possible representation: the state is the embedding of the previous item.
 * class LastItem extends DotProductRepresentation {
 *   readonly config = { name: 'last-item', options: {} };
 *   readonly variables = [];
 *   encode(itemIds: tf.Tensor2D): EncodedSequences {
 *     return tf.tidy(() => {
 *       const x = this.context.itemEmbedding.lookup(itemIds) as tf.Tensor3D;
 *       const [batch, , dim] = x.shape;
 *       const previous = tf.slice(x, [0, 0, 0], [-1, x.shape[1] - 1, -1]);
 *       const states = tf.concat([tf.zeros([batch, 1, dim]), previous], 1);
 *       const final = tf.reshape(tf.slice(x, [0, x.shape[1] - 1, 0], [-1, 1, -1]), [batch, dim]);
 *       return { states: states as tf.Tensor3D, final: final as tf.Tensor2D };
 *     });
 *   }
 * }
 * const context = {
 *   numItems: 5,
 *   embeddingDim: 3,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 5, dim: 3, seed: 0 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 5, dim: 1 }),
 *   seed: 0,
 * };
 * const model = new LastItem(context);
 * const { final } = model.encode(tf.tensor2d([[0, 1, 2]], [1, 3], 'int32'));
 * console.assert(model.scoreAll(final).shape.join() === '1,5');
 * ```
 */
export abstract class DotProductRepresentation implements SequenceRepresentation {
  /** The shared item tables and sizes this representation was built with. */
  readonly context: RepresentationContext;
  /** Width of a user state: the embedding width. */
  readonly stateSize: number;
  /** Name and options, enough to rebuild it through the registry. */
  abstract readonly config: RepresentationConfig;
  /** The network's own trainable variables. */
  abstract readonly variables: readonly tf.Variable[];

  /** @param context - The shared item tables and sizes. */
  constructor(context: RepresentationContext) {
    this.context = context;
    this.stateSize = context.embeddingDim;
  }

  /** User states for int32 [batch, L] item ids; see {@link SequenceRepresentation.encode}. */
  abstract encode(itemIds: tf.Tensor2D): EncodedSequences;

  /**
   * `states` float32 [n, dim], `itemIds` int32 [n, k] → float32 [n, k]: bias plus dot
   * product with each item's embedding.
   */
  score(states: tf.Tensor2D, itemIds: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const [n, k] = itemIds.shape;
      const vectors = this.context.itemEmbedding.lookup(itemIds) as tf.Tensor3D; // [n, k, dim]
      const bias = tf.reshape(this.context.itemBias.lookup(itemIds), [n, k]);
      const dots = tf.reshape(tf.matMul(vectors, tf.expandDims(states, 2)), [n, k]);
      return tf.add(dots, bias);
    });
  }

  /** `states` float32 [n, dim] → float32 [n, numItems] against every item's embedding. */
  scoreAll(states: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const table = this.context.itemEmbedding.table(); // [numItems, dim]
      const bias = tf.reshape(this.context.itemBias.table(), [1, this.context.numItems]);
      return tf.add(tf.matMul(states, table, false, true), bias);
    });
  }

  /** Frees the network's own variables (the shared item tables stay). */
  dispose(): void {
    for (const variable of this.variables) variable.dispose();
  }
}
