import type * as tf from '@tensorflow/tfjs-core';

import type { HostArrays } from './host-arrays.js';

/** What every native layer's trace carries besides its arrays. */
export interface TraceState {
  /** Set by the backward pass, which turns the trace into gradients in place. */
  spent: boolean;
}

/**
 * Marks a trace as used by its backward pass, which overwrites it in place.
 *
 * @throws Error if a backward pass already ran on it: a second one would read gradients as
 *   activations.
 * @internal
 */
export function spendTrace(api: string, trace: TraceState): void {
  if (trace.spent) throw new Error(`${api}: the backward pass ran twice on one trace.`);
  trace.spent = true;
}

/**
 * The one output of a fused LSTM-cell op, float32 [T + 1, batch, H]: the emitted state
 * after steps 1 … T (rows 1 … T of `emitted`, [T + 1, batch, H] with the initial state in
 * row 0), then the final other state (row T of `other`).
 *
 * @internal
 */
export function packStates(
  arrays: HostArrays,
  emitted: Float32Array,
  other: Float32Array,
  shape: readonly [steps: number, batch: number, hidden: number],
): tf.Tensor3D {
  const [steps, batch, hidden] = shape;
  const size = batch * hidden;
  const packed = arrays.take((steps + 1) * size);
  packed.set(emitted.subarray(size));
  packed.set(other.subarray(steps * size), steps * size);
  return arrays.tensor<tf.Rank.R3>(packed, [steps + 1, batch, hidden]);
}
