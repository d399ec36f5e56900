import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue, lossValue } from '../test/helpers.js';
import { LogisticLoss } from './logistic-loss.js';

const context = { numItems: 11, numNegatives: 2 };

describe.each(['cpu', 'wasm'] as const)('LogisticLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // softplus(x) = log(1 + eˣ) = -log σ(-x).
    // Row 0: softplus(-1) + (softplus(0.5) + softplus(-1)) / 2
    //        = 0.3132617 + (0.9740770 + 0.3132617) / 2 = 0.9569310
    // Row 1: softplus(0) + (softplus(1) + softplus(-0.5)) / 2
    //        = 0.6931472 + (1.3132617 + 0.4740770) / 2 = 1.5868165
    // Row 2 is masked. Mean: (0.9569310 + 1.5868165) / 2 = 1.2718738.
    // Five decimals: float32 transcendental kernels are good to about 1e-7 relative.
    expect(handValue(new LogisticLoss(context))).toBeCloseTo(1.2718738, 5);
  });

  it('grows linearly, without overflow, for confident mistakes', () => {
    // softplus(200) + softplus(300) = 200 + 300, where log(σ(-200)) would be log(0).
    expect(lossValue(new LogisticLoss(context), [-200], [[300]], [1])).toBeCloseTo(500, 3);
  });
});
