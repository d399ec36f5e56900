import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue, lossValue } from '../test/helpers.js';
import { BprLoss } from './bpr-loss.js';

const context = { numItems: 11, numNegatives: 2 };

describe.each(['cpu', 'wasm'] as const)('BprLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // Row 0: ((1 - σ(1 - 0.5)) + (1 - σ(1 + 1))) / 2 = (0.3775407 + 0.1192029) / 2 = 0.2483718
    // Row 1: ((1 - σ(0 - 1)) + (1 - σ(0 + 0.5))) / 2 = (0.7310586 + 0.3775407) / 2 = 0.5542996
    // Row 2 is masked. Mean: (0.2483718 + 0.5542996) / 2 = 0.4013357.
    // Five decimals: float32 transcendental kernels are good to about 1e-7 relative.
    expect(handValue(new BprLoss(context))).toBeCloseTo(0.4013357, 5);
  });

  it('depends only on score differences', () => {
    const loss = new BprLoss(context);
    expect(lossValue(loss, [3], [[2.5, 1]], [1])).toBeCloseTo(
      lossValue(loss, [1], [[0.5, -1]], [1]),
      6,
    );
  });

  it('names the shapes it rejects', () => {
    const loss = new BprLoss(context);
    tf.tidy(() => {
      const mask = tf.ones([32]) as tf.Tensor1D;
      expect(() => loss.compute(tf.zeros([32]), tf.zeros([16, 10]), mask)).toThrow(
        'BprLoss.compute: negative must have shape [n, k] = [32, k] with k ≥ 1 ' +
          '(n from positive); got [16,10].',
      );
      expect(() =>
        loss.compute(tf.zeros([32, 1]) as tf.Tensor as tf.Tensor1D, tf.zeros([32, 10]), mask),
      ).toThrow('BprLoss.compute: positive must have shape [n]; got [32,1].');
      expect(() => loss.compute(tf.zeros([32]), tf.zeros([32, 10]), tf.ones([31]))).toThrow(
        'BprLoss.compute: mask must have shape [n] = [32] (n from positive); got [31].',
      );
      expect(() => loss.compute(tf.zeros([32]), tf.zeros([32, 0]), mask)).toThrow(
        'BprLoss.compute: negative must have shape [n, k] = [32, k] with k ≥ 1 ' +
          '(n from positive); got [32,0].',
      );
      expect(() =>
        loss.compute(tf.zeros([32]), tf.zeros([32, 10]), tf.ones([32], 'int32')),
      ).toThrow(
        "BprLoss.compute: mask must be float32; got int32. Hint: tf.cast(mask, 'float32').",
      );
    });
  });
});
