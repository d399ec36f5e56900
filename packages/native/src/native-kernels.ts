import { availableParallelism } from 'node:os';

import { describeValue } from '@seqrec/interactions';
import type * as tf from '@tensorflow/tfjs-core';
import type { SampledLossInput, SequenceKernels } from '@seqrec/representations';

import { BufferPool } from './internal/buffer-pool.js';
import { HostArrays } from './internal/host-arrays.js';
import { loadAddon } from './internal/native-addon.js';
import type { NativeInfo } from './native-info.js';
import { nativeGru } from './internal/native-gru.js';
import { nativeLstm } from './internal/native-lstm.js';
import { nativeMlstm } from './internal/native-mlstm.js';
import { nativeSampledLoss } from './internal/native-sampled-loss.js';

/**
 * Options of {@link loadNativeKernels}.
 *
 * @example
 * ```ts
 * import type { NativeKernelsOptions } from '@seqrec/native';
 *
 * const options: NativeKernelsOptions = { threads: 1 };
 * console.assert(options.threads === 1);
 * ```
 */
export interface NativeKernelsOptions {
  /**
   * Threads per layer call (default: `SEQREC_NATIVE_THREADS`, else every core Node reports).
   * Each thread runs the whole sequence for its share of the batch's rows.
   */
  readonly threads?: number;
  /** Environment to read `SEQREC_NATIVE_THREADS` from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The `'native'` {@link SequenceKernels} with what the addon reports about itself.
 *
 * @example
 * ```ts
 * import type { NativeKernels } from '@seqrec/native';
 *
 * function describe(kernels: NativeKernels): string {
 *   return `${kernels.name} on ${String(kernels.info.threads)} threads (${kernels.info.blas})`;
 * }
 * console.assert(typeof describe === 'function');
 * ```
 */
export interface NativeKernels extends SequenceKernels {
  /** Threads, cores and the BLAS in use. */
  readonly info: NativeInfo;
  /** The sampled scoring and loss in one pass over the positions, on several threads. */
  sampledLoss(input: SampledLossInput): tf.Scalar;
}

/**
 * The environment variable that sets the default thread count of {@link loadNativeKernels}.
 *
 * @example
 * ```ts
 * import { NATIVE_THREADS_ENV_VAR } from '@seqrec/native';
 *
 * // SEQREC_NATIVE_THREADS=1 pnpm seqrec compare --workers 2 … gives each worker one core.
 * console.assert(NATIVE_THREADS_ENV_VAR === 'SEQREC_NATIVE_THREADS');
 * ```
 */
export const NATIVE_THREADS_ENV_VAR = 'SEQREC_NATIVE_THREADS';

// Gate traces kept between steps: a few layers' worth at the study's largest sizes.
const POOL_BYTES = 1 << 30;

/**
 * Loads the addon and returns the `'native'` {@link SequenceKernels}: the LSTM, mLSTM and GRU
 * layers (input projection included) in C, forward and backward, with OpenBLAS products and
 * the batch split over threads, and the sampled scoring and loss of a training step in one
 * pass (`sampledLoss`). Pass the result to `useSequenceKernels` from
 * `@seqrec/representations`, or let `@seqrec/models` pick it (its `kernels` option).
 *
 * The layers read their inputs back from the tfjs backend once per call and hand their
 * results back as tensors, so they work under any backend; they pay off on cpu and wasm.
 *
 * @throws Error if the addon was not built or does not load, saying why and what to do.
 * @throws RangeError if `threads` (or `SEQREC_NATIVE_THREADS`) is not an integer from 1 to 256.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { loadNativeKernels } from '@seqrec/native';
 * import { useSequenceKernels } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * let kernels;
 * try {
 *   kernels = loadNativeKernels({ threads: 2 });
 * } catch (error) {
 *   // Not built on this machine: the message says why; the JavaScript kernels stay active.
 * }
 * if (kernels !== undefined) {
 *   const previous = useSequenceKernels(kernels);
 *   const run = kernels.gru(
 *     tf.ones([3, 2, 4]),
 *     {
 *       weightIh: tf.zeros([15, 4]),
 *       biasIh: tf.zeros([15]),
 *       weightHh: tf.zeros([15, 5]),
 *       biasHh: tf.zeros([15]),
 *     },
 *     tf.zeros([2, 5]),
 *   );
 *   console.assert(run.outputs.shape.join() === '3,2,5' && kernels.info.threads === 2);
 *   useSequenceKernels(previous);
 * }
 * ```
 */
export function loadNativeKernels(options: NativeKernelsOptions = {}): NativeKernels {
  const threads = resolveThreads(options);
  const addon = loadAddon();
  addon.setThreads(threads);
  const arrays = new HostArrays(new BufferPool(POOL_BYTES));
  const info = addon.describe();
  return Object.freeze<NativeKernels>({
    name: 'native',
    description: `C layers, ${String(info.threads)} threads, ${info.blas.split(' ').slice(0, 2).join(' ')} (${info.blasCore})`,
    info,
    lstm: (inputs, weights, h0, c0) => nativeLstm(addon, arrays, inputs, weights, h0, c0),
    mlstm: (inputs, weights, h0, c0, emit) =>
      nativeMlstm(addon, arrays, inputs, weights, h0, c0, emit),
    gru: (inputs, weights, h0) => nativeGru(addon, arrays, inputs, weights, h0),
    sampledLoss: (input) => nativeSampledLoss(addon, arrays, input),
  });
}

function resolveThreads(options: NativeKernelsOptions): number {
  const fromEnv = (options.env ?? process.env)[NATIVE_THREADS_ENV_VAR];
  if (options.threads === undefined && (fromEnv === undefined || fromEnv === '')) {
    return availableParallelism();
  }
  const source = options.threads === undefined ? NATIVE_THREADS_ENV_VAR : 'threads';
  // The variable takes digits only: Number() would also take ' 2', '0x2' or '2e0'.
  const value =
    options.threads ?? (/^[0-9]+$/.test(fromEnv as string) ? Number(fromEnv) : Number.NaN);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 256) {
    // The value as given: the variable's text, not what it parsed to.
    const given = options.threads ?? fromEnv;
    throw new RangeError(
      `loadNativeKernels: ${source} must be an integer from 1 to 256; got ${describeValue(given)}.`,
    );
  }
  return value;
}
