import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue, lossValue } from '../test/helpers.js';
import { GbceLoss } from './gbce-loss.js';
import { LogisticLoss } from './logistic-loss.js';

// 11 ids: padding and |I| = 10 real items; k = 2, so α = 2 / (10 - 1) = 2 / 9.
const context = { numItems: 11, numNegatives: 2 };

describe('GbceLoss options', () => {
  it('derives α and β as the paper does', () => {
    // β = α (t (1 - 1/α) + 1/α) = 2/9 × (0.75 × (1 - 4.5) + 4.5) = 2/9 × 1.875 = 0.4166667
    const loss = new GbceLoss(context);
    expect(loss.t).toBe(0.75);
    expect(loss.alpha).toBeCloseTo(2 / 9, 12);
    expect(loss.beta).toBeCloseTo(0.4166667, 7);
    expect(new GbceLoss(context, { t: 0 }).beta).toBeCloseTo(1, 12);
    expect(new GbceLoss(context, { t: 1 }).beta).toBeCloseTo(2 / 9, 12);
  });

  it('rejects a bad t, too many negatives and unknown options', () => {
    expect(() => new GbceLoss(context, { t: 1.5 })).toThrow(
      'GbceLoss: t must be a number in [0, 1]; got 1.5.',
    );
    expect(() => new GbceLoss({ numItems: 5, numNegatives: 4 })).toThrow(
      'GbceLoss: context.numNegatives must be at most numItems - 2 = 3 ' +
        '(the items other than padding and the positive); got 4.',
    );
    expect(() => new GbceLoss(context, { calibration: 0.5 } as never)).toThrow(
      'GbceLoss: options must have only known keys (t); got "calibration".',
    );
    expect(() => new GbceLoss({ numItems: 1, numNegatives: 1 })).toThrow(
      'GbceLoss: context.numItems must be an integer of at least 2 (padding included); got 1.',
    );
  });
});

describe.each(['cpu', 'wasm'] as const)('GbceLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // β = 0.4166667 (above); each row is (β softplus(-pos) + Σ softplus(neg)) / (k + 1).
    // Row 0: (0.4166667 × softplus(-1) + softplus(0.5) + softplus(-1)) / 3
    //        = (0.4166667 × 0.3132617 + 0.9740770 + 0.3132617) / 3 = 0.4726215
    // Row 1: (0.4166667 × softplus(0) + softplus(1) + softplus(-0.5)) / 3
    //        = (0.4166667 × 0.6931472 + 1.3132617 + 0.4740770) / 3 = 0.6920500
    // Row 2 is masked. Mean: (0.4726215 + 0.6920500) / 2 = 0.5823357.
    // Five decimals: float32 transcendental kernels are good to about 1e-7 relative.
    expect(handValue(new GbceLoss(context))).toBeCloseTo(0.5823357, 5);
  });

  it('is half of binary cross-entropy at t = 0 with one negative', () => {
    const one = { numItems: 11, numNegatives: 1 };
    const scores = [
      [0.3, -2, 4],
      [[1.2], [-2.5], [0]],
      [1, 0, 1],
    ] as const;
    expect(lossValue(new GbceLoss(one, { t: 0 }), ...scores)).toBeCloseTo(
      lossValue(new LogisticLoss(one), ...scores) / 2,
      6,
    );
  });

  it('requires k to be the context’s numNegatives', () => {
    const loss = new GbceLoss(context);
    tf.tidy(() => {
      expect(() => loss.compute(tf.zeros([4]), tf.zeros([4, 3]), tf.ones([4]))).toThrow(
        'GbceLoss.compute: negative must have shape [n, k] with k = context.numNegatives = 2; ' +
          'got [4,3].',
      );
    });
  });
});
