import type * as tf from '@tensorflow/tfjs-core';

/**
 * A float32 tensor's values as a host array, read synchronously. On the cpu backend this is
 * the tensor's own storage, so it is only ever read, never written.
 *
 * @internal
 */
export function hostValues(tensor: tf.Tensor): Float32Array {
  return tensor.dataSync() as Float32Array;
}
