import * as tf from '@tensorflow/tfjs-core';

/**
 * Runs `body` and throws if it leaves more tensors alive than it found.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { expectNoLeaks } from '@seqrec/testing';
 *
 * await selectBackend({ backend: 'cpu' });
 * await expectNoLeaks(() => tf.tidy(() => void tf.add(tf.ones([2]), 1)));
 * ```
 */
export async function expectNoLeaks(body: () => unknown): Promise<void> {
  const before = tf.memory().numTensors;
  await body();
  const after = tf.memory().numTensors;
  if (after !== before) {
    throw new Error(`tensor leak: ${String(before)} tensors before, ${String(after)} after`);
  }
}
