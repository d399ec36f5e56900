import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue } from '../test/helpers.js';
import { AdaptiveHingeLoss } from './adaptive-hinge-loss.js';

const context = { numItems: 11, numNegatives: 2 };

describe.each(['cpu', 'wasm'] as const)('AdaptiveHingeLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // Row 0: max(0, 1 + max(0.5, -1) - 1) = 0.5
    // Row 1: max(0, 1 + max(1, -0.5) - 0) = 2
    // Row 2 is masked. Mean: (0.5 + 2) / 2 = 1.25.
    expect(handValue(new AdaptiveHingeLoss(context))).toBeCloseTo(1.25, 6);
  });

  it('sends the gradient to the highest negative only', () => {
    const loss = new AdaptiveHingeLoss(context);
    const grad = tf.tidy(() => {
      const positive = tf.tensor1d([0, 0]);
      const mask = tf.tensor1d([1, 1]);
      const f = (negative: tf.Tensor) => loss.compute(positive, negative as tf.Tensor2D, mask);
      return tf
        .grad(f)(
          tf.tensor2d([
            [0.2, -0.3, 0.4],
            [-1, 0.5, 0.1],
          ]),
        )
        .arraySync();
    });
    // d/d(max neg) of the mean of two hinges, both active: 1 / 2.
    expect(grad).toEqual([
      [0, 0, 0.5],
      [0, 0.5, 0],
    ]);
  });
});
