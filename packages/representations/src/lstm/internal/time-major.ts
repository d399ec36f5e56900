import * as tf from '@tensorflow/tfjs-core';
import type { Embedding } from '@seqrec/embeddings';

/**
 * Item vectors in time-major order: int32 [batch, L] ids → float32 [L (+1), batch, dim].
 * With `leadingZeroStep`, a padding column is put before the first position, whose vector
 * is zero: Spotlight's zero step at the start of the sequence.
 *
 * The ids are transposed rather than the vectors: it moves `dim` times less data, and
 * time-major steps are contiguous, so splitting them apart copies least.
 *
 * @internal
 */
export function embedTimeMajor(
  embedding: Embedding,
  itemIds: tf.Tensor2D,
  leadingZeroStep: boolean,
): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch] = itemIds.shape;
    let timeMajorIds = tf.transpose(itemIds); // [L, batch]
    if (leadingZeroStep) {
      timeMajorIds = tf.concat([tf.zeros([1, batch], 'int32'), timeMajorIds], 0);
    }
    return embedding.lookup(timeMajorIds) as tf.Tensor3D;
  });
}

/**
 * Per-position states from time-major outputs: the first `length` steps of float32
 * [T, batch, H] → float32 [batch, length, H].
 *
 * @internal
 */
export function batchMajorStates(outputs: tf.Tensor3D, length: number): tf.Tensor3D {
  return tf.tidy(() => {
    const kept = length === outputs.shape[0] ? outputs : tf.slice(outputs, 0, length);
    return tf.transpose(kept, [1, 0, 2]);
  });
}
