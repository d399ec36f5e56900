import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

import type { Embedding } from './embedding.js';
import { gatherRows } from './gather-rows.js';
import { paddingMask, requireSize, tfSeed, uniqueName } from './internal/options.js';

/**
 * Options of {@link ScaledEmbedding}.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, type ScaledEmbeddingOptions } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const options: ScaledEmbeddingOptions = { numEmbeddings: 10, dim: 4, seed: 1, name: 'genres' };
 * const a = new ScaledEmbedding(options);
 * const b = new ScaledEmbedding(options);
 * // The same seed gives the same initial table.
 * console.assert(a.weights.dataSync().join() === b.weights.dataSync().join());
 * a.dispose();
 * b.dispose();
 * ```
 */
export interface ScaledEmbeddingOptions {
  /** Number of ids, padding (id 0) included; at least 1. */
  readonly numEmbeddings: number;
  /** Vector length; at least 1. */
  readonly dim: number;
  /** Seed of the initial values (default 0). */
  readonly seed?: number;
  /** Variable name prefix, unique per model (default `'item_embedding'`). */
  readonly name?: string;
}

/**
 * An embedding table initialised from a normal distribution with standard deviation
 * `1 / dim`, as Spotlight's `ScaledEmbedding`, whose padding row 0 is zero and stays zero:
 * its gradient is dropped, so neither the optimiser nor weight decay moves it.
 *
 * @see Spotlight's `spotlight.layers.ScaledEmbedding`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const items = new ScaledEmbedding({ numEmbeddings: 100, dim: 16, seed: 42 });
 * const padding = items.lookup(tf.tensor1d([0], 'int32'));
 * console.assert(padding.dataSync().every((v) => v === 0));
 * items.dispose();
 * ```
 */
export class ScaledEmbedding implements Embedding {
  /** Number of ids, padding included. */
  readonly numEmbeddings: number;
  /** Vector length. */
  readonly dim: number;
  /** The table, float32 [numEmbeddings, dim]. */
  readonly weights: tf.Variable<tf.Rank.R2>;
  /** `[weights]`. */
  readonly variables: readonly tf.Variable[];

  /** @throws RangeError if a size is not a positive integer or the seed is not an integer. */
  constructor(options: ScaledEmbeddingOptions) {
    const api = 'ScaledEmbedding';
    this.numEmbeddings = requireSize(api, 'numEmbeddings', options.numEmbeddings);
    this.dim = requireSize(api, 'dim', options.dim);
    const seed = options.seed ?? 0;
    if (!Number.isSafeInteger(seed)) {
      throw new RangeError(`${api}: seed must be an integer; got ${describeValue(seed)}.`);
    }
    // The padding row is built as zeros rather than masked, which would leave -0 entries.
    const initial = tf.tidy(() =>
      tf.concat([
        tf.zeros([1, this.dim]),
        tf.randomNormal(
          [this.numEmbeddings - 1, this.dim],
          0,
          1 / this.dim,
          'float32',
          tfSeed(seed),
        ),
      ]),
    ) as tf.Tensor2D;
    this.weights = tf.variable(initial, true, uniqueName(options.name ?? 'item_embedding'));
    initial.dispose();
    this.variables = [this.weights];
  }

  /** Rows for int32 `ids` of shape S → float32 [...S, dim]; row 0 is zero. */
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
