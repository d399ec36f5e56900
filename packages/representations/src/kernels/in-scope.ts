import * as tf from '@tensorflow/tfjs-core';

import type { RecurrentSequence } from './sequence-kernels.js';

/**
 * Runs `layer` in a tidy scope and keeps only the three tensors of its result.
 *
 * @internal
 */
export function inScope(layer: () => RecurrentSequence): RecurrentSequence {
  return tf.tidy(() => {
    const { outputs, finalH, finalC } = layer();
    return { outputs, finalH, finalC };
  });
}
