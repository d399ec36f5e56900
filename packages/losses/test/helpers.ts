// Shared by the loss tests: small score fixtures and a way to read a loss as a number.
import * as tf from '@tensorflow/tfjs-core';

import type { Loss } from '../src/loss.js';

/**
 * The hand-worked fixture of the unit tests: two counted positions with k = 2 negatives and
 * a third, masked one whose scores are large enough to dominate any mean they leaked into.
 */
export const HAND = {
  positive: [1, 0, 5],
  negative: [
    [0.5, -1],
    [1, -0.5],
    [9, 9],
  ],
  mask: [1, 1, 0],
} as const;

/** The loss of plain arrays, as a number; every tensor is freed. */
export function lossValue(
  loss: Loss,
  positive: readonly number[],
  negative: readonly (readonly number[])[],
  mask: readonly number[],
): number {
  return tf.tidy(
    () =>
      loss
        .compute(
          tf.tensor1d(positive as number[]),
          tf.tensor2d(negative as number[][], [positive.length, negative[0]?.length ?? 0]),
          tf.tensor1d(mask as number[]),
        )
        .dataSync()[0] as number,
  );
}

/** {@link lossValue} of {@link HAND}. */
export function handValue(loss: Loss): number {
  return lossValue(loss, HAND.positive, HAND.negative, HAND.mask);
}
