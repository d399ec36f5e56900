import type * as tf from '@tensorflow/tfjs-core';

/**
 * A table of learned vectors indexed by dense id, with id 0 (`PADDING_ID` in
 * `@seqrec/interactions`) reserved for padding.
 *
 * Implementations keep the padding vector at zero and never train it: `lookup` of id 0
 * returns zeros and the gradient reaching row 0 is dropped. That makes left padding
 * contribute nothing to a pooled state and a zero input to a recurrent one.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, type Embedding } from '@seqrec/embeddings';
 *
 * await selectBackend({ backend: 'cpu' });
 * const table: Embedding = new ScaledEmbedding({ numEmbeddings: 10, dim: 4, seed: 1 });
 * const vectors = table.lookup(tf.tensor2d([[0, 3]], [1, 2], 'int32')); // float32 [1, 2, 4]
 * console.assert(vectors.shape.join() === '1,2,4');
 * vectors.dispose();
 * table.dispose();
 * ```
 */
export interface Embedding {
  /** Number of ids, padding included: ids are in `[0, numEmbeddings)`. */
  readonly numEmbeddings: number;
  /** Length of each vector. */
  readonly dim: number;
  /** The trainable variables, named uniquely, for optimisers and for saving. */
  readonly variables: readonly tf.Variable[];
  /**
   * Vectors for `ids` (int32, any shape S), as float32 [...S, dim]. Differentiable with
   * respect to {@link Embedding.variables}. The caller disposes the result.
   */
  lookup(ids: tf.Tensor): tf.Tensor;
  /**
   * Every id's vector, float32 [numEmbeddings, dim], row 0 zero; used to score all items at
   * once. The caller disposes the result.
   */
  table(): tf.Tensor2D;
  /** Frees the variables. */
  dispose(): void;
}
