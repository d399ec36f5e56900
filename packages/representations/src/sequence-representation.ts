import type * as tf from '@tensorflow/tfjs-core';
import type { Embedding } from '@seqrec/embeddings';

/**
 * What a representation is built with: the item tables it shares with the model.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { PoolingRepresentation, type RepresentationContext } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * // 99 items plus padding, 16-wide vectors; the model scores with the same item table.
 * const context: RepresentationContext = {
 *   numItems: 100,
 *   embeddingDim: 16,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 100, dim: 16, seed: 1 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 100, dim: 1 }),
 *   seed: 2,
 * };
 * const pooling = new PoolingRepresentation(context);
 * console.assert(pooling.stateSize === 16 && pooling.variables.length === 0);
 * ```
 */
export interface RepresentationContext {
  /** Size of the item id space, padding (id 0) included. */
  readonly numItems: number;
  /** Width of item embeddings, and of the user state of most representations. */
  readonly embeddingDim: number;
  /** Item vectors, [numItems, embeddingDim]; inputs and scoring share (tie) them. */
  readonly itemEmbedding: Embedding;
  /** Item biases, [numItems, 1], added to every score. */
  readonly itemBias: Embedding;
  /** Seed for the representation's own initial weights. */
  readonly seed: number;
}

/**
 * The output of {@link SequenceRepresentation.encode}. The caller disposes both tensors.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { GruRepresentation, type EncodedSequences } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const gru = new GruRepresentation({
 *   numItems: 5,
 *   embeddingDim: 3,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 5, dim: 3 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 5, dim: 1 }),
 *   seed: 0,
 * });
 * const encoded: EncodedSequences = gru.encode(tf.tensor2d([[1, 2, 4]], [1, 3], 'int32'));
 * const other = gru.encode(tf.tensor2d([[1, 2, 3]], [1, 3], 'int32'));
 * // Position t never sees item t: rows that differ only in their last item have the same
 * // states (the same arithmetic, so equal up to rounding), and differ only in `final`.
 * console.assert(tf.max(tf.abs(tf.sub(encoded.states, other.states))).dataSync()[0]! < 1e-6);
 * console.assert(tf.max(tf.abs(tf.sub(encoded.final, other.final))).dataSync()[0]! > 0);
 * for (const tensor of [encoded.states, encoded.final, other.states, other.final]) {
 *   tensor.dispose();
 * }
 * ```
 */
export interface EncodedSequences {
  /**
   * float32 [batch, L, stateSize]: the user state before each position, so position t has
   * seen items `0 … t-1` of the row and never item t itself.
   */
  readonly states: tf.Tensor3D;
  /** float32 [batch, stateSize]: the state after the whole row, for next-item scoring. */
  readonly final: tf.Tensor2D;
}

/**
 * The serialisable description of a representation: its registry name and options.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { createRepresentation, type RepresentationConfig } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const context = {
 *   numItems: 6,
 *   embeddingDim: 4,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 6, dim: 4 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 6, dim: 1 }),
 *   seed: 0,
 * };
 * // The config, defaults filled in, rebuilds the same kind of network.
 * const cnn = createRepresentation('cnn', context, { kernelWidth: 2 });
 * const config: RepresentationConfig = cnn.config;
 * const copy = createRepresentation(config.name, context, config.options);
 * console.assert(JSON.stringify(copy.config) === JSON.stringify(config));
 * ```
 */
export interface RepresentationConfig {
  /** Name in the representation registry. */
  readonly name: string;
  /** JSON-serialisable options the factory was given, defaults filled in. */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * A network that turns windows of item ids into user states and scores items against them.
 *
 * Any representation trains with any loss through the shared trainer in `@seqrec/models`.
 * A plugin implements `encode` and, usually by extending {@link DotProductRepresentation},
 * inherits scoring: item bias plus the dot product of the state with the item's (tied)
 * embedding.
 *
 * @example
 * ```ts
 * import type { SequenceRepresentation } from '@seqrec/representations';
 *
 * function describe(representation: SequenceRepresentation): string {
 *   return `${representation.config.name} with ${String(representation.variables.length)} weights`;
 * }
 * console.assert(typeof describe === 'function');
 * ```
 */
export interface SequenceRepresentation {
  /**
   * The shared item tables and sizes it was built with; a model trains the tables' variables
   * together with {@link SequenceRepresentation.variables}.
   */
  readonly context: RepresentationContext;
  /** Name and options, enough to rebuild it through the registry. */
  readonly config: RepresentationConfig;
  /** Width of a user state (`embeddingDim` for most; larger for mixtures). */
  readonly stateSize: number;
  /** The network's own trainable variables (the shared item tables are not included). */
  readonly variables: readonly tf.Variable[];
  /**
   * User states for int32 [batch, L] item ids (0 = left padding).
   */
  encode(itemIds: tf.Tensor2D): EncodedSequences;
  /**
   * Scores of chosen items: `states` float32 [n, stateSize], `itemIds` int32 [n, k] →
   * float32 [n, k]. The caller disposes the result.
   */
  score(states: tf.Tensor2D, itemIds: tf.Tensor2D): tf.Tensor2D;
  /**
   * Scores of every item id: `states` float32 [n, stateSize] → float32 [n, numItems]
   * (column 0 is the padding id). The caller disposes the result.
   */
  scoreAll(states: tf.Tensor2D): tf.Tensor2D;
  /** Frees the network's own variables (not the shared item tables). */
  dispose(): void;
}
