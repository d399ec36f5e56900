import * as tf from '@tensorflow/tfjs-core';

import type { MlstmEmit, RecurrentSequence } from './sequence-kernels.js';

/**
 * Splits the one output of a fused recurrent op, float32 [T + 1, batch, H] (the emitted
 * state after steps 1 … T, then the final state that is not emitted), into a
 * {@link RecurrentSequence}, and disposes it. A `tf.customGrad` op has a single output, so
 * kernels that compute a whole layer as one op pack the final other state in with it.
 *
 * @param emitted - Which state rows 0 … T-1 hold: `'hidden'` (then row T is `c_T`) or
 *   `'cell'` (then row T is `h_T`).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { unpackRecurrentStates } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * // Two steps of h (1, 2), then c_T (9), for a batch of one and H = 1.
 * const run = unpackRecurrentStates(tf.tensor3d([1, 2, 9], [3, 1, 1]), 'hidden');
 * console.assert(run.outputs.dataSync().join() === '1,2');
 * console.assert(run.finalH.dataSync()[0] === 2 && run.finalC.dataSync()[0] === 9);
 * ```
 */
export function unpackRecurrentStates(packed: tf.Tensor3D, emitted: MlstmEmit): RecurrentSequence {
  const [rows, batch, hidden] = packed.shape;
  const steps = rows - 1;
  const parts = tf.tidy(() => {
    const row = (t: number) => tf.reshape(tf.slice(packed, t, 1), [batch, hidden]) as tf.Tensor2D;
    return { outputs: tf.slice(packed, 0, steps), last: row(steps - 1), other: row(steps) };
  });
  packed.dispose();
  const { outputs, last, other } = parts;
  return emitted === 'hidden'
    ? { outputs, finalH: last, finalC: other }
    : { outputs, finalH: other, finalC: last };
}
