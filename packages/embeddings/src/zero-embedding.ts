import * as tf from '@tensorflow/tfjs-core';

import type { Embedding } from './embedding.js';
import { gatherRows } from './gather-rows.js';
import { paddingMask, requireSize, uniqueName } from './internal/options.js';

/**
 * Options of {@link ZeroEmbedding}.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ZeroEmbedding, type ZeroEmbeddingOptions } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const options: ZeroEmbeddingOptions = { numEmbeddings: 20, dim: 1, name: 'user_bias' };
 * const biases = new ZeroEmbedding(options);
 * console.assert(biases.weights.shape.join() === '20,1');
 * console.assert(biases.weights.name.includes('user_bias'));
 * biases.dispose();
 * ```
 */
export interface ZeroEmbeddingOptions {
  /** Number of ids, padding (id 0) included; at least 1. */
  readonly numEmbeddings: number;
  /** Vector length (1 for item biases); at least 1. */
  readonly dim: number;
  /** Variable name prefix, unique per model (default `'item_bias'`). */
  readonly name?: string;
}

/**
 * An embedding table that starts at zero, for item biases (Spotlight's `ZeroEmbedding`).
 * The padding row 0 never trains.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ZeroEmbedding } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const biases = new ZeroEmbedding({ numEmbeddings: 50, dim: 1 });
 * console.assert(biases.table().shape.join() === '50,1');
 * const padding = biases.lookup(tf.tensor1d([0], 'int32')); // float32 [1, 1]
 * console.assert(padding.dataSync()[0] === 0);
 * biases.dispose();
 * ```
 */
export class ZeroEmbedding implements Embedding {
  /** Number of ids, padding included. */
  readonly numEmbeddings: number;
  /** Vector length. */
  readonly dim: number;
  /** The table, float32 [numEmbeddings, dim]. */
  readonly weights: tf.Variable<tf.Rank.R2>;
  /** `[weights]`. */
  readonly variables: readonly tf.Variable[];

  /** @throws RangeError if a size is not a positive integer. */
  constructor(options: ZeroEmbeddingOptions) {
    this.numEmbeddings = requireSize('ZeroEmbedding', 'numEmbeddings', options.numEmbeddings);
    this.dim = requireSize('ZeroEmbedding', 'dim', options.dim);
    const initial = tf.zeros([this.numEmbeddings, this.dim]) as tf.Tensor2D;
    this.weights = tf.variable(initial, true, uniqueName(options.name ?? 'item_bias'));
    initial.dispose();
    this.variables = [this.weights];
  }

  /** Rows for int32 `ids` of shape S → float32 [...S, dim]. */
  lookup(ids: tf.Tensor): tf.Tensor {
    return gatherRows(this.weights, ids);
  }

  /**
   * The whole table, float32 [numEmbeddings, dim] (a new tensor the caller disposes). Row 0
   * is multiplied by zero rather than copied, so gradients through it never reach the
   * padding row either.
   */
  table(): tf.Tensor2D {
    return tf.tidy(() => tf.mul(this.weights, paddingMask(this.numEmbeddings)));
  }

  /** Frees the table. */
  dispose(): void {
    this.weights.dispose();
  }
}
