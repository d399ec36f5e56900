import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

/** Checks that a size is a positive integer. */
export function requireSize(api: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(
      `${api}: ${name} must be a positive integer; got ${describeValue(value)}.`,
    );
  }
  return value;
}

let counter = 0;

/**
 * TensorFlow.js variable names are global: two models in one process must not collide, so
 * each variable gets a numeric suffix.
 *
 * @internal
 */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${String(counter)}`;
}

/** float32 [numRows, 1]: 0 for the padding row, 1 for every other row. */
export function paddingMask(numRows: number): tf.Tensor2D {
  return tf.tidy(() => tf.concat([tf.zeros([1, 1]), tf.ones([numRows - 1, 1])])) as tf.Tensor2D;
}

/**
 * The seed to hand `tf.randomNormal`, which treats 0 as "no seed" and then draws from
 * `Math.random`: non-negative seeds move up by one so seed 0 stays reproducible, negative
 * ones are kept, and no two seeds collide.
 */
export function tfSeed(seed: number): number {
  return seed >= 0 ? seed + 1 : seed;
}
